import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sections } from '@/db/schema'
import type { ArticleInputRaw } from '@/lib/article-input'
import type { Actor } from '@/lib/permissions'
import { act, docOf, editStory, makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { getStoryPreview } from '@/lib/public-articles'
import { pathsShowingStory } from '@/lib/public-pages'
import { servePublicPath } from './public-site'

// The reader's site as a reader's browser gets it: every test asks `servePublicPath` for a path and
// reads the status, the `location` header and the document. Stories are written, submitted and
// published through the real workflow.

const { db, newsroom } = await openTestNewsroom()
let regionsId: number
let middleEastId: number
let europeId: number
let archiveId: number

const site = 'https://news.example.test'
const minute = 60 * 1000
// Every story is a minute newer than the one before, all within the news sitemap's last 48 hours.
let clock = Date.now() - 40 * 60 * minute
const tick = () => new Date((clock += minute))

beforeAll(async () => {
  vi.stubEnv('SITE_URL', `${site}/`)
  vi.stubEnv('SITE_NAME', 'The Ledger')
  vi.stubEnv('SITE_PUBLISHER', 'Ledger Media')
  const [regions] = await db
    .insert(sections)
    .values({ name: 'Regions', slug: 'regions', position: 2, description: 'News by region.' })
    .returning({ id: sections.id })
  if (!regions) throw new Error('no regions section')
  const [middleEast, europe] = await db
    .insert(sections)
    .values([
      { name: 'Middle East', slug: 'middle-east', parentId: regions.id, position: 0 },
      { name: 'Europe', slug: 'europe', parentId: regions.id, position: 1 },
    ])
    .returning({ id: sections.id })
  const [archive] = await db.insert(sections).values({ name: 'Archive', slug: 'archive', position: 3 }).returning({ id: sections.id })
  if (!middleEast || !europe || !archive) throw new Error('no sub-sections')
  regionsId = regions.id
  middleEastId = middleEast.id
  europeId = europe.id
  archiveId = archive.id
})
afterAll(async () => {
  vi.unstubAllEnvs()
})

/** What a reader's browser gets for a path. */
type Answer = { status: number; location: string | null; contentType: string | null; body: string }

async function serve(rawSegments: readonly string[]): Promise<Answer> {
  const response = await servePublicPath(db, rawSegments)
  return {
    status: response.status,
    location: response.headers.get('location'),
    contentType: response.headers.get('content-type'),
    body: await response.text(),
  }
}

const get = (path: string) => serve(path.split('/').filter(Boolean))

/** The document at a path that must answer 200. */
async function page(path: string): Promise<string> {
  const answer = await get(path)
  expect(answer.status, `${path} should answer 200`).toBe(200)
  return answer.body
}

/** A story written by `by` (the writer), with these fields, submitted and published by the editor. */
async function publishedStory(
  headline: string,
  fields: Partial<ArticleInputRaw> = {},
  options: { sectionId?: number; by?: Actor } = {},
): Promise<number> {
  const now = tick()
  const by = options.by ?? newsroom.writer
  const id = await makeStory(db, newsroom, { headline, sectionId: options.sectionId, by, now })
  if (Object.keys(fields).length > 0) await editStory(db, by, id, fields, { now })
  await act(db, by, id, 'submit', { now })
  await act(db, newsroom.editor, id, 'publish', { now })
  return id
}

/** The editor changes a published story; with `publish`, the change goes live. */
async function revise(id: number, fields: Partial<ArticleInputRaw>, options: { publish: boolean }): Promise<void> {
  const now = tick()
  await editStory(db, newsroom.editor, id, fields, { now })
  if (options.publish) await act(db, newsroom.editor, id, 'publish', { now })
}

/** The text a reader reads: tags dropped, entities decoded, spaces collapsed. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The first piece of a page matching `pattern`; the test fails when there is none. */
function part(body: string, pattern: RegExp): string {
  const found = body.match(pattern)
  expect(found, `no ${pattern} in the page`).not.toBeNull()
  return found?.[0] ?? ''
}

/** Every `href` in a piece of markup, in order. */
const hrefs = (markup: string) => [...markup.matchAll(/href="([^"]*)"/g)].map((match) => match[1])

/** The page's JSON-LD, as its raw text and parsed. */
function jsonLd(body: string): { raw: string; data: Record<string, unknown> } {
  const found = body.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)
  const raw = found?.[1] ?? ''
  expect(raw).not.toBe('')
  return { raw, data: JSON.parse(raw) as Record<string, unknown> }
}

/** The links on a page to addresses starting with `prefix`, in order. */
const linksTo = (body: string, prefix: string) => hrefs(body).filter((href) => href?.startsWith(prefix))

describe('a story page', () => {
  const path = '/regions/middle-east/ceasefire-talks-resume-in-doha'
  let firstPublishedAt: Date
  let updatedAt: Date

  beforeAll(async () => {
    firstPublishedAt = tick()
    const { writer, writer2, editor } = newsroom
    const id = await makeStory(db, newsroom, { headline: 'Ceasefire talks resume in Doha', sectionId: middleEastId, now: firstPublishedAt })
    await editStory(
      db,
      writer,
      id,
      {
        standfirst: 'Negotiators return after a week away.',
        body: docOf('Delegations arrived on Sunday.'),
        tags: ['Diplomacy', 'Qatar'],
        bylines: [{ userId: writer.id }, { userId: writer2.id }, { name: 'Rania Salem', outlet: 'Delta Weekly' }],
      },
      { now: firstPublishedAt },
    )
    await act(db, writer, id, 'submit', { now: firstPublishedAt })
    await act(db, editor, id, 'publish', { now: firstPublishedAt })
    updatedAt = tick()
    await editStory(db, editor, id, { body: docOf('Delegations arrived on Sunday.', 'A second round starts today.') }, { now: updatedAt })
    await act(db, editor, id, 'publish', { now: updatedAt })
  })

  it('answers 200 with the headline, the standfirst and the body', async () => {
    const answer = await get(path)
    expect(answer.status).toBe(200)
    expect(answer.contentType).toBe('text/html; charset=utf-8')
    expect(answer.body).toContain('<h1>Ceasefire talks resume in Doha</h1>')
    expect(answer.body).toContain('<p class="standfirst">Negotiators return after a week away.</p>')
    expect(answer.body).toContain('A second round starts today.')
    expect(answer.body).toContain('<title>Ceasefire talks resume in Doha · The Ledger</title>')
  })

  it('shows the breadcrumb from Home through the parent section to the section', async () => {
    const crumbs = part(await page(path), /<nav class="breadcrumb"[\s\S]*?<\/nav>/)
    expect(hrefs(crumbs)).toEqual(['/', '/regions', '/regions/middle-east'])
    expect(textOf(crumbs)).toBe('HomeRegionsMiddle East')
    expect(crumbs).toContain('<a href="/regions/middle-east" aria-current="page">Middle East</a>')
  })

  it('credits several authors as a sentence, staff linked to their page and an outside contributor with their outlet', async () => {
    const byline = part(await page(path), /<p class="byline">[\s\S]*?<\/p>/)
    expect(textOf(byline)).toBe('By Writer Person, Writer2 Person and Rania Salem / Delta Weekly')
    expect(hrefs(byline)).toEqual(['/authors/writer', '/authors/writer2'])
  })

  it('dates the story with machine-readable times, first publication and update', async () => {
    const dateline = part(await page(path), /<p class="dateline">[\s\S]*?<\/p>/)
    expect(dateline).toContain(`<time datetime="${firstPublishedAt.toISOString()}">`)
    expect(dateline).toContain(`Updated <time datetime="${updatedAt.toISOString()}">`)
  })

  it('links each tag to its page', async () => {
    const tagList = part(await page(path), /<section class="tags"[\s\S]*?<\/section>/)
    expect(tagList).toContain('<a href="/tags/diplomacy">Diplomacy</a>')
    expect(tagList).toContain('<a href="/tags/qatar">Qatar</a>')
  })

  it('describes the story to search engines in JSON-LD', async () => {
    const { data } = jsonLd(await page(path))
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Ceasefire talks resume in Doha',
      description: 'Negotiators return after a week away.',
      url: `${site}${path}`,
      datePublished: firstPublishedAt.toISOString(),
      dateModified: updatedAt.toISOString(),
      author: [
        { '@type': 'Person', name: 'Writer Person', url: `${site}/authors/writer` },
        { '@type': 'Person', name: 'Writer2 Person', url: `${site}/authors/writer2` },
        { '@type': 'Organization', name: 'Rania Salem / Delta Weekly' },
      ],
      publisher: { '@type': 'Organization', name: 'Ledger Media', url: site },
      articleSection: 'Regions › Middle East',
      keywords: 'Diplomacy, Qatar',
    })
  })

  it('names its canonical address and link preview, and loads no script file', async () => {
    const body = await page(path)
    expect(body).toContain(`<link rel="canonical" href="${site}${path}">`)
    expect(body).toContain('<meta property="og:title" content="Ceasefire talks resume in Doha">')
    expect(body).toContain(`<meta property="og:url" content="${site}${path}">`)
    expect(body).not.toMatch(/<script[^>]*\ssrc=/)
    expect(body).not.toContain('noindex')
  })
})

describe('escaping what the newsroom typed', () => {
  const attack = '<script>alert(1)</script>'
  const escapedAttack = '&lt;script&gt;alert(1)&lt;/script&gt;'
  const headline = `Ports ${attack} say "no" & leave`
  const standfirst = `Standfirst ${attack} "quoted" & more`
  const contributor = `${attack} "Sam" & Co`
  const outlet = 'The "Post" & Wire'
  const tag = `${attack} & "Tag"`
  const path = '/world/ports-script-alert-1-script-say-no-leave'

  beforeAll(async () => {
    await publishedStory(headline, { standfirst, bylines: [{ name: contributor, outlet }], tags: [tag] })
  })

  it('escapes the headline, standfirst, byline and tag on the story page', async () => {
    const body = await page(path)
    expect(body).not.toContain(attack)
    expect(body).not.toContain('alert(1)</script>')
    expect(body).toContain(`<h1>Ports ${escapedAttack} say &quot;no&quot; &amp; leave</h1>`)
    expect(body).toContain(`<title>Ports ${escapedAttack} say &quot;no&quot; &amp; leave · The Ledger</title>`)
    expect(body).toContain(`<meta property="og:title" content="Ports ${escapedAttack} say &quot;no&quot; &amp; leave">`)
    expect(body).toContain(`<p class="standfirst">Standfirst ${escapedAttack} &quot;quoted&quot; &amp; more</p>`)
    expect(textOf(part(body, /<p class="byline">[\s\S]*?<\/p>/))).toBe(`By ${contributor} / ${outlet}`)
    expect(body).toContain(`<a href="/tags/script-alert-1-script-tag">${escapedAttack} &amp; &quot;Tag&quot;</a>`)
  })

  it('keeps the JSON-LD block closed: its text has no "<", and it parses back to what was typed', async () => {
    const body = await page(path)
    const { raw, data } = jsonLd(body)
    expect(raw).not.toContain('<')
    expect(data).toMatchObject({
      headline,
      description: standfirst,
      author: [{ '@type': 'Organization', name: `${contributor} / ${outlet}` }],
      keywords: tag,
    })
    // The JSON-LD block and the share script: every script that opens is one the page meant.
    expect(body.match(/<script/g)).toHaveLength(2)
    expect(body.match(/<\/script>/g)).toHaveLength(2)
  })

  it('escapes the headline in lists, feeds and sitemaps too', async () => {
    for (const listPath of ['/', '/world', '/tags/script-alert-1-script-tag', '/feed.xml', '/world/feed.xml', '/news-sitemap.xml']) {
      const body = await page(listPath)
      expect(body, listPath).not.toContain(attack)
      expect(body, listPath).toContain(`Ports ${escapedAttack} say &quot;no&quot; &amp; leave`)
    }
  })
})

describe('what readers never see', () => {
  const hidden = ['Zephyr', 'zephyr', 'Quasar', 'quasar', 'Nebula', 'nebula', 'Wombat', 'wombat', 'Okapi', 'okapi', '/authors/admin']
  const harbourPath = '/world/harbour-reopens'

  beforeAll(async () => {
    const { writer, editor, admin } = newsroom
    const draft = await makeStory(db, newsroom, { headline: 'Zephyr draft story', now: tick() })
    await editStory(db, writer, draft, { standfirst: 'Zephyr standfirst', tags: ['Zephyrtag'] }, { now: tick() })
    await storyIn(db, newsroom, 'in_review', { headline: 'Quasar review story', now: tick() })
    await storyIn(db, newsroom, 'scheduled', { headline: 'Nebula scheduled story', now: tick() })

    const harbour = await publishedStory('Harbour reopens', { standfirst: 'Ferries are back.', tags: ['Shipping'] })
    // Saved after publication and never published: readers still see the story as it went live.
    await revise(
      harbour,
      { headline: 'Harbour Wombat headline', standfirst: 'Wombat standfirst', tags: ['Wombattag'], bylines: [{ userId: admin.id }] },
      { publish: false },
    )
    const bridge = await publishedStory('Bridge opens')
    await editStory(db, editor, bridge, { headline: 'Bridge Okapi update' }, { now: tick() })
    await act(db, editor, bridge, 'submit', { now: tick() })
  })

  it('leaves drafts, stories in review, scheduled stories and unpublished edits off every list, feed and sitemap', async () => {
    const paths = [
      '/',
      '/world',
      '/authors/writer',
      '/tags/shipping',
      '/feed.xml',
      '/world/feed.xml',
      '/sitemap.xml',
      '/news-sitemap.xml',
      '/corrections',
    ]
    for (const path of paths) {
      const body = await page(path)
      for (const word of hidden) expect(body, `${word} on ${path}`).not.toContain(word)
    }
    expect(await page('/world')).toContain('Harbour reopens')
    expect(await page('/news-sitemap.xml')).toContain('Harbour reopens')
    expect(await page('/tags/shipping')).toContain('Harbour reopens')
  })

  it('shows a story with unpublished edits as it was published', async () => {
    const body = await page(harbourPath)
    expect(body).toContain('<h1>Harbour reopens</h1>')
    expect(body).toContain('Ferries are back.')
    for (const word of hidden) expect(body, word).not.toContain(word)
    expect(await page('/world/bridge-opens')).toContain('<h1>Bridge opens</h1>')
  })

  it('answers 404, not 410, at the address a story would have if it were published', async () => {
    for (const path of ['/world/zephyr-draft-story', '/world/quasar-review-story', '/world/nebula-scheduled-story']) {
      const answer = await get(path)
      expect(answer.status, path).toBe(404)
      expect(answer.body).toContain('Page not found')
      expect(answer.body).not.toContain('Zephyr')
    }
  })

  it('has no page for a tag or an author known only from unpublished work', async () => {
    for (const path of ['/tags/zephyrtag', '/tags/wombattag', '/authors/admin']) expect((await get(path)).status, path).toBe(404)
  })
})

describe('taking a story down and putting it back', () => {
  it('answers 410 while a story is unpublished and takes it off every list; republishing brings it back', async () => {
    const id = await publishedStory('Lighthouse closes for winter')
    const path = '/world/lighthouse-closes-for-winter'
    for (const listPath of ['/', '/world', '/feed.xml', '/world/feed.xml', '/sitemap.xml'])
      expect(await page(listPath), listPath).toContain(path)

    await act(db, newsroom.editor, id, 'unpublish', { now: tick() })
    const gone = await get(path)
    expect(gone.status).toBe(410)
    expect(gone.body).toContain('This story has been removed')
    expect(gone.body).toContain('<meta name="robots" content="noindex, nofollow">')
    expect(gone.body).not.toContain('Lighthouse closes')
    for (const listPath of ['/', '/world', '/feed.xml', '/world/feed.xml', '/sitemap.xml', '/news-sitemap.xml', '/authors/writer']) {
      expect(await page(listPath), listPath).not.toContain(path)
    }

    await act(db, newsroom.editor, id, 'republish', { now: tick() })
    expect(await page(path)).toContain('<h1>Lighthouse closes for winter</h1>')
    expect(await page('/')).toContain(path)
  })

  it('answers 410 at the old address of a story that moved and was then taken down', async () => {
    const id = await publishedStory('Dam inspection delayed')
    await revise(id, { slug: 'dam-inspection-postponed' }, { publish: true })
    expect((await get('/world/dam-inspection-delayed')).status).toBe(301)
    await act(db, newsroom.editor, id, 'unpublish', { now: tick() })
    expect((await get('/world/dam-inspection-delayed')).status).toBe(410)
    expect((await get('/world/dam-inspection-postponed')).status).toBe(410)
  })
})

describe('stories that move', () => {
  it('sends the old address to the new one once a slug change is published, and not before', async () => {
    const id = await publishedStory('Ferry timetable')
    await revise(id, { slug: 'ferry-timetable-changes' }, { publish: false })
    expect(await page('/world/ferry-timetable')).toContain('<h1>Ferry timetable</h1>')
    expect((await get('/world/ferry-timetable-changes')).status).toBe(404)

    await act(db, newsroom.editor, id, 'publish', { now: tick() })
    expect(await get('/world/ferry-timetable')).toMatchObject({ status: 301, location: '/world/ferry-timetable-changes', body: '' })
    expect(await page('/world/ferry-timetable-changes')).toContain('<h1>Ferry timetable</h1>')

    // A second move: every old address goes straight to the newest, with no chain of redirects.
    await revise(id, { slug: 'ferry-timetable-final' }, { publish: true })
    expect(await get('/world/ferry-timetable')).toMatchObject({ status: 301, location: '/world/ferry-timetable-final' })
    expect(await get('/world/ferry-timetable-changes')).toMatchObject({ status: 301, location: '/world/ferry-timetable-final' })
    expect((await get('/world/ferry-timetable-final')).status).toBe(200)
  })

  it('sends the old address to the new section once a section change is published', async () => {
    const id = await publishedStory('Port strike called off')
    await revise(id, { sectionId: newsroom.otherSectionId }, { publish: true })
    expect(await get('/world/port-strike-called-off')).toMatchObject({ status: 301, location: '/business/port-strike-called-off' })
    expect(await page('/business/port-strike-called-off')).toContain('<h1>Port strike called off</h1>')
    expect(await page('/business')).toContain('/business/port-strike-called-off')
    expect(await page('/world')).not.toContain('port-strike-called-off')
  })
})

describe('pages of a list', () => {
  beforeAll(async () => {
    for (let n = 1; n <= 25; n++) await publishedStory(`Archive story ${n}`, {}, { sectionId: archiveId })
  })

  it('shows twenty stories on the first page, newest first, and links to the next', async () => {
    const body = await page('/archive')
    const stories = linksTo(body, '/archive/archive-story-')
    expect(stories).toHaveLength(20)
    expect(stories[0]).toBe('/archive/archive-story-25')
    expect(stories.at(-1)).toBe('/archive/archive-story-6')
    expect(body).toContain('<a rel="next" href="/archive/page/2">')
    expect(body).not.toContain('rel="prev"')
    expect(body).toContain(`<link rel="canonical" href="${site}/archive">`)
  })

  it('shows the rest on page 2, which links back', async () => {
    const body = await page('/archive/page/2')
    expect(linksTo(body, '/archive/archive-story-')).toEqual([5, 4, 3, 2, 1].map((n) => `/archive/archive-story-${n}`))
    expect(body).toContain('<a rel="prev" href="/archive">')
    expect(body).not.toContain('rel="next"')
    expect(body).toContain('<h1>Archive, page 2</h1>')
    expect(body).toContain(`<link rel="canonical" href="${site}/archive/page/2">`)
  })

  it('moves page 1 to the list itself, for sections, authors, tags and corrections', async () => {
    expect(await get('/archive/page/1')).toMatchObject({ status: 301, location: '/archive' })
    expect(await get('/regions/middle-east/page/1')).toMatchObject({ status: 301, location: '/regions/middle-east' })
    expect(await get('/authors/writer/page/1')).toMatchObject({ status: 301, location: '/authors/writer' })
    expect(await get('/corrections/page/1')).toMatchObject({ status: 301, location: '/corrections' })
    expect((await get('/authors/writer/page/2')).status).toBe(200)
  })

  it('answers 404 for page numbers that are not pages of the list', async () => {
    for (const path of [
      '/archive/page/0',
      '/archive/page/abc',
      '/archive/page/-1',
      '/archive/page/02',
      '/archive/page/2.5',
      '/archive/page/3',
      '/archive/page/99999999',
      '/archive/page',
      '/archive/page/2/more',
      '/authors/writer/page/99',
      '/corrections/page/2',
    ]) {
      expect((await get(path)).status, path).toBe(404)
    }
  })
})

describe('the section tree', () => {
  beforeAll(async () => {
    await publishedStory('Border crossing reopens', {}, { sectionId: middleEastId })
    await publishedStory('Rail strike ends', {}, { sectionId: europeId })
  })

  it('lists a sub-section’s story on its own page and its parent’s, and nowhere else', async () => {
    const border = '/regions/middle-east/border-crossing-reopens'
    const rail = '/regions/europe/rail-strike-ends'
    expect(await page('/regions')).toContain(border)
    expect(await page('/regions')).toContain(rail)
    expect(await page('/regions/middle-east')).toContain(border)
    expect(await page('/regions/middle-east')).not.toContain(rail)
    expect(await page('/regions/europe')).toContain(rail)
    expect(await page('/regions/europe')).not.toContain(border)
    for (const other of ['/world', '/business', '/archive']) expect(await page(other), other).not.toContain(border)
    expect(await page('/regions/feed.xml')).toContain(`${site}${border}`)
    expect(await page('/regions/middle-east/feed.xml')).toContain(`${site}${border}`)
    expect(await page('/regions/middle-east/feed.xml')).not.toContain(rail)
    expect(await page(border)).toContain('<h1>Border crossing reopens</h1>')
  })

  it('links a section to its sub-sections, and a sub-section back up the tree', async () => {
    const regions = await page('/regions')
    const subsections = part(regions, /<ul class="subsections">[\s\S]*?<\/ul>/)
    expect(hrefs(subsections)).toEqual(['/regions/middle-east', '/regions/europe'])
    expect(textOf(subsections)).toBe('Middle EastEurope')
    expect(regions).toContain('<h1>Regions</h1>')
    expect(regions).toContain('News by region.')

    const middleEast = await page('/regions/middle-east')
    expect(middleEast).toContain('<h1>Middle East</h1>')
    expect(hrefs(part(middleEast, /<nav class="breadcrumb"[\s\S]*?<\/nav>/))).toEqual(['/', '/regions'])
    expect(middleEast).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Middle East" href="/regions/middle-east/feed.xml">',
    )
  })

  it('never gives a story an address that a sub-section or a list page needs', async () => {
    await publishedStory('Europe', {}, { sectionId: regionsId })
    await publishedStory('Page', {}, { sectionId: archiveId })
    expect(await page('/regions/europe')).toContain('<h1>Europe</h1>')
    expect(await page('/regions/europe')).not.toContain('class="story"')
    expect(await page('/regions/europe-2')).toContain('class="story"')
    expect(await page('/archive/page-2')).toContain('<h1>Page</h1>')
  })

  it('finds a story by its whole path when sections under different parents share a slug', async () => {
    const [sport] = await db.insert(sections).values({ name: 'Sport', slug: 'sport', position: 4 }).returning({ id: sections.id })
    if (!sport) throw new Error('no sport section')
    const [sportEurope] = await db
      .insert(sections)
      .values({ name: 'Europe', slug: 'europe', parentId: sport.id })
      .returning({ id: sections.id })
    if (!sportEurope) throw new Error('no sport europe section')
    await publishedStory('Final result', {}, { sectionId: europeId })
    await publishedStory('Final result', {}, { sectionId: sportEurope.id })
    expect(await page('/regions/europe/final-result')).toContain('<h1>Final result</h1>')
    expect(await page('/sport/europe/final-result')).toContain('<h1>Final result</h1>')
  })

  it('answers 404 for a section that does not exist or sits under another parent', async () => {
    for (const path of ['/regions/asia', '/world/middle-east', '/middle-east', '/world/regions/middle-east/border-crossing-reopens']) {
      expect((await get(path)).status, path).toBe(404)
    }
  })
})

describe('author and tag pages', () => {
  beforeAll(async () => {
    const { writer, writer2, admin } = newsroom
    const tanker = await publishedStory('Tanker talks stall', { bylines: [{ userId: writer2.id }] }, { by: writer2 })
    await revise(tanker, { bylines: [{ userId: admin.id }] }, { publish: false })
    const grain = await publishedStory('Grain deal signed', { bylines: [{ userId: writer2.id }], tags: ['Exports'] }, { by: writer2 })
    await revise(grain, { bylines: [{ userId: writer.id }], tags: ['Trade'] }, { publish: true })

    await publishedStory('Port fees rise', { tags: ['Ports'] })
    await publishedStory('Dock workers vote', { tags: ['ports', 'Labour'] })
    const quota = await publishedStory('Fishing quota cut', { tags: ['Quotas'] })
    await act(db, newsroom.editor, quota, 'unpublish', { now: tick() })
  })

  it('lists the stories whose live revision credits the author', async () => {
    const writer2 = await page('/authors/writer2')
    expect(writer2).toContain('<h1>Writer2 Person</h1>')
    expect(writer2).toContain('Tanker talks stall')
    expect(writer2).not.toContain('Grain deal signed')
    const writer = await page('/authors/writer')
    expect(writer).toContain('Grain deal signed')
    expect(writer).not.toContain('Tanker talks stall')
  })

  it('has no page for an author with no public story, or for no one', async () => {
    for (const path of ['/authors/admin', '/authors/editor', '/authors/nobody', '/authors/writer2/page/2']) {
      const answer = await get(path)
      expect(answer.status, path).toBe(404)
      expect(answer.body).toContain('Page not found')
    }
  })

  it('gathers every spelling of a tag on its one page', async () => {
    await publishedStory('Tag variant one', { tags: ['Middle East'] })
    await publishedStory('Tag variant two', { tags: ['Middle-East'] })
    const tagPage = await page('/tags/middle-east')
    expect(tagPage).toContain('tag-variant-one')
    expect(tagPage).toContain('tag-variant-two')
  })

  it('lists the stories whose live revision carries the tag, whatever its case', async () => {
    const ports = await page('/tags/ports')
    expect(ports).toContain('<h1>Ports</h1>')
    expect(ports).toContain('/world/port-fees-rise')
    expect(ports).toContain('/world/dock-workers-vote')
    const labour = await page('/tags/labour')
    expect(labour).toContain('/world/dock-workers-vote')
    expect(labour).not.toContain('/world/port-fees-rise')
    expect(await page('/tags/trade')).toContain('/world/grain-deal-signed')
  })

  it('has no page for a tag that no public story carries now', async () => {
    for (const path of ['/tags/exports', '/tags/quotas', '/tags/nothing-here', '/tags/ports/page/2'])
      expect((await get(path)).status, path).toBe(404)
  })
})

describe('addresses that are not pages', () => {
  const notPages: [string, string[]][] = [
    ['an unknown path', ['no-such-page']],
    ['an unknown story in a section', ['world', 'no-such-story']],
    ['a lone authors or tags segment', ['authors']],
    ['a lone tags segment', ['tags']],
    ['a parent-directory segment', ['..']],
    ['a parent-directory segment inside a path', ['world', '..', 'business']],
    ['a hidden-file segment', ['.env']],
    ['an upper-case segment', ['World']],
    ['an upper-case slug', ['world', 'Harbour-Reopens']],
    ['a space', ['world', 'harbour reopens']],
    ['markup', ['<script>alert(1)</script>']],
    ['an encoded slash', ['world%2Fharbour-reopens']],
    ['an encoded parent directory', ['%2e%2e']],
    ['an empty segment', ['']],
    ['a query-like segment', ['world?page=2']],
    ['thirteen segments', Array.from({ length: 13 }, () => 'a')],
    ['a 201-character segment', ['a'.repeat(201)]],
    ['a % sequence that does not decode', ['%E0%A4%A']],
    ['a lone %', ['world', '%']],
    ['a feed below a feed', ['feed.xml', 'feed.xml']],
    ['a section feed with more after it', ['world', 'feed.xml', 'more']],
  ]

  it.each(notPages)('answers 404 for %s', async (_, segments) => {
    const answer = await serve(segments)
    expect(answer.status).toBe(404)
    expect(answer.body).toContain('Page not found')
    expect(answer.body).not.toContain('alert(1)')
  })

  it('serves robots.txt, and the home page for no segments at all', async () => {
    const robots = await get('/robots.txt')
    expect(robots.contentType).toBe('text/plain; charset=utf-8')
    expect(robots.body).toContain(`Sitemap: ${site}/sitemap.xml`)
    expect(robots.body).toContain('Disallow: /desk')
    const home = await serve([])
    expect(home.status).toBe(200)
    expect(home.body).toContain(`<link rel="canonical" href="${site}/">`)
  })
})

describe('the pages to refresh when a story changes', () => {
  it('lists the story, the front page, its sections and feeds, its author and tag pages, the feeds and sitemaps', async () => {
    const id = await publishedStory('Desalination plant opens', { tags: ['Water', 'Energy Policy'] }, { sectionId: middleEastId })
    const paths = await pathsShowingStory(db, id)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/regions/middle-east/desalination-plant-opens',
        '/',
        '/regions',
        '/regions/feed.xml',
        '/regions/middle-east',
        '/regions/middle-east/feed.xml',
        '/authors/writer',
        '/tags/water',
        '/tags/energy-policy',
        '/feed.xml',
        '/sitemap.xml',
        '/news-sitemap.xml',
        '/corrections',
      ]),
    )
    expect(new Set(paths).size).toBe(paths.length)
    expect(
      paths.some((path) => path.startsWith('/world') || path.startsWith('/authors/writer2') || path.startsWith('/regions/europe')),
    ).toBe(false)
    // Each of them is a page readers can load, apart from a list's spare page past its end.
    for (const path of paths) {
      const { status } = await get(path)
      expect(path.includes('/page/') ? [200, 404] : [200], path).toContain(status)
    }
  })

  it('lists the later pages of a long section', async () => {
    const id = await publishedStory('Archive story 26', {}, { sectionId: archiveId })
    expect(await pathsShowingStory(db, id)).toEqual(expect.arrayContaining(['/archive', '/archive/page/2', '/authors/writer/page/2']))
  })

  it('lists the old address of a story that moved', async () => {
    const id = await publishedStory('Stadium vote')
    await revise(id, { slug: 'stadium-vote-result' }, { publish: true })
    expect(await pathsShowingStory(db, id)).toEqual(expect.arrayContaining(['/world/stadium-vote-result', '/world/stadium-vote']))
  })

  it('lists nothing for a story that was never published', async () => {
    const draft = await makeStory(db, newsroom, { headline: 'Never published', now: tick() })
    const inReview = await storyIn(db, newsroom, 'in_review', { headline: 'Waiting for an editor', now: tick() })
    expect(await pathsShowingStory(db, draft)).toEqual([])
    expect(await pathsShowingStory(db, inReview)).toEqual([])
  })
})

describe('the desk’s preview', () => {
  it('shows the working copy, at the address it would be published at', async () => {
    const id = await publishedStory('Museum reopens')
    await revise(id, { headline: 'Museum Capybara exhibit opens', slug: 'museum-capybara-exhibit' }, { publish: false })

    expect(await getStoryPreview(db, id)).toMatchObject({
      id,
      headline: 'Museum Capybara exhibit opens',
      path: '/world/museum-capybara-exhibit',
    })
    expect(await page('/world/museum-reopens')).not.toContain('Capybara')
    expect((await get('/world/museum-capybara-exhibit')).status).toBe(404)
  })

  it('shows a draft that has never been published, and nothing for an unknown story', async () => {
    const draft = await makeStory(db, newsroom, { headline: 'Draft about otters', sectionId: regionsId, now: tick() })
    expect(await getStoryPreview(db, draft)).toMatchObject({
      headline: 'Draft about otters',
      path: '/regions/draft-about-otters',
      firstPublishedAt: null,
    })
    expect(await getStoryPreview(db, 999_999)).toBeNull()
  })
})
