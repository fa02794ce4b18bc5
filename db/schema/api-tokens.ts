/** The Content API's tokens: made by admins at /desk/admin/tokens, their secrets stored only as a hash. */
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { users } from './people'

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    name: text('name').notNull(),
    /** SHA-256 of the secret, in hex: the secret itself is shown once, when the token is made, and kept nowhere. */
    secretHash: text('secret_hash').notNull(),
    /** What it may do (lib/api-tokens/scopes.ts). */
    scopes: text('scopes').array().notNull(),
    /** The sections it is limited to, each with everything under it; empty: every section. */
    sectionIds: integer('section_ids').array().notNull().default([]),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Recorded at most once a minute per instance, not on every request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /** The admin who made it: drafts written with it are theirs, and it works only while they may manage tokens. */
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_tokens_secret_hash').on(t.secretHash), index('api_tokens_created_by').on(t.createdBy)],
)
