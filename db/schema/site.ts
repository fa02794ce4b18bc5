/** The newsroom's own settings and pages: what an admin changes in the desk rather than in code. */
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './people'
import { articles } from './stories'

/** One setting per row (lib/settings.ts names them and their defaults). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
})

/** The newsroom's standing pages: About, Contact, Terms, Privacy, the corrections and ethics policies. */
export const sitePages = pgTable('site_pages', {
  slug: text('slug').primaryKey(),
  title: text('title').notNull(),
  /** Plain text; a blank line starts a new paragraph. */
  body: text('body').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
})

/**
 * The words readers' search can suggest ("did you mean"): every word of a published headline and
 * every tag name, found by trigram similarity (pg_trgm). Words are added on publish and never
 * removed; a suggestion is offered only when it finds something.
 */
export const searchWords = pgTable(
  'search_words',
  {
    word: text('word').primaryKey(),
  },
  (t) => [index('search_words_trgm').using('gin', t.word.op('gin_trgm_ops'))],
)

/**
 * Stories an editor placed by hand at the top of a page of the public site, in order (the first
 * leads). `place` names the page (lib/pins.ts: "home" for the front page). A pin whose story is no
 * longer public is passed over, not removed.
 */
export const pins = pgTable(
  'pins',
  {
    place: text('place').notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }).notNull().defaultNow(),
    pinnedBy: integer('pinned_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.place, t.articleId] })],
)

export type SitePage = typeof sitePages.$inferSelect
