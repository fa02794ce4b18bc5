/** What the shared HTTP cache in front of the app holds, and what it still has to let go of. */
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'

/**
 * What each reader's page showed when it was last made, as page keys (lib/page-keys.ts): a change
 * finds here the addresses the edge caches must make again, whichever instance made them.
 */
export const pageKeys = pgTable(
  'page_keys',
  {
    path: text('path').notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.path, t.key] }), index('page_keys_key').on(t.key)],
)

/** A refresh an edge node has not confirmed yet: tried again until it does, and shown in the desk meanwhile. */
export const edgePurges = pgTable(
  'edge_purges',
  {
    node: text('node').notNull(),
    path: text('path').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error').notNull().default(''),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.node, t.path] }), index('edge_purges_due').on(t.nextAttemptAt)],
)
