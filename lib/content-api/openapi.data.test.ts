import { beforeAll, describe, expect, it } from 'vitest'
import { addCorrection } from '@/lib/corrections'
import { askApi } from '@/test/content-api'
import { problems, schemaValidator } from '@/test/json-schemas'
import { act } from '@/test/newsroom'
import { openReaderSite } from '@/test/reader-site'
import { openApiDocument } from './openapi'

// The OpenAPI description against the real answers: every endpoint is asked for its answers (a
// page, a story in JSON and ninjs, a move, a takedown, each refusal), and each body is validated
// against the schema the description gives for its path, status and media type. Every answer the
// description lists must be met here at least once.

const { db, newsroom, sectionIds, publishedStory, revise } = await openReaderSite()
const ids = { harbour: 0, strike: 0, gone: 0 }

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
})

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

type Document = { paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }> } }> }
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
    for (const address of asked()) {
      const answer = await askApi(db, address)
      const template = templateOf(address)
      const mediaType = answer.contentType.split(';')[0] ?? ''
      const at = `urn:copydesk:openapi#/${pointer('paths', template, 'get', 'responses', String(answer.status), 'content', mediaType, 'schema')}`
      const validate = ajv.getSchema(at)
      expect(validate, `${address}: ${answer.status} ${mediaType} is not described`).toBeDefined()
      expect(validate?.(answer.json), `${address}: ${validate ? problems(validate).join('; ') : ''}`).toBe(true)
      met.add(`${template} ${answer.status} ${mediaType}`)
    }
    const described = Object.entries(document.paths).flatMap(([template, { get }]) =>
      Object.entries(get.responses).flatMap(([status, { content }]) =>
        Object.keys(content).map((mediaType) => `${template} ${status} ${mediaType}`),
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
