import { describe, expect, it } from 'vitest'
import { act, docOf, editStory, makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { searchPublishedStories } from './search'

const { db, newsroom } = await openTestNewsroom()

const day = (n: number) => new Date(Date.UTC(2030, 4, n, 9))

/** A story written, submitted and published through the real workflow; each test uses its own made-up words. */
async function published(fields: { headline: string; standfirst?: string; body?: string[] }, now: Date): Promise<number> {
  const id = await makeStory(db, newsroom, { headline: fields.headline, now })
  await editStory(db, newsroom.writer, id, { standfirst: fields.standfirst ?? '', body: docOf(...(fields.body ?? [])) }, { now })
  await act(db, newsroom.writer, id, 'submit', { now })
  await act(db, newsroom.editor, id, 'publish', { now })
  return id
}

const search = (q: string | null | undefined, page?: string | null) => searchPublishedStories(db, { q, page })
const ids = async (q: string) => (await search(q)).hits.map((hit) => hit.id)

describe('searching published stories', () => {
  it('ranks a headline match above a body match, and the newer first among equal matches', async () => {
    const inBody = await published({ headline: 'Coast guard drill', body: ['The drill ended at the old lighthouse.'] }, day(1))
    const inHeadline = await published({ headline: 'Lighthouse keeper retires', body: ['After forty years on the rock.'] }, day(2))
    const newerInBody = await published({ headline: 'Harbour fees rise', body: ['Fees at the old lighthouse rise too.'] }, day(3))

    const result = await search('lighthouse')
    expect(result).toMatchObject({ query: 'lighthouse', page: 1, pageCount: 1, total: 3, message: null })
    expect(result.hits.map((hit) => hit.id)).toEqual([inHeadline, newerInBody, inBody])
    expect(result.hits[0]).toMatchObject({
      headline: 'Lighthouse keeper retires',
      standfirst: '',
      path: '/world/lighthouse-keeper-retires',
      section: 'World',
      publishedAt: day(2),
    })
    expect(await ids('lighthouses')).toEqual([inHeadline, newerInBody, inBody])
  })

  it('never shows drafts, stories on their way, scheduled or unpublished stories, or unpublished changes', async () => {
    const draft = await makeStory(db, newsroom, { headline: 'Marmalade plans' })
    await editStory(db, newsroom.writer, draft, { body: docOf('Secret marmalade recipe.') })
    for (const status of ['in_review', 'changes_requested', 'approved', 'scheduled', 'unpublished'] as const) {
      await storyIn(db, newsroom, status, { headline: `Marmalade ${status.replace('_', ' ')}` })
    }
    const edited = await published({ headline: 'Jam factory opens', body: ['Strawberry jam only.'] }, day(4))
    await editStory(db, newsroom.editor, edited, { headline: 'Marmalade factory opens', body: docOf('Marmalade from now on.') })
    const updateInReview = await published({ headline: 'Pickle fair returns', body: ['Pickles in the square.'] }, day(5))
    await editStory(db, newsroom.editor, updateInReview, { body: docOf('Marmalade stall added.') })
    await act(db, newsroom.editor, updateInReview, 'submit')

    expect(await search('marmalade')).toMatchObject({
      total: 0,
      pageCount: 0,
      hits: [],
      message: expect.stringContaining('No stories match'),
    })
    const [hit] = (await search('jam')).hits
    expect(hit).toMatchObject({ id: edited, headline: 'Jam factory opens' })
    expect(await ids('pickles')).toEqual([updateInReview])
  })

  it('follows a story to its new text once the update is published', async () => {
    const id = await published({ headline: 'Quarry closes', body: ['Granite no longer.'] }, day(6))
    await editStory(db, newsroom.editor, id, { body: docOf('Basalt from next year.') })
    expect(await ids('basalt')).toEqual([])
    await act(db, newsroom.editor, id, 'publish')
    expect(await ids('basalt')).toEqual([id])
    expect(await ids('granite')).toEqual([])
  })

  it('highlights the matches in a snippet of the standfirst and body, with the text escaped', async () => {
    await published(
      {
        headline: 'Bridge tolls',
        standfirst: 'The ferry keeps running.',
        body: ['Officials said <script>alert("x")</script> the ferry & the bridge < 3 km apart, mark\u0002ferry\u0003 too.'],
      },
      day(7),
    )
    const [hit] = (await search('ferry')).hits
    const snippet = hit?.snippet.toString() ?? ''
    expect(snippet).toContain('<mark>ferry</mark> keeps running')
    expect(snippet).toContain('&amp;')
    expect(snippet).toContain('&lt; 3 km')
    expect(snippet).not.toContain('<script')
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
    expect(snippet.match(/<mark>/g)?.length).toBe(snippet.match(/<\/mark>/g)?.length)
  })

  it('answers queries with nothing searchable in them with a message, never an error', async () => {
    await published({ headline: 'Operators at work', body: ['Crane operators strike.'] }, day(8))
    const unusable = [
      '',
      '   ',
      '&&&',
      '"',
      '-',
      '!!!',
      '(',
      ')',
      '|',
      '<->',
      ':*',
      '!(',
      'or',
      '-"',
      'the',
      '\u0000',
      '\u0002\u0003',
      '"""',
      '\\',
    ]
    for (const q of [...unusable, null, undefined]) {
      expect(await search(q), `query ${JSON.stringify(q)}`).toMatchObject({
        total: 0,
        pageCount: 0,
        page: 1,
        hits: [],
        message: expect.any(String),
      })
    }
    expect(await search(null)).toMatchObject({ query: '', message: 'Type a word or two to search the stories.' })
    expect(await ids('"crane operators" -ballet')).toHaveLength(1)
    expect(await ids('crane\u0000operators')).toHaveLength(1)
    expect(await ids("crane'; drop table articles; --")).toEqual([])
  })

  it('refuses a query over 200 characters, keeping its first 200 for the search box', async () => {
    for (const q of ['crane '.repeat(2000), '&'.repeat(10_000), '"'.repeat(10_000), 'é'.repeat(10_000)]) {
      const result = await search(q)
      expect(result).toMatchObject({ total: 0, hits: [], message: expect.stringContaining('200 characters') })
      expect([...result.query].length).toBeLessThanOrEqual(200)
    }
    expect(await search('crane '.repeat(32) + 'crane!!!')).toMatchObject({ total: 1, message: null })
  })

  it('reads odd page numbers as page 1, and a page past the end as an empty page with a message', async () => {
    const id = await published({ headline: 'Quince harvest', body: ['A good year for quinces.'] }, day(9))
    for (const page of ['-1', '0', 'abc', '', ' ', '1.5', '1e400', '99999999999999999999999', null, undefined]) {
      expect(await search('quince', page), `page ${JSON.stringify(page)}`).toMatchObject({
        page: 1,
        pageCount: 1,
        total: 1,
        message: null,
        hits: [{ id }],
      })
    }
    expect(await search('quince', '999999')).toMatchObject({
      page: 999999,
      pageCount: 1,
      total: 1,
      hits: [],
      message: 'There is no page 999999: the results for “quince” end at page 1.',
    })
  })

  it('pages through 25 matching stories, ten at a time, newest first', async () => {
    const made: number[] = []
    for (let n = 1; n <= 25; n++)
      made.push(await storyIn(db, newsroom, 'published', { headline: `Tangerine market report ${n}`, now: day(n) }))
    const pages = await Promise.all(['1', '2', '3'].map((page) => search('tangerine', page)))
    expect(pages.map((page) => [page.page, page.pageCount, page.total, page.hits.length])).toEqual([
      [1, 3, 25, 10],
      [2, 3, 25, 10],
      [3, 3, 25, 5],
    ])
    expect(pages.flatMap((page) => page.hits.map((hit) => hit.id))).toEqual(made.toReversed())
  })
})
