import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sections } from '@/db/schema'
import { act, editStory, makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { newsSitemapXml, rssFeed, sitemapXml } from './feeds'

// One newsroom for the whole file, built once and only read by the tests: four public stories
// (one in a sub-section, one republished, two with unpublished edits) among stories readers
// must not see.
const { db, newsroom } = await openTestNewsroom()
const site = 'https://news.example.test'
const hour = 60 * 60 * 1000
const base = new Date('2030-04-01T08:00:00Z')
const at = (hours: number) => new Date(base.getTime() + hours * hour)

/** Headlines, tags and authors that exist only in drafts, unpublished edits or stories readers cannot see. */
const hidden = [
  'Harbour draft headline',
  'Bridge update under review',
  'Embargoed Topic',
  'embargoed-topic',
  'Secret Tag',
  'secret-tag',
  'Draft by writer two',
  'draft-by-writer-two',
  'Story in review',
  'story-in-review',
  'Scheduled story',
  'scheduled-story',
  'Taken down story',
  'taken-down-story',
  '/authors/writer2',
]

beforeAll(async () => {
  vi.stubEnv('SITE_URL', `${site}/`)
  vi.stubEnv('SITE_NAME', 'The Ledger & Co')
  const { writer, writer2, editor } = newsroom
  const [middleEast] = await db
    .insert(sections)
    .values({ name: 'Middle East', slug: 'middle-east', parentId: newsroom.sectionId })
    .returning({ id: sections.id })
  if (!middleEast) throw new Error('no sub-section')

  const harbour = await makeStory(db, newsroom, { headline: 'Harbour reopens', now: at(-10) })
  await editStory(
    db,
    writer,
    harbour,
    {
      standfirst: 'Ferries <return> & "cheer"',
      tags: ['Shipping News'],
      bylines: [{ userId: writer.id }, { name: 'Rania Salem', outlet: 'Delta Weekly' }],
      leadMediaId: newsroom.mediaId,
    },
    { now: at(-10) },
  )
  await act(db, writer, harbour, 'submit', { now: at(-10) })
  await act(db, editor, harbour, 'publish', { now: at(-10) })
  // Saved after publication, never published: readers still see the story as published.
  await editStory(
    db,
    editor,
    harbour,
    { headline: 'Harbour draft headline', tags: ['Embargoed Topic'], bylines: [{ userId: writer2.id }] },
    { now: at(-9) },
  )

  const talks = await storyIn(db, newsroom, 'published', { headline: 'Ceasefire talks resume', sectionId: middleEast.id, now: at(-60) })
  await editStory(db, editor, talks, { standfirst: 'Updated.' }, { now: at(-2) })
  await act(db, editor, talks, 'publish', { now: at(-2) })

  const bridge = await storyIn(db, newsroom, 'published', { headline: 'Bridge opens', now: at(-5) })
  await editStory(db, editor, bridge, { headline: 'Bridge update under review' }, { now: at(-4) })
  await act(db, editor, bridge, 'submit', { now: at(-4) })

  await storyIn(db, newsroom, 'published', { headline: 'Markets rally', sectionId: newsroom.otherSectionId, now: at(-1) })

  const draft = await storyIn(db, newsroom, 'draft', { headline: 'Draft by writer two', by: writer2, now: at(-3) })
  await editStory(db, writer2, draft, { tags: ['Secret Tag'] }, { now: at(-3) })
  await storyIn(db, newsroom, 'in_review', { headline: 'Story in review', now: at(-3) })
  await storyIn(db, newsroom, 'scheduled', { headline: 'Scheduled story', now: at(-3) })
  await storyIn(db, newsroom, 'unpublished', { headline: 'Taken down story', now: at(-3) })
})
afterAll(async () => {
  vi.unstubAllEnvs()
})

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && (name === 'item' || name === 'url'),
})

function parse<T>(xml: string | null): T {
  if (xml === null) throw new Error('no document')
  expect(XMLValidator.validate(xml)).toBe(true)
  return parser.parse(xml) as T
}

type Channel = {
  title: string
  link: string
  'atom:link': { href: string }
  item?: {
    title: string
    link: string
    description: string
    pubDate: string
    'dc:creator': string
    category: string
    'media:content'?: { url: string }
  }[]
}
type Urlset = {
  urlset: {
    url?: {
      loc: string
      lastmod?: string
      'news:news'?: { 'news:title': string; 'news:publication_date': string; 'news:publication': { 'news:name': string } }
    }[]
  }
}

async function channel(sectionPath?: string[]): Promise<Channel> {
  return parse<{ rss: { channel: Channel } }>(await rssFeed(db, sectionPath)).rss.channel
}

describe('the RSS feeds', () => {
  it('lists the public stories, first published first, at absolute addresses', async () => {
    const feed = await channel()
    expect(feed.title).toBe('The Ledger & Co')
    expect(feed.link).toBe(`${site}/`)
    expect(feed['atom:link'].href).toBe(`${site}/feed.xml`)
    expect(feed.item?.map((story) => [story.title, story.link])).toEqual([
      ['Markets rally', `${site}/business/markets-rally`],
      ['Bridge opens', `${site}/world/bridge-opens`],
      ['Harbour reopens', `${site}/world/harbour-reopens`],
      ['Ceasefire talks resume', `${site}/world/middle-east/ceasefire-talks-resume`],
    ])
  })

  it('describes a story as its live revision does: standfirst, credits, section, first publication, lead image', async () => {
    const harbour = (await channel()).item?.find((story) => story.title === 'Harbour reopens')
    expect(harbour).toMatchObject({
      description: 'Ferries <return> & "cheer"',
      'dc:creator': 'Writer Person, Rania Salem / Delta Weekly',
      category: 'World',
      pubDate: at(-10).toUTCString(),
      'media:content': { url: `${site}/media/demo/test.svg` },
    })
  })

  it('gives a section’s feed its own stories and its sub-sections’, and no others', async () => {
    const world = await channel(['world'])
    expect(world.title).toBe('World · The Ledger & Co')
    expect(world['atom:link'].href).toBe(`${site}/world/feed.xml`)
    expect(world.item?.map((story) => story.title)).toEqual(['Bridge opens', 'Harbour reopens', 'Ceasefire talks resume'])

    const middleEast = await channel(['world', 'middle-east'])
    expect(middleEast.link).toBe(`${site}/world/middle-east`)
    expect(middleEast.item?.map((story) => [story.title, story.category])).toEqual([['Ceasefire talks resume', 'Middle East']])
    expect((await channel(['business'])).item?.map((story) => story.title)).toEqual(['Markets rally'])
  })

  it('has no feed for a section path that does not exist', async () => {
    expect(await rssFeed(db, ['nowhere'])).toBeNull()
    expect(await rssFeed(db, ['middle-east'])).toBeNull()
    expect(await rssFeed(db, ['world', 'middle-east', 'more'])).toBeNull()
  })
})

describe('the sitemaps', () => {
  it('list every public page and only those: home, sections, stories, their authors and tags', async () => {
    const urls = parse<Urlset>(await sitemapXml(db)).urlset.url ?? []
    expect(urls.map((url) => url.loc).sort()).toEqual(
      [
        '/',
        '/business',
        '/world',
        '/world/middle-east',
        '/business/markets-rally',
        '/world/bridge-opens',
        '/world/harbour-reopens',
        '/world/middle-east/ceasefire-talks-resume',
        '/authors/writer',
        '/tags/shipping-news',
      ]
        .map((path) => `${site}${path}`)
        .sort(),
    )
  })

  it('date a story by its latest publication', async () => {
    const urls = parse<Urlset>(await sitemapXml(db)).urlset.url ?? []
    const lastmod = (path: string) => urls.find((url) => url.loc === `${site}${path}`)?.lastmod
    expect(lastmod('/world/middle-east/ceasefire-talks-resume')).toBe(at(-2).toISOString())
    expect(lastmod('/world/harbour-reopens')).toBe(at(-10).toISOString())
  })

  it('put in the news sitemap only stories first published in the 48 hours before now', async () => {
    const news = async (now: Date) => (parse<Urlset>(await newsSitemapXml(db, now)).urlset.url ?? []).map((url) => url.loc)
    // Ceasefire talks was republished two hours ago, but first published 60 hours ago.
    expect(await news(at(0))).toEqual([`${site}/business/markets-rally`, `${site}/world/bridge-opens`, `${site}/world/harbour-reopens`])
    expect(await news(at(-6))).toEqual([`${site}/world/harbour-reopens`])
    expect(await news(at(50))).toEqual([])
  })

  it('names the publication, the title and the first publication of a news story', async () => {
    const [harbour] = parse<Urlset>(await newsSitemapXml(db, at(-6))).urlset.url ?? []
    expect(harbour?.['news:news']).toEqual({
      'news:publication': { 'news:name': 'The Ledger & Co', 'news:language': 'en' },
      'news:publication_date': at(-10).toISOString(),
      'news:title': 'Harbour reopens',
    })
  })
})

it('shows no draft, story in review, scheduled or unpublished story, nor an unpublished edit, anywhere', async () => {
  const documents = [
    await rssFeed(db),
    await rssFeed(db, ['world']),
    await rssFeed(db, ['world', 'middle-east']),
    await sitemapXml(db),
    await newsSitemapXml(db, at(0)),
  ]
  for (const xml of documents) {
    expect(xml).toContain(site)
    for (const text of hidden) expect(xml).not.toContain(text)
  }
})
