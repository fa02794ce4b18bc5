import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { articles } from '@/db/schema'
import { RateLimiter } from '@/lib/api-tokens/rate-limit'
import type { ApiScope } from '@/lib/api-tokens/scopes'
import { createApiToken } from '@/lib/api-tokens/tokens'
import { addCorrection } from '@/lib/corrections'
import { askApi } from '@/test/content-api'
import { problems, schemaValidator } from '@/test/json-schemas'
import { act, makeStory } from '@/test/newsroom'
import { openReaderSite } from '@/test/reader-site'
import { setRateLimiter } from './callers'
import { openApiDocument } from './openapi'

// The OpenAPI description against the real answers: every endpoint is asked for its answers (a
// page, a story in JSON and ninjs, a move, a takedown, each refusal), and each body is validated
// against the schema the description gives for its path, status and media type. Every answer the
// description lists must be met here at least once.

const { db, newsroom, sectionIds, publishedStory, revise } = await openReaderSite()
const ids = { harbour: 0, strike: 0, gone: 0, draft: 0 }
const auth = { all: {}, published: {}, write: {}, none: { authorization: `Bearer cdk_${'0'.repeat(43)}` } } as Record<
  string,
  Record<string, string>
>

async function bearer(scopes: ApiScope[]): Promise<Record<string, string>> {
  const made = await createApiToken(db, newsroom.admin, { name: 'OpenAPI', scopes, sectionIds: [], lifetime: 'never' })
  if (!made.ok) throw new Error(made.message)
  return { authorization: `Bearer ${made.secret}` }
}

beforeAll(async () => {
  ids.harbour = await publishedStory('Harbour reopens', {
    tags: ['Shipping'],
    leadMediaId: newsroom.mediaId,
    standfirst: 'Ships are back.',
  })
  ids.strike = await publishedStory(
    'Port strike ends',
    { tags: ['Shipping', 'Labour'] },
    { by: newsroom.writer2, sectionId: sectionIds.middleEast },
  )
  ids.gone = await publishedStory('Storm warning', {})
  await act(db, newsroom.editor, ids.gone, 'unpublish')
  await revise(ids.harbour, { slug: 'harbour-reopened' }, { publish: true })
  const corrected = await addCorrection(db, newsroom.editor, ids.harbour, { kind: 'correction', body: 'The harbour reopened on Tuesday.' })
  expect(corrected.ok).toBe(true)
  ids.draft = await makeStory(db, newsroom, { headline: 'A draft to change', by: newsroom.admin })
  auth.all = await bearer(['read:published', 'read:drafts', 'write:drafts', 'webhooks'])
  auth.published = await bearer(['read:published'])
  auth.write = await bearer(['write:drafts'])
})

/** A request to make: an address, or an address with a method, headers (made when asked) and a body. */
type Asked =
  | string
  | {
      address: string
      method?: 'GET' | 'POST' | 'PATCH'
      headers?: () => Promise<Record<string, string>> | Record<string, string>
      body?: unknown
      limited?: boolean
    }

const draftVersion = async () => {
  const [row] = await db.select({ version: articles.version }).from(articles).where(eq(articles.id, ids.draft))
  return { ...auth.all, 'if-match': `"v${row?.version}"` }
}

/** With a token: each reading address refused for a bad token (401) and one without its scope (403); then the token operations. */
const askedWithTokens = (): Asked[] => [
  ...[
    '/api/v1/stories',
    `/api/v1/stories/${ids.harbour}`,
    '/api/v1/stories/by-path?path=/world/harbour-reopened',
    '/api/v1/sections',
    '/api/v1/authors',
    '/api/v1/tags',
    '/api/v1/corrections',
  ].flatMap((address): Asked[] => [
    { address, headers: () => auth.none ?? {} },
    { address, headers: () => auth.write ?? {} },
  ]),
  { address: '/api/v1/drafts', headers: () => auth.all ?? {} },
  { address: '/api/v1/drafts?cursor=nope', headers: () => auth.all ?? {} },
  '/api/v1/drafts',
  { address: '/api/v1/drafts', headers: () => auth.published ?? {} },
  { address: '/api/v1/drafts', headers: () => auth.all ?? {}, limited: true },
  {
    address: '/api/v1/drafts',
    method: 'POST',
    headers: () => auth.write ?? {},
    body: { headline: 'Made by a program', sectionId: sectionIds.europe },
  },
  {
    address: '/api/v1/drafts',
    method: 'POST',
    headers: () => auth.write ?? {},
    body: { headline: 'x', sectionId: sectionIds.europe, status: 'published' },
  },
  { address: '/api/v1/drafts', method: 'POST', body: { headline: 'x', sectionId: sectionIds.europe } },
  { address: '/api/v1/drafts', method: 'POST', headers: () => auth.published ?? {}, body: { headline: 'x', sectionId: sectionIds.europe } },
  { address: '/api/v1/drafts', method: 'POST', headers: () => ({ ...auth.write, 'content-type': 'text/plain' }), body: {} },
  { address: '/api/v1/drafts', method: 'POST', headers: () => auth.write ?? {}, body: { headline: 'x', sectionId: 999_999 } },
  { address: `/api/v1/drafts/${ids.draft}`, headers: () => auth.all ?? {} },
  `/api/v1/drafts/${ids.draft}`,
  { address: `/api/v1/drafts/${ids.draft}`, headers: () => auth.published ?? {} },
  { address: '/api/v1/drafts/999999', headers: () => auth.all ?? {} },
  { address: `/api/v1/drafts/${ids.draft}`, method: 'PATCH', headers: draftVersion, body: { standfirst: 'Changed by a program.' } },
  { address: `/api/v1/drafts/${ids.draft}`, method: 'PATCH', headers: draftVersion, body: { colour: 'red' } },
  { address: `/api/v1/drafts/${ids.draft}`, method: 'PATCH', body: { standfirst: 'x' } },
  {
    address: `/api/v1/drafts/${ids.draft}`,
    method: 'PATCH',
    headers: () => ({ ...auth.published, 'if-match': '"v1"' }),
    body: { standfirst: 'x' },
  },
  { address: '/api/v1/drafts/999999', method: 'PATCH', headers: () => ({ ...auth.all, 'if-match': '"v1"' }), body: { standfirst: 'x' } },
  {
    address: `/api/v1/drafts/${ids.draft}`,
    method: 'PATCH',
    headers: () => ({ ...auth.all, 'if-match': '"v1"' }),
    body: { standfirst: 'x' },
  },
  {
    address: `/api/v1/drafts/${ids.draft}`,
    method: 'PATCH',
    headers: async () => ({ ...(await draftVersion()), 'content-type': 'text/plain' }),
    body: {},
  },
  { address: `/api/v1/drafts/${ids.draft}`, method: 'PATCH', headers: draftVersion, body: { sectionId: 999_999 } },
  { address: `/api/v1/drafts/${ids.draft}`, method: 'PATCH', headers: () => auth.all ?? {}, body: { standfirst: 'x' } },
  { address: '/api/v1/webhooks/deliveries?endpoint=1', headers: () => auth.all ?? {} },
  { address: '/api/v1/webhooks/deliveries', headers: () => auth.all ?? {} },
  '/api/v1/webhooks/deliveries?endpoint=1',
  { address: '/api/v1/webhooks/deliveries?endpoint=1', headers: () => auth.published ?? {} },
]

const asked = () => [
  '/api/v1/stories',
  '/api/v1/stories?limit=1',
  `/api/v1/stories?section=${sectionIds.regions}&tag=shipping`,
  `/api/v1/stories?author=${newsroom.writer2.id}&updated_since=2020-01-01T00:00:00Z`,
  '/api/v1/stories?section=999999',
  '/api/v1/stories?limit=500',
  '/api/v1/stories?format=ninjs',
  `/api/v1/stories/${ids.harbour}`,
  `/api/v1/stories/${ids.harbour}?format=ninjs`,
  `/api/v1/stories/${ids.strike}?format=ninjs`,
  `/api/v1/stories/${ids.gone}`,
  '/api/v1/stories/999999',
  `/api/v1/stories/${ids.harbour}?page=2`,
  '/api/v1/stories/by-path?path=/world/harbour-reopened',
  '/api/v1/stories/by-path?path=/world/harbour-reopened&format=ninjs',
  '/api/v1/stories/by-path?path=/world/harbour-reopens',
  '/api/v1/stories/by-path?path=/world/storm-warning',
  '/api/v1/stories/by-path?path=/world/nothing',
  '/api/v1/stories/by-path',
  '/api/v1/sections',
  '/api/v1/sections?limit=2',
  '/api/v1/sections?format=ninjs',
  '/api/v1/authors?limit=1',
  '/api/v1/authors?cursor=nope',
  '/api/v1/authors?format=ninjs',
  '/api/v1/tags?limit=1',
  '/api/v1/tags?cursor=nope',
  '/api/v1/tags?format=ninjs',
  '/api/v1/corrections',
  '/api/v1/corrections?cursor=nope',
  '/api/v1/corrections?format=ninjs',
]

type Responses = { responses: Record<string, { content: Record<string, unknown> }> }
type Document = { paths: Record<string, Partial<Record<'get' | 'post' | 'patch', Responses>>> }
const document = openApiDocument as unknown as Document

/** The documented path an address answers to: `/stories/{id}` for `/api/v1/stories/12`. */
function templateOf(address: string): string {
  const path = new URL(address, 'http://copydesk.test').pathname.replace(/^\/api\/v1/, '')
  const template = Object.keys(document.paths).find(
    (candidate) =>
      path === candidate || (!(path in document.paths) && new RegExp(`^${candidate.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path)),
  )
  if (!template) throw new Error(`${address} is not in the OpenAPI description`)
  return template
}

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')

describe('the OpenAPI description', () => {
  it('describes every answer the endpoints really give', async () => {
    const ajv = schemaValidator()
    ajv.addSchema({ ...openApiDocument, $id: 'urn:copydesk:openapi' })
    const met = new Set<string>()
    for (const entry of [...asked(), ...askedWithTokens()]) {
      const request = typeof entry === 'string' ? { address: entry } : entry
      const { address, method = 'GET' } = request
      if (request.limited) setRateLimiter(new RateLimiter({ limit: 0, windowMs: 60_000 }))
      const answer = await askApi(db, address, (await request.headers?.()) ?? {}, { method, body: request.body })
      if (request.limited) setRateLimiter(new RateLimiter())
      const template = templateOf(address)
      const verb = method.toLowerCase()
      const mediaType = answer.contentType.split(';')[0] ?? ''
      const at = `urn:copydesk:openapi#/${pointer('paths', template, verb, 'responses', String(answer.status), 'content', mediaType, 'schema')}`
      const validate = ajv.getSchema(at)
      expect(validate, `${method} ${address}: ${answer.status} ${mediaType} is not described`).toBeDefined()
      expect(validate?.(answer.json), `${method} ${address}: ${validate ? problems(validate).join('; ') : ''}`).toBe(true)
      met.add(`${template} ${verb} ${answer.status} ${mediaType}`)
    }
    const described = Object.entries(document.paths).flatMap(([template, operations]) =>
      Object.entries(operations).flatMap(([verb, { responses }]) =>
        Object.entries(responses).flatMap(([status, { content }]) =>
          Object.keys(content).map((mediaType) => `${template} ${verb} ${status} ${mediaType}`),
        ),
      ),
    )
    expect(described.filter((answer) => !met.has(answer))).toEqual([])
  })

  it('is served as JSON at /api/v1/openapi.json', async () => {
    const answer = await askApi(db, '/api/v1/openapi.json')
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual(JSON.parse(JSON.stringify(openApiDocument)))
  })
})
