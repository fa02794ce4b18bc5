/** Who is signed in, what the newsroom did that an admin may need to look back at, and who may see which images. */
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { media } from './media'
import { users } from './people'
import { articles } from './stories'

/**
 * One signed-in browser. The session cookie names its id; every request checks that the row is
 * still open, so signing out, "sign out everywhere", a password change or an idle spell ends it
 * on the server and not only in the browser.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Why it ended, told to the person on the sign-in page (lib/sessions.ts). */
    endReason: text('end_reason'),
    client: text('client').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user').on(t.userId)],
)

/** What an admin may need to look back at: sign-ins, session ends, account changes, media deletions. Never a secret. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectUserId: integer('subject_user_id').references(() => users.id, { onDelete: 'set null' }),
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    client: text('client').notNull().default(''),
  },
  (t) => [index('audit_events_at').on(t.at), index('audit_events_action_at').on(t.action, t.at)],
)

/** The images each published story shows to readers (its published revision's lead image and figures): those are public. */
export const mediaUses = pgTable(
  'media_uses',
  {
    mediaId: integer('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.articleId] }), index('media_uses_article').on(t.articleId)],
)

/** Every upload accepted, for the per-person limits (uploads a minute, bytes a day). */
export const uploadLog = pgTable(
  'upload_log',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    byteSize: integer('byte_size').notNull(),
  },
  (t) => [index('upload_log_user_at').on(t.userId, t.at)],
)

export type AuditEvent = typeof auditEvents.$inferSelect
export type Session = typeof sessions.$inferSelect
