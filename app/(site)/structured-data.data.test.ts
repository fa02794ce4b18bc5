import { beforeAll, describe, expect, it } from 'vitest'
import { searchPage } from '@/components/reader/search-page'
import { media } from '@/db/schema'
import { addCorrection } from '@/lib/corrections'
import { savePublication } from '@/lib/publication'
import { listImages, thumbnailSizes } from '@/lib/public-lists'
import { readerChrome } from '@/lib/reader-chrome'
import { searchPublishedStories } from '@/lib/search'
import { saveProfile } from '@/lib/profiles'
import { saveSitePage } from '@/lib/site-pages'
import { docOf } from '@/test/newsroom'
import { openReaderSite, site } from '@/test/reader-site'
import { structuredDataProblems } from '@/test/structured-data/validate'

// Every JSON-LD block of every kind of reader's page, from a seeded newsroom, checked against the
// schema.org vocabulary and Google's required and recommended properties
// (test/structured-data/vocabulary.ts).

const { db, newsroom, sectionIds, tick, page, publishedStory } = await openReaderSite()
const storyPath = '/regions/middle-east/ferry-strike-ends-after-nine-days'
let correctedAt: Date

/** Every JSON-LD block of a document, parsed. */
function blocksOf(document: string): Record<string, unknown>[] {
  return [...document.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? '') as Record<string, unknown>,
  )
}

async function photo(hash: string, width: number, height: number): Promise<number> {
  const widths = [320, 640, 960, 1280, 1600, 1920].filter((candidate) => candidate <= width)
  const [row] = await db
    .insert(media)
    .values({
      storageKey: `ab/${hash}.jpg`,
      contentHash: hash,
      mimeType: 'image/jpeg',
      byteSize: 30_000,
      width,
      height,
      alt: 'Ferries at the quay',
      variants: widths.flatMap((each) =>
        ['webp', 'avif', 'jpeg'].map((format) => ({ width: each, format, key: `ab/${hash}-${each}.${format}` })),
      ),
    })
    .returning({ id: media.id })
  if (!row) throw new Error('no photo')
  return row.id
}

beforeAll(async () => {
  const logo = await photo('logo', 600, 60)
  const saved = await savePublication(db, newsroom.admin, {
    name: 'The Ledger',
    url: site,
    publisher: 'Ledger Media',
    description: 'News from the Ledger.',
    language: 'en-GB',
    logoMediaId: String(logo),
    correctionsPolicy: '/corrections-policy',
    ethicsPolicy: '/ethics',
    masthead: 'https://about.example.test/masthead',
  })
  if (!saved.ok) throw new Error(saved.message)
  await saveSitePage(db, newsroom.admin, { slug: 'about', title: 'About us', body: 'Who we are.' })
  const portrait = await photo('portrait', 1280, 1280)
  const profile = { name: 'Writer Person', slug: 'writer', jobTitle: 'Ports correspondent', bio: 'Covers the coast.' }
  const links = 'https://social.example/@writer'
  const profiled = await saveProfile(db, newsroom.writer, newsroom.writer.id, { ...profile, links, photoMediaId: String(portrait) })
  if (!profiled.ok) throw new Error(profiled.message)
  const lead = await photo('ferry', 2400, 1600)
  const id = await publishedStory(
    'Ferry strike ends after nine days',
    {
      standfirst: 'Crews return to the harbour on Monday.',
      dateline: 'BEIRUT',
      body: docOf('The union accepted the offer.'),
      tags: ['Transport'],
      leadMediaId: lead,
      leadCredit: 'ANA LIMA/LEDGER',
      bylines: [{ userId: newsroom.writer.id }, { name: 'Rania Salem', outlet: 'Delta Weekly' }],
    },
    { sectionId: sectionIds.middleEast },
  )
  correctedAt = tick()
  const corrected = await addCorrection(
    db,
    newsroom.editor,
    id,
    { kind: 'correction', body: 'The strike lasted nine days, not ten.' },
    { now: correctedAt },
  )
  if (!corrected.ok) throw new Error(corrected.message)
})

describe('structured data', () => {
  const pages = [
    { kind: 'the front page', path: '/', types: ['WebSite'] },
    { kind: 'a section', path: '/regions', types: ['BreadcrumbList'] },
    { kind: 'a sub-section', path: '/regions/middle-east', types: ['BreadcrumbList'] },
    { kind: 'a story', path: storyPath, types: ['NewsArticle', 'BreadcrumbList'] },
    { kind: 'an author', path: '/authors/writer', types: ['ProfilePage'] },
    { kind: 'a tag', path: '/tags/transport', types: [] },
    { kind: 'the corrections', path: '/corrections', types: [] },
    { kind: 'a standing page', path: '/about', types: [] },
  ]

  it.each(pages)('on $kind page is valid schema.org with what Google asks for', async ({ path, types }) => {
    const blocks = blocksOf(await page(path))
    expect(blocks.map((block) => block['@type'])).toEqual(types)
    for (const block of blocks) expect(structuredDataProblems(block), JSON.stringify(block, null, 1)).toEqual([])
  })

  it('on a search page is valid too', async () => {
    const result = await searchPublishedStories(db, { q: 'ferry', page: null })
    const document = searchPage(result, await listImages(db, result.hits, thumbnailSizes), await readerChrome(db))
    for (const block of blocksOf(document)) expect(structuredDataProblems(block)).toEqual([])
  })

  it('describes the story completely: authors, publisher, images, section, corrections, and a date that moves with a correction', async () => {
    const [article, breadcrumb] = blocksOf(await page(storyPath))
    expect(article).toMatchObject({
      headline: 'Ferry strike ends after nine days',
      description: 'Crews return to the harbour on Monday.',
      dateline: 'BEIRUT',
      dateModified: correctedAt.toISOString(),
      inLanguage: 'en-GB',
      articleSection: 'Regions › Middle East',
      author: [
        { '@type': 'Person', name: 'Writer Person', url: `${site}/authors/writer` },
        { '@type': 'Person', name: 'Rania Salem', affiliation: { '@type': 'Organization', name: 'Delta Weekly' } },
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Ledger Media',
        url: site,
        logo: { '@type': 'ImageObject', url: `${site}/media/ab/logo.jpg`, width: 600, height: 60 },
        correctionsPolicy: `${site}/corrections-policy`,
        ethicsPolicy: `${site}/ethics`,
        publishingPrinciples: `${site}/ethics`,
        masthead: 'https://about.example.test/masthead',
      },
      image: [{ '@type': 'ImageObject', url: `${site}/media/ab/ferry-1280.webp`, width: 1280, height: 853 }],
      correction: [
        { '@type': 'CorrectionComment', text: 'The strike lasted nine days, not ten.', datePublished: correctedAt.toISOString() },
      ],
    })
    expect(breadcrumb).toMatchObject({
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'The Ledger', item: `${site}/` },
        { '@type': 'ListItem', position: 2, name: 'Regions', item: `${site}/regions` },
        { '@type': 'ListItem', position: 3, name: 'Middle East', item: `${site}/regions/middle-east` },
        { '@type': 'ListItem', position: 4, name: 'Ferry strike ends after nine days', item: `${site}${storyPath}` },
      ],
    })
  })

  it('names an author as a Person on their page, with their photo, job and pages elsewhere', async () => {
    const [profile] = blocksOf(await page('/authors/writer'))
    expect(profile).toMatchObject({
      mainEntity: {
        '@type': 'Person',
        name: 'Writer Person',
        url: `${site}/authors/writer`,
        jobTitle: 'Ports correspondent',
        sameAs: ['https://social.example/@writer'],
        image: { '@type': 'ImageObject', url: expect.stringContaining('portrait-320.webp'), width: 320, height: 320 },
      },
    })
  })

  it('lets reader pages show large image previews, and keeps search results out of the index', async () => {
    expect(await page(storyPath)).toContain('<meta name="robots" content="max-image-preview:large">')
    const result = await searchPublishedStories(db, { q: 'ferry', page: null })
    const search = searchPage(result, await listImages(db, result.hits, thumbnailSizes), await readerChrome(db))
    expect(search).toContain('<meta name="robots" content="noindex, nofollow">')
    expect(search).not.toContain('max-image-preview')
  })
})
