import { beforeAll, describe, expect, it } from 'vitest'
import { sections } from '@/db/schema'
import { site, textOf, part, hrefs, linksTo, openReaderSite } from '@/test/reader-site'

// The section tree and the lists that run over pages (app/(site)/[[...path]]).

const { db, sectionIds, get, page, publishedStory } = await openReaderSite()

describe('pages of a list', () => {
  beforeAll(async () => {
    for (let n = 1; n <= 25; n++) await publishedStory(`Archive story ${n}`, {}, { sectionId: sectionIds.archive })
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
    await publishedStory('Border crossing reopens', {}, { sectionId: sectionIds.middleEast })
    await publishedStory('Rail strike ends', {}, { sectionId: sectionIds.europe })
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
    await publishedStory('Europe', {}, { sectionId: sectionIds.regions })
    await publishedStory('Page', {}, { sectionId: sectionIds.archive })
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
    await publishedStory('Final result', {}, { sectionId: sectionIds.europe })
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
