import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { articles, revisions } from '@/db/schema'
import { RateLimiter } from '@/lib/api-tokens/rate-limit'
import type { ApiScope } from '@/lib/api-tokens/scopes'
import { createApiToken, revokeApiToken } from '@/lib/api-tokens/tokens'
import { addCorrection } from '@/lib/corrections'
import { askApi } from '@/test/content-api'
import { docOf } from '@/test/newsroom'
import { openReaderSite } from '@/test/reader-site'
import { setRateLimiter } from './callers'
import type { ApiDraft } from './drafts'

// The Content API with tokens: who may read what (scopes, sections, revoked and expired tokens),
// and drafts written through the desk's rules, with If-Match, never published.

const { db, newsroom, sectionIds, publishedStory } = await openReaderSite()
const ids = { world: 0, middleEast: 0 }

beforeAll(async () => {
  ids.world = await publishedStory('Harbour reopens', {})
  ids.middleEast = await publishedStory('Port strike ends', {}, { sectionId: sectionIds.middleEast })
  for (const id of [ids.world, ids.middleEast]) {
    expect((await addCorrection(db, newsroom.editor, id, { kind: 'correction', body: `Story ${id} was corrected.` })).ok).toBe(true)
  }
})

async function token(scopes: ApiScope[], extra: { sectionIds?: number[]; lifetime?: '7' | 'never'; now?: Date } = {}) {
  const made = await createApiToken(
    db,
    newsroom.admin,
    { name: 'Test client', scopes, sectionIds: extra.sectionIds ?? [], lifetime: extra.lifetime ?? 'never' },
    { now: extra.now },
  )
  if (!made.ok) throw new Error(made.message)
  return { id: made.id, auth: { authorization: `Bearer ${made.secret}` } }
}

const errorOf = (json: unknown) => (json as { error: { code: string; message: string; field?: string } }).error
const idsOf = (json: unknown) => (json as { data: { id: number }[] }).data.map((item) => item.id)

describe('the Content API with a token', () => {
  it('answers without a token exactly as before, and with one privately, refusing a token without read:published', async () => {
    const reader = await askApi(db, '/api/v1/stories')
    expect(reader.status).toBe(200)
    expect(reader.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    const reading = await token(['read:published'])
    const withToken = await askApi(db, '/api/v1/stories', reading.auth)
    expect(withToken.status).toBe(200)
    expect(withToken.headers.get('cache-control')).toBe('private, no-store')
    expect(withToken.headers.get('ratelimit-limit')).toBe('120')
    expect(idsOf(withToken.json)).toEqual(idsOf(reader.json))
    const writing = await token(['write:drafts'])
    const refused = await askApi(db, '/api/v1/stories', writing.auth)
    expect(refused.status).toBe(403)
    expect(errorOf(refused.json)).toMatchObject({ code: 'insufficient_scope' })
    expect(refused.headers.get('www-authenticate')).toContain('insufficient_scope')
  })

  it('refuses an unknown, revoked or expired token with a 401 in JSON', async () => {
    const unknown = await askApi(db, '/api/v1/stories', { authorization: `Bearer cdk_${'x'.repeat(43)}` })
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('www-authenticate')).toContain('Bearer')
    expect(errorOf(unknown.json)).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/not known/) })
    const revoked = await token(['read:published'])
    expect((await revokeApiToken(db, newsroom.admin, revoked.id)).ok).toBe(true)
    expect(errorOf((await askApi(db, '/api/v1/stories', revoked.auth)).json).message).toMatch(/revoked/)
    const expired = await token(['read:published'], { lifetime: '7', now: new Date('2020-01-01T00:00:00Z') })
    const answer = await askApi(db, '/api/v1/drafts', expired.auth)
    expect(answer.status).toBe(401)
    expect(errorOf(answer.json).message).toMatch(/expired/)
    expect((await askApi(db, '/api/v1/drafts')).status).toBe(401)
  })

  it('shows a token limited to a section only the stories of that section and those under it', async () => {
    const limited = await token(['read:published', 'read:drafts'], { sectionIds: [sectionIds.regions] })
    expect(idsOf((await askApi(db, '/api/v1/stories', limited.auth)).json)).toEqual([ids.middleEast])
    expect((await askApi(db, `/api/v1/stories/${ids.world}`, limited.auth)).status).toBe(404)
    expect((await askApi(db, `/api/v1/stories/${ids.middleEast}`, limited.auth)).status).toBe(200)
    expect((await askApi(db, '/api/v1/stories/by-path?path=/world/harbour-reopens', limited.auth)).status).toBe(404)
    const corrected = (await askApi(db, '/api/v1/corrections', limited.auth)).json as { data: { story: { id: number } }[] }
    expect(corrected.data.map((entry) => entry.story.id)).toEqual([ids.middleEast])
    expect(idsOf((await askApi(db, '/api/v1/drafts', limited.auth)).json)).toEqual([ids.middleEast])
    expect((await askApi(db, `/api/v1/drafts/${ids.world}`, limited.auth)).status).toBe(404)
  })

  it('reads the newest draft with read:drafts only, its version as the ETag', async () => {
    const drafts = await token(['read:drafts'])
    const [article] = await db.select({ version: articles.version }).from(articles).where(eq(articles.id, ids.world))
    const answer = await askApi(db, `/api/v1/drafts/${ids.world}`, drafts.auth)
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({ id: ids.world, headline: 'Harbour reopens', status: 'published', version: article?.version })
    expect(answer.headers.get('etag')).toBe(`"v${article?.version}"`)
    expect((await askApi(db, `/api/v1/drafts/${ids.world}`, (await token(['read:published'])).auth)).status).toBe(403)
  })

  it('creates a draft with write:drafts through the desk’s rules, attributed to the token’s maker, never published', async () => {
    const writer = await token(['write:drafts', 'read:drafts'])
    const created = await askApi(db, '/api/v1/drafts', writer.auth, {
      method: 'POST',
      body: { headline: 'Floods in the valley', sectionId: newsroom.sectionId, body: docOf('Water rose overnight.'), tags: ['Weather'] },
    })
    expect(created.status).toBe(201)
    const draft = created.json as ApiDraft
    expect(created.location).toBe(`/api/v1/drafts/${draft.id}`)
    expect(draft).toMatchObject({ status: 'draft', headline: 'Floods in the valley', tags: ['Weather'], published: null })
    expect(draft.bylines).toEqual([{ userId: newsroom.admin.id, name: 'Admin Person' }])
    const [row] = await db.select().from(articles).where(eq(articles.id, draft.id))
    expect(row).toMatchObject({ createdBy: newsroom.admin.id, publishedRevisionId: null })
    // What the desk's "My drafts" reads: the maker owns it.
    expect(row?.ownerIds).toContain(newsroom.admin.id)
    expect((await askApi(db, `/api/v1/stories/${draft.id}`)).status).toBe(404)

    const publish = await askApi(db, '/api/v1/drafts', writer.auth, {
      method: 'POST',
      body: { headline: 'x', sectionId: newsroom.sectionId, status: 'published' },
    })
    expect(publish.status).toBe(400)
    expect(errorOf(publish.json)).toMatchObject({
      code: 'invalid_body',
      field: 'status',
      message: expect.stringMatching(/publishing stays a person’s act/),
    })
    const unknownField = await askApi(db, '/api/v1/drafts', writer.auth, {
      method: 'POST',
      body: { headline: 'x', sectionId: newsroom.sectionId, colour: 'red' },
    })
    expect(errorOf(unknownField.json)).toMatchObject({ code: 'invalid_body', field: 'colour' })
    const noSection = await askApi(db, '/api/v1/drafts', writer.auth, { method: 'POST', body: { headline: 'x', sectionId: 999_999 } })
    expect(noSection.status).toBe(422)
    const readOnly = await token(['read:drafts'])
    expect(
      (await askApi(db, '/api/v1/drafts', readOnly.auth, { method: 'POST', body: { headline: 'x', sectionId: newsroom.sectionId } }))
        .status,
    ).toBe(403)
    const notJson = await askApi(db, '/api/v1/drafts', { ...writer.auth, 'content-type': 'text/plain' }, { method: 'POST', body: {} })
    expect(notJson.status).toBe(415)
  })

  it('updates a draft only with If-Match on its version: 428 without, 412 when stale; a published story keeps what readers see', async () => {
    const writer = await token(['write:drafts', 'read:drafts'])
    const read = await askApi(db, `/api/v1/drafts/${ids.world}`, writer.auth)
    const etag = read.headers.get('etag') ?? ''
    const patch = (headers: Record<string, string>, body: unknown) =>
      askApi(db, `/api/v1/drafts/${ids.world}`, { ...writer.auth, ...headers }, { method: 'PATCH', body })
    const missing = await patch({}, { headline: 'Harbour reopens at last' })
    expect(missing.status).toBe(428)
    expect(errorOf(missing.json).code).toBe('precondition_required')
    const stale = await patch({ 'if-match': '"v1"' }, { headline: 'Harbour reopens at last' })
    expect(stale.status).toBe(412)
    expect(stale.headers.get('etag')).toBe(etag)
    expect((await patch({ 'if-match': etag }, { status: 'draft' })).status).toBe(400)

    const [before] = await db.select({ publishedRevisionId: articles.publishedRevisionId }).from(articles).where(eq(articles.id, ids.world))
    const saved = await patch({ 'if-match': etag }, { headline: 'Harbour reopens at last' })
    expect(saved.status).toBe(200)
    const draft = saved.json as ApiDraft
    expect(draft).toMatchObject({
      headline: 'Harbour reopens at last',
      standfirst: (read.json as ApiDraft).standfirst,
      revision: (read.json as ApiDraft).revision + 1,
    })
    expect(saved.headers.get('etag')).toBe(`"v${draft.version}"`)
    expect(draft.published).toEqual({ href: `/api/v1/stories/${ids.world}`, hasUnpublishedChanges: true })
    const [after] = await db.select({ publishedRevisionId: articles.publishedRevisionId }).from(articles).where(eq(articles.id, ids.world))
    expect(after?.publishedRevisionId).toBe(before?.publishedRevisionId)
    const [live] = await db
      .select({ headline: revisions.headline })
      .from(revisions)
      .where(eq(revisions.id, after?.publishedRevisionId ?? 0))
    expect(live?.headline).toBe('Harbour reopens')
    expect((await askApi(db, `/api/v1/stories/${ids.world}`)).json).toMatchObject({ headline: 'Harbour reopens' })
    expect((await patch({ 'if-match': etag }, { headline: 'Once more' })).status).toBe(412)
  })

  it('reads the webhook delivery log only with the webhooks scope', async () => {
    const hooks = await token(['webhooks'])
    const log = await askApi(db, '/api/v1/webhooks/deliveries?endpoint=1', hooks.auth)
    expect(log.status).toBe(200)
    expect(log.json).toEqual({ data: [] })
    expect((await askApi(db, '/api/v1/webhooks/deliveries', hooks.auth)).status).toBe(400)
    expect((await askApi(db, '/api/v1/webhooks/deliveries?endpoint=1', (await token(['read:drafts'])).auth)).status).toBe(403)
    expect((await askApi(db, '/api/v1/webhooks/deliveries?endpoint=1')).status).toBe(401)
  })

  it('refuses a token over its rate with 429 and Retry-After', async () => {
    setRateLimiter(new RateLimiter({ limit: 2, windowMs: 60_000 }))
    try {
      const reading = await token(['read:published'])
      expect((await askApi(db, '/api/v1/sections', reading.auth)).status).toBe(200)
      expect((await askApi(db, '/api/v1/sections', reading.auth)).headers.get('ratelimit-remaining')).toBe('0')
      const refused = await askApi(db, '/api/v1/sections', reading.auth)
      expect(refused.status).toBe(429)
      expect(errorOf(refused.json).code).toBe('rate_limited')
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    } finally {
      setRateLimiter(new RateLimiter())
    }
  })
})
