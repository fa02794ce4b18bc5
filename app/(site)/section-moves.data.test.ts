import { beforeAll, describe, expect, it } from 'vitest'
import { changeSection, createSection } from '@/lib/section-changes'
import { retireSection } from '@/lib/section-retire'
import { openReaderSite } from '@/test/reader-site'

// Sections moved, renamed and retired in the desk (lib/section-changes.ts, lib/section-retire.ts),
// as readers then find them: every old address of a section, of the sections under it, of their
// pages and feeds and of their stories answers 301 to where it lives now, in one hop.

const { db, newsroom, sectionIds, get, page, publishedStory } = await openReaderSite()
const { admin } = newsroom

async function expectMoved(from: string, to: string): Promise<void> {
  const answer = await get(from)
  expect(answer.status, from).toBe(301)
  expect(answer.location, from).toBe(to)
}

async function change(sectionId: number, fields: { name: string; slug: string; parentId: number | null }): Promise<void> {
  const result = await changeSection(db, admin, { sectionId, ...fields, description: '' })
  if (!result.ok) throw new Error(result.message)
}

beforeAll(async () => {
  await publishedStory('Desert solar farm', {}, { sectionId: sectionIds.middleEast })
  await publishedStory('Rail link approved', {}, { sectionId: sectionIds.europe })
})

describe('a section whose address changes', () => {
  it('leads its old address, its sub-sections’, their feeds and pages and its stories’ to the new ones', async () => {
    await change(sectionIds.regions, { name: 'Areas', slug: 'areas', parentId: null })
    await expectMoved('/regions', '/areas')
    await expectMoved('/regions/middle-east', '/areas/middle-east')
    await expectMoved('/regions/middle-east/desert-solar-farm', '/areas/middle-east/desert-solar-farm')
    await expectMoved('/regions/feed.xml', '/areas/feed.xml')
    await expectMoved('/regions/middle-east/feed.xml', '/areas/middle-east/feed.xml')
    await expectMoved('/regions/page/1', '/areas/page/1')
    expect(await page('/areas/middle-east/desert-solar-farm')).toContain('Desert solar farm')
    expect(await page('/areas/middle-east/feed.xml')).toContain('/areas/middle-east/desert-solar-farm')
    expect(await page('/areas')).toContain('<h1>Areas</h1>')
  })

  it('is one hop away from every old address after a second move', async () => {
    await change(sectionIds.middleEast, { name: 'Middle East', slug: 'mideast', parentId: sectionIds.archive })
    await expectMoved('/regions/middle-east/desert-solar-farm', '/archive/mideast/desert-solar-farm')
    await expectMoved('/areas/middle-east/desert-solar-farm', '/archive/mideast/desert-solar-farm')
    await expectMoved('/regions/middle-east', '/archive/mideast')
    await expectMoved('/areas/middle-east/feed.xml', '/archive/mideast/feed.xml')
    expect(await page('/archive/mideast/desert-solar-farm')).toContain('Desert solar farm')
    expect((await get('/areas/mideast')).status).toBe(404)
  })

  it('gives its old address back to a section that takes it', async () => {
    const created = await createSection(db, admin, { name: 'Regions', slug: 'regions', parentId: null, description: '' })
    expect(created).toMatchObject({ ok: true, path: '/regions' })
    expect(await page('/regions')).toContain('<h1>Regions</h1>')
    await expectMoved('/regions/europe', '/areas/europe')
  })
})

describe('a retired section', () => {
  it('leads its address and its stories’ to the section they moved to', async () => {
    const retired = await retireSection(db, admin, { sectionId: sectionIds.europe, moveTo: sectionIds.archive })
    expect(retired).toMatchObject({ ok: true, moved: 1 })
    await expectMoved('/areas/europe/rail-link-approved', '/archive/rail-link-approved')
    await expectMoved('/regions/europe/rail-link-approved', '/archive/rail-link-approved')
    await expectMoved('/areas/europe', '/archive')
    await expectMoved('/regions/europe', '/archive')
    expect(await page('/archive')).toContain('/archive/rail-link-approved')
  })
})
