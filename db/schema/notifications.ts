/** What the newsroom tells people: notifications in the desk, each person's choices, and the mail waiting to go out. */
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { createdAt, id } from './columns'
import { users } from './people'
import { articles } from './stories'

/** One thing one person is told: a submission, a request for changes, a publication, a mention… (lib/notifications.ts names the kinds). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** What the message needs besides the story and the person: a note's text, a correction's kind. */
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** When it went out by e-mail, alone or in a daily digest; null while it has not (or never will). */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_created').on(t.userId, t.createdAt),
    index('notifications_unread')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
)

/** A person's choices: which kinds they are told of in the desk and by e-mail, and how often mail comes. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Kinds not shown in the desk. */
  mutedInDesk: text('muted_in_desk')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** Kinds never e-mailed. */
  mutedByEmail: text('muted_by_email')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** `now`: a message per notification; `daily`: one digest a day; `off`: no e-mail. */
  email: text('email').notNull().default('now'),
})

/** Mail waiting to go out through SMTP, retried until sent; a failing server never holds up the desk. */
export const mailQueue = pgTable(
  'mail_queue',
  {
    id: id(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The story a message is about: sent only while the person may still open it. Null for a digest. */
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    /** Not before this time (a retry's backoff). */
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error').notNull().default(''),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Given up on after too many attempts. */
    failed: boolean('failed').notNull().default(false),
  },
  (t) => [
    index('mail_queue_due')
      .on(t.sendAfter)
      .where(sql`${t.sentAt} is null and not ${t.failed}`),
  ],
)
