/** The people of the newsroom: accounts, sign-in throttling, when each last looked at the desk. */
import { type AnyPgColumn, boolean, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { media } from './media'
import { sections } from './stories'

export const userRole = pgEnum('user_role', ['admin', 'editor', 'writer'])

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  bio: text('bio').notNull().default(''),
  /** The person's job as readers see it on their page ("Middle East correspondent"); '' for none. */
  jobTitle: text('job_title').notNull().default(''),
  /** Their photo on their page: a library image, public while it is theirs (lib/media/access.ts). */
  photoMediaId: integer('photo_media_id').references((): AnyPgColumn => media.id, { onDelete: 'set null' }),
  /** Their pages elsewhere (http or https addresses), shown on their page and given to search engines as `sameAs`. */
  links: jsonb('links').$type<string[]>().notNull().default([]),
  role: userRole('role').notNull().default('writer'),
  passwordHash: text('password_hash').notNull(),
  isDisabled: boolean('is_disabled').notNull().default(false),
  createdAt: createdAt(),
  /** The IANA zone this person reads the desk's times in; empty means the newsroom's (lib/clock.ts). */
  timeZone: text('time_zone').notNull().default(''),
  /** The desk list this person last chose, where /desk takes them next time; empty means their role's default. */
  deskView: text('desk_view').notNull().default(''),
})

/** A byline slug a person had before: `/authors/<slug>` answers 301 to their page, whatever it is called now. */
export const authorRedirects = pgTable('author_redirects', {
  slug: text('slug').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
})

/** Failed sign-ins per e-mail address and per client address, for throttling. */
export const signInFailures = pgTable('sign_in_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
})

/** When each person last looked at the desk: what changed on their stories since is news to them. */
export const deskVisits = pgTable('desk_visits', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
})

/**
 * A section desk: the sections (each with everything under it) where an editor's powers hold
 * (lib/section-desks.ts). An editor with no row here is the whole newsroom's.
 */
export const userSections = pgTable(
  'user_sections',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sectionId] })],
)

export type User = typeof users.$inferSelect
export type Role = (typeof userRole.enumValues)[number]
