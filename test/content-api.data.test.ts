import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { and, eq, gt, inArray, isNotNull, ne, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articles, corrections, notes, revisions, sections, users } from '@/db/schema'
import { addCorrection, retractCorrection } from '@/lib/corrections'
import { LocalMediaStorage } from '@/lib/media/storage'
import { slugify } from '@/lib/slug'
import { seedDemo } from '@/seed/demo'
import { askApi, walkList } from '@/test/content-api'
import { ninjsValidator, problems } from '@/test/json-schemas'
import { openTestDatabase } from '@/test/newsroom'
import type { ApiAuthor } from '@/lib/content-api/authors'
import type { ApiCorrectionEntry } from '@/lib/content-api/corrections'
import type { ApiStorySummary } from '@/lib/content-api/stories'
import type { ApiStory } from '@/lib/content-api/story-json'
import type { ApiTag } from '@/lib/content-api/tags'

// The Content API on the demo newsroom, which has a story in every workflow status, a live story
// with unpublished changes, a scheduled story under embargo, notes and photos; corrections are added here.

const db = await openTestDatabase()
const storage = new LocalMediaStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-api-media-')))
beforeAll(async () => {
  expect(await seedDemo(db, storage)).toEqual({ created: true })
  // Two corrections on two stories, the later one withdrawn.
  const [admin] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, 'admin@copydesk.test'))
  const [first, second] = await visibleStories()
  if (!admin || !first || !second) throw new Error('the demo has no admin or too few stories')
  for (const story of [first, second]) {
    expect(
      (await addCorrection(db, admin, story.id, { kind: 'correction', body: `The figure in story ${story.id} was 12, not 21.` })).ok,
    ).toBe(true)
  }
  const [withdrawn] = await db.select({ id: corrections.id }).from(corrections).where(eq(corrections.articleId, second.id))
  expect((await retractCorrection(db, admin, withdrawn?.id ?? 0, { note: 'It was right the first time.' })).ok).toBe(true)
})
afterAll(() => fs.rmSync(storage.root, { recursive: true, force: true }))

/** The stories readers can see, read here straight from the tables: live revision, not taken down. */
async function visibleStories() {
  return db
    .select({
      id: articles.id,
      sectionId: articles.sectionId,
      bylines: revisions.bylines,
      tags: revisions.tags,
      headline: revisions.headline,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(and(isNotNull(articles.publishedRevisionId), ne(articles.status, 'unpublished')))
}

const idsOf = (items: readonly { id: number }[]) => items.map((item) => item.id)
const sorted = (ids: readonly number[]) => [...ids].sort((a, b) => a - b)
const everyStory = () => walkList<ApiStorySummary>(db, '/api/v1/stories?limit=100')

describe('the Content API', () => {
  it('gives only what readers see: no draft, story in review, scheduled, embargoed or unpublished story, no note, no e-mail address', async () => {
    const visible = await visibleStories()
    const listed = (await everyStory()).items
    expect(sorted(idsOf(listed))).toEqual(sorted(idsOf(visible)))

    const hidden = await db
      .select({
        id: articles.id,
        status: articles.status,
        publishedRevisionId: articles.publishedRevisionId,
        embargoUntil: articles.embargoUntil,
      })
      .from(articles)
      .where(sql`${articles.id} not in (${sql.join(idsOf(visible), sql`, `)})`)
    expect(hidden.map((story) => story.status)).toEqual(expect.arrayContaining(['draft', 'in_review', 'scheduled', 'unpublished']))
    expect(hidden.some((story) => story.embargoUntil !== null && story.embargoUntil > new Date())).toBe(true)
    for (const story of hidden) {
      const answer = await askApi(db, `/api/v1/stories/${story.id}`)
      // A story that was published and taken down is gone (410), as at its address; any other was never there.
      expect(answer.status, `story ${story.id} (${story.status})`).toBe(
        story.status === 'unpublished' && story.publishedRevisionId ? 410 : 404,
      )
    }

    // A live story with a newer draft: readers get the live revision's headline.
    const [edited] = await db
      .select({ id: articles.id, live: revisions.headline, currentRevisionId: articles.currentRevisionId })
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .where(and(eq(articles.status, 'published'), gt(articles.currentRevisionId, articles.publishedRevisionId)))
    expect(edited).toBeDefined()
    const [draft] = await db
      .select({ headline: revisions.headline, body: revisions.bodyText })
      .from(revisions)
      .where(eq(revisions.id, edited?.currentRevisionId ?? 0))
    const story = (await askApi(db, `/api/v1/stories/${edited?.id}`)).json as ApiStory
    expect(story.headline).toBe(edited?.live)

    const answers = [
      ...(await Promise.all(listed.map((item) => askApi(db, item.href)))),
      ...(await Promise.all(listed.map((item) => askApi(db, `${item.href}?format=ninjs`)))),
      ...[
        '/api/v1/stories?limit=100',
        '/api/v1/sections',
        '/api/v1/authors?limit=100',
        '/api/v1/tags?limit=100',
        '/api/v1/corrections?limit=100',
      ].map((address) => askApi(db, address)),
    ]
    const everything = (await Promise.all(answers)).map((answer) => answer.text).join('\n')
    for (const { email } of await db.select({ email: users.email }).from(users)) expect(everything).not.toContain(email)
    // Notes long enough not to be words a story may also use.
    for (const { body } of await db.select({ body: notes.body }).from(notes)) if (body.length >= 20) expect(everything).not.toContain(body)
    if (draft && draft.headline !== edited?.live) expect(everything).not.toContain(draft.headline)
  })

  it('walks every list exactly once, page by page, whatever the page size', async () => {
    const all = (await everyStory()).items
    expect(new Set(idsOf(all)).size).toBe(all.length)
    const times = all.map((story) => story.firstPublishedAt)
    expect(times).toEqual([...times].sort().reverse())
    for (const limit of [1, 3, 7]) {
      const { items, pages } = await walkList<ApiStorySummary>(db, `/api/v1/stories?limit=${limit}`)
      expect(idsOf(items), `limit ${limit}`).toEqual(idsOf(all))
      expect(pages).toBe(Math.ceil(all.length / limit))
    }
    const lists: [string, (item: never) => string | number][] = [
      ['/api/v1/authors', (item: ApiAuthor) => item.id],
      ['/api/v1/tags', (item: ApiTag) => item.slug],
      ['/api/v1/corrections', (item: ApiCorrectionEntry) => item.id],
    ]
    for (const [address, key] of lists) {
      const whole = (await walkList<never>(db, `${address}?limit=100`)).items.map(key)
      const paged = (await walkList<never>(db, `${address}?limit=2`)).items.map(key)
      expect(whole.length, address).toBeGreaterThan(1)
      expect(paged, address).toEqual(whole)
      expect(new Set(whole).size, address).toBe(whole.length)
    }
  })

  it('filters stories by section (with the sections under it), author, tag and time of the last change', async () => {
    const visible = await visibleStories()
    const tree = await db.select({ id: sections.id, parentId: sections.parentId }).from(sections)
    const parent = tree.find((section) => tree.some((child) => child.parentId === section.id))
    expect(parent).toBeDefined()
    const under = [parent?.id, ...tree.filter((section) => section.parentId === parent?.id).map((section) => section.id)]
    const inSection = (await walkList<ApiStorySummary>(db, `/api/v1/stories?section=${parent?.id}&limit=5`)).items
    expect(sorted(idsOf(inSection))).toEqual(sorted(idsOf(visible.filter((story) => under.includes(story.sectionId)))))

    const [author] = (await walkList<ApiAuthor>(db, '/api/v1/authors')).items
    const byAuthor = (await walkList<ApiStorySummary>(db, `/api/v1/stories?author=${author?.id}`)).items
    const bylined = visible.filter((story) => story.bylines.some((byline) => 'userId' in byline && byline.userId === author?.id))
    expect(bylined.length).toBeGreaterThan(0)
    expect(sorted(idsOf(byAuthor))).toEqual(sorted(idsOf(bylined)))

    const tagged = (await walkList<ApiTag>(db, '/api/v1/tags?limit=100')).items
    for (const tag of tagged) {
      const withTag = (await walkList<ApiStorySummary>(db, `/api/v1/stories?tag=${tag.slug}`)).items
      const expected = visible.filter((story) => story.tags.some((name) => slugify(name) === tag.slug))
      expect(sorted(idsOf(withTag)), tag.slug).toEqual(sorted(idsOf(expected)))
    }

    const all = (await everyStory()).items
    const since = [...all.map((story) => story.modifiedAt)].sort()[Math.floor(all.length / 2)] ?? ''
    const recent = (await walkList<ApiStorySummary>(db, `/api/v1/stories?updated_since=${encodeURIComponent(since)}`)).items
    expect(sorted(idsOf(recent))).toEqual(sorted(idsOf(all.filter((story) => story.modifiedAt >= since))))
    expect(recent.length).toBeLessThan(all.length)
  })

  it('gives each story by id and at its address, in JSON and in ninjs valid against IPTC’s schema', async () => {
    const validate = ninjsValidator()
    for (const { id, path: address } of (await everyStory()).items) {
      const byId = await askApi(db, `/api/v1/stories/${id}`)
      expect(byId.contentType).toBe('application/json; charset=utf-8')
      const story = byId.json as ApiStory
      expect(story).toMatchObject({ id, path: address })
      expect((await askApi(db, `/api/v1/stories/by-path?path=${encodeURIComponent(address)}`)).json).toEqual(story)
      const ninjs = await askApi(db, `/api/v1/stories/${id}?format=ninjs`)
      expect(ninjs.contentType).toBe('application/ninjs+json; charset=utf-8')
      expect(validate(ninjs.json), `story ${id}: ${problems(validate).join('; ')}`).toBe(true)
      expect((await askApi(db, `/api/v1/stories/${id}`, { accept: 'application/ninjs+json' })).json).toEqual(ninjs.json)
    }
  })

  it('refuses a bad request with a 4xx and an error body saying why', async () => {
    const [story] = (await everyStory()).items
    const tagsCursor = (await askApi(db, '/api/v1/tags?limit=1')).json as { nextCursor: string }
    const refused: [string, number, string][] = [
      ['/api/v1/stories?sort=oldest', 400, 'invalid_query'],
      ['/api/v1/stories?limit=0', 400, 'invalid_query'],
      ['/api/v1/stories?limit=101', 400, 'invalid_query'],
      ['/api/v1/stories?limit=ten', 400, 'invalid_query'],
      ['/api/v1/stories?tag=a&tag=b', 400, 'invalid_query'],
      ['/api/v1/stories?updated_since=yesterday', 400, 'invalid_query'],
      ['/api/v1/stories?format=xml', 400, 'invalid_query'],
      ['/api/v1/stories?cursor=not-a-cursor', 400, 'bad_cursor'],
      [`/api/v1/stories?cursor=${tagsCursor.nextCursor}`, 400, 'bad_cursor'],
      ['/api/v1/stories?format=ninjs', 406, 'not_acceptable'],
      ['/api/v1/sections?format=ninjs', 406, 'not_acceptable'],
      ['/api/v1/stories?section=999999', 404, 'not_found'],
      ['/api/v1/stories?author=999999', 404, 'not_found'],
      ['/api/v1/stories?tag=no-such-tag', 404, 'not_found'],
      ['/api/v1/stories/abc', 404, 'not_found'],
      ['/api/v1/stories/999999', 404, 'not_found'],
      [`/api/v1/stories/${story?.id}?limit=5`, 400, 'invalid_query'],
      ['/api/v1/stories/by-path', 400, 'invalid_query'],
      ['/api/v1/stories/by-path?path=/no/such-story', 404, 'not_found'],
      ['/api/v1/stories/by-path?path=/../etc', 404, 'not_found'],
      ['/api/v1/authors?cursor=eyJ9', 400, 'bad_cursor'],
      ['/api/v1/openapi.json?x=1', 400, 'invalid_query'],
    ]
    for (const [address, status, code] of refused) {
      const answer = await askApi(db, address)
      expect([answer.status, answer.contentType], address).toEqual([status, 'application/json; charset=utf-8'])
      expect(answer.json, address).toEqual({ error: { code, message: expect.stringMatching(/\w/) } })
    }
  })

  it('answers an address it does not have with a 404 in its error shape', async () => {
    const answer = await askApi(db, '/api/v1/nothing/here')
    expect(answer.status).toBe(404)
    expect(answer.json).toEqual({ error: { code: 'not_found', message: expect.stringContaining('/api/v1/openapi.json') } })
  })

  it('gives the whole section tree, and corrections only on stories readers see', async () => {
    type Node = { id: number; children: Node[] }
    const flat = (nodes: Node[]): number[] => nodes.flatMap((node) => [node.id, ...flat(node.children)])
    const tree = (await askApi(db, '/api/v1/sections')).json as { data: Node[] }
    expect(sorted(flat(tree.data))).toEqual(sorted(idsOf(await db.select({ id: sections.id }).from(sections))))

    const listed = (await walkList<ApiCorrectionEntry>(db, '/api/v1/corrections')).items
    expect(listed.map((entry) => entry.retractedAt === null)).toEqual([false, true])
    const visibleIds = idsOf(await visibleStories())
    const onStories = await db
      .select({ id: articles.id })
      .from(articles)
      .where(
        inArray(
          articles.id,
          listed.map((entry) => entry.story.id),
        ),
      )
    expect(onStories.every((row) => visibleIds.includes(row.id))).toBe(true)
  })
})
