import { desc, eq, like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { apiTokens, auditEvents, sections, users } from '@/db/schema'
import { disabledPerson, disabledRefusal, openTestNewsroom } from '@/test/newsroom'
import { hashTokenSecret } from './secret'
import { type TokenFields, createApiToken, listApiTokens, revokeApiToken } from './tokens'
import { forgetTokenUses, verifyBearer } from './verify'

const { db, newsroom } = await openTestNewsroom()
const { admin, editor, writer } = newsroom

const fields: TokenFields = { name: 'Newsletter', scopes: ['read:published'], sectionIds: [], lifetime: 'never' }

async function made(extra: Partial<TokenFields> = {}, now?: Date) {
  const result = await createApiToken(db, admin, { ...fields, ...extra }, { now })
  if (!result.ok) throw new Error(result.message)
  return result
}

const bearer = (secret: string) => `Bearer ${secret}`

describe('API tokens', () => {
  it('refuses anyone but an admin, changing nothing', async () => {
    const token = await made()
    const onlyAdmins = { ok: false, reason: 'forbidden', message: 'Only administrators can create and revoke the Content API’s tokens.' }
    const before = await db.select().from(apiTokens)
    for (const person of [editor, writer]) {
      expect(await createApiToken(db, person, fields)).toEqual(onlyAdmins)
      expect(await listApiTokens(db, person)).toEqual(onlyAdmins)
      expect(await revokeApiToken(db, person, token.id)).toEqual(onlyAdmins)
    }
    expect(await createApiToken(db, await disabledPerson(db, 'admin'), fields)).toEqual(disabledRefusal)
    expect(await db.select().from(apiTokens)).toEqual(before)
  })

  it('gives the secret once, stores only its SHA-256, never lists it, and records the making in the audit log', async () => {
    const token = await made({ name: 'Wire feed', scopes: ['read:drafts', 'read:published'] })
    expect(token.secret).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/)
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, token.id))
    expect(row?.secretHash).toBe(hashTokenSecret(token.secret))
    expect(JSON.stringify(row)).not.toContain(token.secret)
    const listed = await listApiTokens(db, admin)
    if (!listed.ok) throw new Error(listed.message)
    const shown = listed.tokens.find((item) => item.id === token.id)
    expect(shown).toMatchObject({
      name: 'Wire feed',
      scopes: ['read:published', 'read:drafts'],
      createdBy: 'Admin Person',
      revokedAt: null,
    })
    expect(JSON.stringify(listed)).not.toContain(token.secret)
    expect(JSON.stringify(listed)).not.toContain(row?.secretHash)
    const [audit] = await db
      .select({ action: auditEvents.action, detail: auditEvents.detail })
      .from(auditEvents)
      .where(like(auditEvents.action, 'api-token.%'))
      .orderBy(desc(auditEvents.id))
    expect(audit).toMatchObject({ action: 'api-token.create', detail: { name: 'Wire feed', scopes: 'read:published, read:drafts' } })
  })

  it('verifies a Bearer header, and refuses an unknown, malformed, revoked or expired token with a reason', async () => {
    const now = new Date('2026-06-01T12:00:00Z')
    const token = await made({ lifetime: '7' }, now)
    const verified = await verifyBearer(db, bearer(token.secret), now)
    expect(verified).toMatchObject({ ok: true, token: { id: token.id, scopes: ['read:published'], sectionIds: null, creatorId: admin.id } })

    const refused = async (header: string | null, at = now) => {
      const answer = await verifyBearer(db, header, at)
      expect(answer.ok).toBe(false)
      return answer.ok ? '' : answer.message
    }
    expect(await refused(null)).toMatch(/needs a token/)
    expect(await refused('Basic dXNlcjpwYXNz')).toMatch(/not a Copydesk token/)
    expect(await refused(bearer(`cdk_${'A'.repeat(43)}`))).toMatch(/not known/)
    expect(await refused(bearer(token.secret), new Date(now.getTime() + 8 * 86_400_000))).toMatch(/expired/)
    const revoked = await revokeApiToken(db, admin, token.id, { now })
    expect(revoked).toEqual({ ok: true, name: 'Newsletter' })
    expect(await refused(bearer(token.secret))).toMatch(/revoked/)
    expect(await revokeApiToken(db, admin, 999_999)).toMatchObject({ ok: false, reason: 'missing' })
  })

  it('stops working when its maker is disabled or no longer an admin', async () => {
    const other = await disabledPerson(db, 'admin')
    await db.update(users).set({ isDisabled: false }).where(eq(users.id, other.id))
    const token = await createApiToken(db, other, fields)
    if (!token.ok) throw new Error(token.message)
    expect((await verifyBearer(db, bearer(token.secret))).ok).toBe(true)
    await db.update(users).set({ role: 'editor' }).where(eq(users.id, other.id))
    expect(await verifyBearer(db, bearer(token.secret))).toMatchObject({ ok: false, reason: 'unauthenticated' })
  })

  it('limits a token to its sections and everything under them, refusing sections that do not exist', async () => {
    const [child] = await db
      .insert(sections)
      .values({ name: 'Harbours', slug: 'harbours', parentId: newsroom.sectionId, position: 0 })
      .returning({ id: sections.id })
    const token = await made({ sectionIds: [newsroom.sectionId] })
    const verified = await verifyBearer(db, bearer(token.secret))
    expect(verified).toMatchObject({ ok: true, token: { sectionIds: [newsroom.sectionId, child?.id].sort((a = 0, b = 0) => a - b) } })
    expect(await createApiToken(db, admin, { ...fields, sectionIds: [999_999] })).toMatchObject({
      ok: false,
      reason: 'invalid',
      field: 'sectionIds',
    })
  })

  it('records the last use at most once a minute per instance', async () => {
    forgetTokenUses()
    const token = await made()
    const lastUse = async () => (await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, token.id)))[0]?.at
    expect(await lastUse()).toBeNull()
    const first = new Date('2026-06-01T12:00:00Z')
    await verifyBearer(db, bearer(token.secret), first)
    expect(await lastUse()).toEqual(first)
    await verifyBearer(db, bearer(token.secret), new Date(first.getTime() + 30_000))
    expect(await lastUse()).toEqual(first)
    const later = new Date(first.getTime() + 61_000)
    await verifyBearer(db, bearer(token.secret), later)
    expect(await lastUse()).toEqual(later)
  })
})
