/** Writing together (lib/collab/): each story's shared document and which app instance serves it. */
import { customType, integer, jsonb, pgSequence, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { articles, revisions } from './stories'

/** Binary data: `Buffer` from pg, `Uint8Array` from PGlite, `Uint8Array` to the app. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
})

/**
 * A story's shared document (Yjs), compacted to one update on every store: the source of its
 * draft while people write together. `revision_id` is the revision it last made or was built
 * from; `contributors` are the people who changed it since then (the next revision's).
 */
export const storyDocuments = pgTable('story_documents', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  state: bytea('state').notNull(),
  revisionId: integer('revision_id').references(() => revisions.id, { onDelete: 'set null' }),
  contributors: jsonb('contributors').$type<number[]>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * Without Redis, one app instance serves a story's shared document at a time: the one holding
 * its lease, renewed while it does; another instance refuses to serve the story until it expires,
 * or until the holder's lock (`lock_key`, on PostgreSQL) is free: its holder no longer runs.
 */
export const collabLeases = pgTable('collab_leases', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  instance: text('instance').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  lockKey: integer('lock_key'),
})

/** One lock key per app instance started on PostgreSQL, never two alike (lib/collab/holder-lock.ts). */
export const collabLockKeys = pgSequence('collab_lock_keys', { maxValue: 2147483647, cycle: true })
