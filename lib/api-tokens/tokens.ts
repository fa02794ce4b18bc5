import 'server-only'
import { desc, eq, inArray, isNull, and } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { apiTokens, sections, users } from '@/db/schema'
import { recordAudit } from '../audit'
import { authorize } from '../authorize'
import { textField } from '../clean-text'
import type { Actor } from '../permissions'
import { type Result, refusal } from '../refusal'
import { type ApiScope, apiScopeSchema, knownScopes } from './scopes'
import { hashTokenSecret, newTokenSecret } from './secret'

// The tokens admins make at /desk/admin/tokens (`token.manage`): a name, scopes, optional section
// limits and an expiry. The secret is handed back once, when the token is made; only its hash is
// kept. A token is revoked, never deleted, so that the desk can still say what it was.

export const tokenNameLimit = 100

/** How long a new token lasts, as the form offers it: days, or never. */
export const tokenLifetimes = { '7': 'A week', '30': '30 days', '90': '90 days', '365': 'A year', never: 'Never expires' } as const

export const tokenFieldsSchema = z.object({
  name: textField({
    max: tokenNameLimit,
    tooLong: `Keep the name under ${tokenNameLimit} characters.`,
    required: 'Give the token a name.',
  }),
  scopes: z.array(apiScopeSchema, { error: 'Choose at least one scope.' }).min(1, 'Choose at least one scope.'),
  sectionIds: z.array(z.coerce.number().int().positive('Choose sections from the list.')).default([]),
  lifetime: z.enum(Object.keys(tokenLifetimes) as [keyof typeof tokenLifetimes], { error: 'Choose how long the token lasts.' }),
})
export type TokenFields = z.infer<typeof tokenFieldsSchema>

export const tokenRefSchema = z.object({
  tokenId: z.coerce.number({ error: 'There is no such token.' }).int().positive('There is no such token.'),
})

/** A token as the desk shows it: never its secret or hash. */
export type TokenSummary = {
  id: number
  name: string
  scopes: ApiScope[]
  sectionIds: number[]
  createdBy: string
  createdAt: Date
  expiresAt: Date | null
  revokedAt: Date | null
  lastUsedAt: Date | null
}

const noSuchToken = 'This token no longer exists.'

/** Every token, newest first. */
export async function listApiTokens(db: Db, actor: Actor): Promise<Result<{ tokens: TokenSummary[] }>> {
  const allowed = await authorize(db, actor, 'token.manage')
  if (!allowed.ok) return allowed
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      sectionIds: apiTokens.sectionIds,
      createdBy: users.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
  return { ok: true, tokens: rows.map((row) => ({ ...row, scopes: knownScopes(row.scopes) })) }
}

/** Makes a token; answers its secret, shown to the admin this once. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  fields: TokenFields,
  options: { client?: string; now?: Date } = {},
): Promise<Result<{ id: number; secret: string }>> {
  const now = options.now ?? new Date()
  const sectionIds = [...new Set(fields.sectionIds)].sort((a, b) => a - b)
  return db.transaction(async (tx): Promise<Result<{ id: number; secret: string }>> => {
    const allowed = await authorize(tx, actor, 'token.manage')
    if (!allowed.ok) return allowed
    if (sectionIds.length > 0) {
      const found = await tx.select({ id: sections.id }).from(sections).where(inArray(sections.id, sectionIds))
      if (found.length !== sectionIds.length) return refusal('invalid', 'A section chosen no longer exists; choose again.', 'sectionIds')
    }
    const secret = newTokenSecret()
    const expiresAt = fields.lifetime === 'never' ? null : new Date(now.getTime() + Number(fields.lifetime) * 86_400_000)
    const scopes = knownScopes(fields.scopes)
    const [row] = await tx
      .insert(apiTokens)
      .values({
        name: fields.name,
        secretHash: hashTokenSecret(secret),
        scopes,
        sectionIds,
        expiresAt,
        createdBy: allowed.actor.id,
        createdAt: now,
      })
      .returning({ id: apiTokens.id })
    if (!row) throw new Error('The token was not created.')
    await recordAudit(tx, {
      action: 'api-token.create',
      actorId: allowed.actor.id,
      detail: {
        name: fields.name,
        scopes: scopes.join(', '),
        sections: sectionIds.join(', '),
        expires: expiresAt?.toISOString() ?? 'never',
      },
      client: options.client ?? '',
      at: now,
    })
    return { ok: true, id: row.id, secret }
  })
}

/** Revokes a token: every request with it is refused (401) from now on. Revoking twice changes nothing. */
export async function revokeApiToken(
  db: Db,
  actor: Actor,
  tokenId: number,
  options: { client?: string; now?: Date } = {},
): Promise<Result<{ name: string }>> {
  const now = options.now ?? new Date()
  return db.transaction(async (tx): Promise<Result<{ name: string }>> => {
    const allowed = await authorize(tx, actor, 'token.manage')
    if (!allowed.ok) return allowed
    const [row] = await tx.select({ name: apiTokens.name }).from(apiTokens).where(eq(apiTokens.id, tokenId))
    if (!row) return refusal('missing', noSuchToken)
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id })
    if (revoked.length > 0) {
      await recordAudit(tx, {
        action: 'api-token.revoke',
        actorId: allowed.actor.id,
        detail: { name: row.name },
        client: options.client ?? '',
        at: now,
      })
    }
    return { ok: true, name: row.name }
  })
}
