import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { media, tags } from '@/db/schema'
import { addCorrection } from '@/lib/corrections'
import { pageKey } from '@/lib/page-keys'
import { saveSitePage } from '@/lib/site-pages'
import { changeSection } from '@/lib/section-changes'
import { mergeTags, renameTag } from '@/lib/tag-changes'
import { storyAsShown, storyChangeKeys } from '@/lib/reader-changes'
import { act, editStory } from '@/test/newsroom'
import { openReaderSite } from '@/test/reader-site'

// Every reader's page notes what it shows (lib/page-keys.ts), and every change names what it
// alters (lib/reader-changes.ts). Here each change is made for real, every page is made before
// and after it, and the pages whose keys the change names must be exactly those that changed.

const { db, newsroom, sectionIds, shown, publishedStory, revise } = await openReaderSite()

const story = {
  harbour: '/world/harbour-reopens',
  strike: '/world/port-strike-ends',
  solar: '/regions/middle-east/desert-solar-farm',
  rail: '/regions/europe/rail-link-approved',
  market: '/business/market-closes-higher',
}
const lists = [
  '/',
  '/world',
  '/business',
  '/regions',
  '/regions/middle-east',
  '/regions/europe',
  '/feed.xml',
  '/world/feed.xml',
  '/regions/feed.xml',
  '/sitemap.xml',
  '/news-sitemap.xml',
  '/corrections',
  '/authors/writer',
  '/authors/writer2',
  '/tags/shipping',
  '/tags/labour',
  '/tags/energy',
  '/tags/transport',
  '/about',
]
const ids: Record<keyof typeof story, number> = { harbour: 0, strike: 0, solar: 0, rail: 0, market: 0 }

beforeAll(async () => {
  ids.harbour = await publishedStory('Harbour reopens', { tags: ['Shipping'] })
  ids.strike = await publishedStory('Port strike ends', { tags: ['Shipping', 'Labour'] }, { by: newsroom.writer2 })
  ids.solar = await publishedStory('Desert solar farm', { tags: ['Energy'] }, { sectionId: sectionIds.middleEast })
  ids.rail = await publishedStory('Rail link approved', { tags: ['Transport'] }, { sectionId: sectionIds.europe, by: newsroom.writer2 })
  ids.market = await publishedStory('Market closes higher', { leadMediaId: newsroom.mediaId }, { sectionId: newsroom.otherSectionId })
})

type Page = { status: number; body: string; keys: string[] }

async function everyPage(): Promise<Map<string, Page>> {
  const pages = new Map<string, Page>()
  for (const path of [...lists, ...Object.values(story)]) {
    const { result, keys } = await shown(path)
    pages.set(path, { status: result.status, body: result.body, keys })
  }
  return pages
}

/** Makes every page, makes the change, makes every page again: which pages the change's keys name, and which changed. */
async function whenChanged(change: () => Promise<readonly string[]>) {
  const before = await everyPage()
  const keys = new Set(await change())
  const after = await everyPage()
  const named = [...before].filter(([, page]) => page.keys.some((key) => keys.has(key))).map(([path]) => path)
  const changed = [...before]
    .filter(([path, page]) => after.get(path)?.status !== page.status || after.get(path)?.body !== page.body)
    .map(([path]) => path)
  return { named: named.sort(), changed: changed.sort(), keys }
}

/** A workflow action, with the keys it alters taken as the workflow route takes them. */
async function storyChange(id: number, change: () => Promise<unknown>): Promise<string[]> {
  const before = await storyAsShown(db, id)
  await change()
  return storyChangeKeys(id, before, await storyAsShown(db, id))
}

describe('what a change refreshes', () => {
  it('names a story, its lists and the pages that list or relate to it, and keys each page carries', async () => {
    const { keys } = await shown(story.strike)
    expect(keys).toEqual(
      expect.arrayContaining([pageKey.story(ids.strike), pageKey.story(ids.harbour), pageKey.tagList('shipping'), pageKey.sections]),
    )
    expect((await shown('/tags/labour')).keys).toEqual(expect.arrayContaining([pageKey.tagList('labour'), pageKey.story(ids.strike)]))
    expect((await shown('/sitemap.xml')).keys).toContain(pageKey.everyStory)
  })

  it('refreshes every page showing a story whose standfirst changed, and no list it is not on', async () => {
    const { named, changed } = await whenChanged(() =>
      storyChange(ids.strike, () => revise(ids.strike, { standfirst: 'Dockers return after nine days.' }, { publish: true })),
    )
    expect(changed).toEqual(expect.arrayContaining([story.strike, '/world', '/tags/labour', '/authors/writer2', story.harbour]))
    for (const path of changed) expect(named, `${path} changed`).toContain(path)
    // Shown with every story (sitemaps) but unchanged by a standfirst: the news sitemap prints titles only.
    expect(named.filter((path) => !changed.includes(path))).toEqual(['/news-sitemap.xml'])
  })

  it('takes an unpublished story off every list and every other story’s related box', async () => {
    const { named, changed } = await whenChanged(() => storyChange(ids.harbour, () => act(db, newsroom.editor, ids.harbour, 'unpublish')))
    expect(changed).toEqual(expect.arrayContaining([story.harbour, story.strike, '/', '/world', '/tags/shipping', '/authors/writer']))
    for (const path of changed) expect(named, `${path} changed`).toContain(path)
    expect(named).not.toContain('/regions/europe')
    expect(named).not.toContain('/business')
  })

  it('puts a new story on its lists and the related boxes it joins, and touches no other section, tag or author', async () => {
    let id = 0
    const { named, changed } = await whenChanged(async () => {
      const before = await storyAsShown(db, 0)
      id = await publishedStory('Wind farm approved', { tags: ['Energy'] }, { sectionId: sectionIds.middleEast })
      return storyChangeKeys(id, before, await storyAsShown(db, id))
    })
    expect(id).toBeGreaterThan(0)
    expect(changed).toEqual(expect.arrayContaining(['/', '/regions', '/regions/middle-east', '/tags/energy', story.solar, story.rail]))
    for (const path of changed) expect(named, `${path} changed`).toContain(path)
    for (const path of ['/world', '/business', '/regions/europe', '/tags/shipping', '/tags/transport', '/authors/writer2', story.market]) {
      expect(named, path).not.toContain(path)
    }
  })

  it('refreshes a story’s page and the corrections list for a correction, not the lists showing the story', async () => {
    const { named, changed } = await whenChanged(async () => {
      const result = await addCorrection(db, newsroom.editor, ids.solar, { kind: 'correction', body: 'The farm covers 40 hectares.' })
      expect(result.ok).toBe(true)
      return [pageKey.storyCorrections(ids.solar), pageKey.corrections]
    })
    expect(changed).toEqual([story.solar, '/corrections'].sort())
    expect(named).toEqual(changed)
  })

  it('refreshes exactly the pages showing an image whose alt text changed', async () => {
    const { named, changed } = await whenChanged(async () => {
      await db.update(media).set({ alt: 'Traders on the exchange floor' }).where(eq(media.id, newsroom.mediaId))
      return [pageKey.media(newsroom.mediaId)]
    })
    expect(changed).toEqual(expect.arrayContaining([story.market]))
    expect(named).toEqual(changed)
  })

  it('refreshes every page’s footer for a new standing page, then only the page itself when its text changes', async () => {
    const save = (body: string) => async () => {
      const result = await saveSitePage(db, newsroom.admin, { slug: 'about', title: 'About us', body })
      if (!result.ok) throw new Error(result.message)
      return result.keys
    }
    const first = await whenChanged(save('We report on harbours.'))
    // Every page with a footer (HTML, not the feeds), and the sitemap, which lists the new page.
    const feeds = ['/feed.xml', '/world/feed.xml', '/regions/feed.xml', '/news-sitemap.xml']
    expect(first.changed).toEqual([...lists, ...Object.values(story)].filter((path) => !feeds.includes(path)).sort())
    expect(first.named).toEqual(first.changed)
    const second = await whenChanged(save('We report on harbours and rivers.'))
    expect(second.changed).toEqual(['/about'])
    expect(second.named).toEqual(second.changed)
  })

  it('refreshes every page naming a tag that is renamed or merged, its old address included', async () => {
    const [transport] = await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, 'transport'))
    const renamed = await whenChanged(async () => {
      const result = await renameTag(db, newsroom.editor, { tagId: transport?.id ?? 0, name: 'Rail transport' })
      if (!result.ok) throw new Error(result.message)
      return result.keys
    })
    expect(renamed.changed).toEqual(expect.arrayContaining(['/tags/transport', story.rail, '/sitemap.xml']))
    for (const path of renamed.changed) expect(renamed.named, `${path} changed`).toContain(path)

    const [labour] = await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, 'labour'))
    const merged = await whenChanged(async () => {
      const result = await mergeTags(db, newsroom.editor, { tagId: labour?.id ?? 0, into: 'shipping' })
      if (!result.ok) throw new Error(result.message)
      return result.keys
    })
    expect(merged.changed).toEqual(expect.arrayContaining(['/tags/labour', story.strike]))
    for (const path of merged.changed) expect(merged.named, `${path} changed`).toContain(path)
  })

  it('names nothing when readers see nothing change: a draft of the next version of a published story', async () => {
    const before = await storyAsShown(db, ids.rail)
    await editStory(db, newsroom.editor, ids.rail, { standfirst: 'Work starts next spring.' })
    expect(storyChangeKeys(ids.rail, before, await storyAsShown(db, ids.rail))).toEqual([])
  })

  it('refreshes every page showing a section that is described, renamed or moved, its stories’ old addresses included', async () => {
    const change = (fields: { name: string; slug: string; parentId: number | null; description: string }) =>
      whenChanged(async () => {
        const result = await changeSection(db, newsroom.admin, { sectionId: sectionIds.middleEast, ...fields })
        if (!result.ok) throw new Error(result.message)
        return result.keys
      })
    const described = await change({
      name: 'Middle East',
      slug: 'middle-east',
      parentId: sectionIds.regions,
      description: 'Our desk in Beirut.',
    })
    expect(described.changed).toEqual(['/regions/middle-east'])
    const moved = await change({ name: 'Mideast', slug: 'mideast', parentId: null, description: '' })
    expect(moved.changed).toEqual(expect.arrayContaining(['/', '/regions', '/regions/middle-east', story.solar, '/sitemap.xml']))
    for (const changed of [described, moved]) {
      for (const path of changed.changed) expect(changed.named, `${path} changed`).toContain(path)
    }
  })
})
