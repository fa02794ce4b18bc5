/** What came from another system (a WordPress export): which record of ours each of its items became. */
import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'

/**
 * One imported item: `source` names the system it came from (a WordPress site's address), `kind`
 * what it is there (post, attachment, author, category, tag), `source_id` its id there, and
 * `target_id` the id of the record it became here (a story, image, person, section or tag). A
 * second import of the same export updates these records instead of making new ones, and leaves
 * alone those whose item did not change there (whatever the newsroom did to them since).
 */
export const importedItems = pgTable(
  'imported_items',
  {
    source: text('source').notNull(),
    kind: text('kind').notNull(),
    sourceId: text('source_id').notNull(),
    targetId: integer('target_id').notNull(),
    /** A digest of the item as it was last imported: a later import changes the record only when the item changed in WordPress. */
    checksum: text('checksum').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.kind, t.sourceId] })],
)
