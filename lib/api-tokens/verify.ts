import 'server-only'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { apiTokens, sections, users } from '@/db/schema'
import { check } from '../permissions'
import { type Result, refusal } from '../refusal'
import { type ApiScope, knownScopes } from './scopes'
import { bearerSecret, hashTokenSecret } from './secret'

// Who a request's token is: looked up by the secret's hash, refused when unknown, revoked,
// expired, or when the admin who made it may no longer manage tokens (disabled or demoted: their
// tokens stop with them). Its use is recorded at most once a minute per instance.

/** A token that may be used now: its scopes, the sections it sees, and the person its drafts are written as. */
export type VerifiedToken = {
  id: number
  name: string
  scopes: ApiScope[]
  /** Its sections and everything under them; null: every section. */
  sectionIds: readonly number[] | null
  /** The admin who made it: writes go through the desk's rules as this person. */
  creatorId: number
}

/** How often the last use is written, at most. */
export const lastUseIntervalMs = 60_000

type UseLog = Map<number, number>
const globalUses = globalThis as unknown as { __copydeskTokenUses?: UseLog }

/** The token an Authorization header carries, or an `unauthenticated` refusal that says why. */
export async function verifyBearer(
  db: Db,
  header: string | null,
  now = new Date(),
): Promise<Result<{ token: VerifiedToken }, 'unauthenticated'>> {
  const bearer = bearerSecret(header)
  if (!bearer.ok) {
    return refusal(
      'unauthenticated',
      bearer.problem === 'missing'
        ? 'This needs a token: send it as "Authorization: Bearer <token>". An admin makes one at /desk/admin/tokens.'
        : 'The Authorization header is not a Copydesk token: send "Authorization: Bearer cdk_…".',
    )
  }
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      creatorId: users.id,
      creatorRole: users.role,
      creatorDisabled: users.isDisabled,
      sectionIds: sql<number[] | null>`(
        with recursive limited(id) as (
          select unnest(${apiTokens.sectionIds})
          union
          select child.id from ${sections} child join limited on child.parent_id = limited.id
        )
        select array_agg(id order by id) from limited
      )`,
      limited: sql<boolean>`cardinality(${apiTokens.sectionIds}) > 0`,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.secretHash, hashTokenSecret(bearer.secret)))
  if (!row) return refusal('unauthenticated', 'This token is not known: check that it was copied whole, or ask an admin for a new one.')
  if (row.revokedAt !== null) return refusal('unauthenticated', 'This token has been revoked: ask an admin for a new one.')
  if (row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime()) {
    return refusal('unauthenticated', `This token expired on ${row.expiresAt.toISOString()}: ask an admin for a new one.`)
  }
  if (row.creatorDisabled || !check({ id: row.creatorId, role: row.creatorRole }, 'token.manage').ok) {
    return refusal(
      'unauthenticated',
      'The admin who made this token no longer manages tokens, so it no longer works: ask an admin for a new one.',
    )
  }
  await noteUse(db, row.id, now)
  const sectionIds = row.limited ? (row.sectionIds ?? []).map(Number) : null
  return { ok: true, token: { id: row.id, name: row.name, scopes: knownScopes(row.scopes), sectionIds, creatorId: row.creatorId } }
}

/** Records the token's use, unless this instance did so within the last minute. */
async function noteUse(db: Db, tokenId: number, now: Date): Promise<void> {
  const uses = (globalUses.__copydeskTokenUses ??= new Map())
  const last = uses.get(tokenId)
  if (last !== undefined && now.getTime() - last < lastUseIntervalMs && now.getTime() >= last) return
  uses.set(tokenId, now.getTime())
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId))
}

/** Forgets when tokens were last recorded, for tests that move the clock. */
export function forgetTokenUses(): void {
  globalUses.__copydeskTokenUses?.clear()
}
