import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, pins } from '@/db/schema'
import { pageKey } from '@/lib/page-keys'
import { pinInSection, sectionPinLimit } from '@/lib/section-pins'
import { act, makeStory } from '@/test/newsroom'
import { openReaderSite } from '@/test/reader-site'

// Lead stories an editor pins to the top of a section's page (lib/section-pins.ts), as readers
// then find them: first on the section's first page, in the order they were pinned.

const { db, newsroom, sectionIds, page, shown, publishedStory } = await openReaderSite()
const ids = { ceasefire: 0, talks: 0, ferry: 0, newest: 0, rail: 0 }

/** The headlines of a section page's list, in order. */
async function headlines(path: string): Promise<string[]> {
  return [...(await page(path)).matchAll(/<h[23][^>]*><a[^>]*>([^<]+)<\/a>/g)].map((match) => match[1] ?? '')
}

beforeAll(async () => {
  ids.ceasefire = await publishedStory('Ceasefire holds', {}, { sectionId: sectionIds.middleEast })
  ids.talks = await publishedStory('Talks resume', {}, { sectionId: sectionIds.regions })
  ids.ferry = await publishedStory('Ferry resumes', {}, { sectionId: sectionIds.middleEast })
  ids.newest = await publishedStory('Markets calm', {}, { sectionId: sectionIds.middleEast })
  ids.rail = await publishedStory('Rail strike', {}, { sectionId: sectionIds.europe })
})

describe('the top of a section', () => {
  it('shows pinned stories first, in the order they were pinned, on its first page only', async () => {
    const before = await headlines('/regions/middle-east')
    expect(before).toEqual(['Markets calm', 'Ferry resumes', 'Ceasefire holds'])
    for (const articleId of [ids.ceasefire, ids.ferry]) {
      expect(await pinInSection(db, newsroom.editor, { sectionId: sectionIds.middleEast, articleId, as: 'top' })).toMatchObject({
        ok: true,
      })
    }
    expect(await headlines('/regions/middle-east')).toEqual(['Ceasefire holds', 'Ferry resumes', 'Markets calm'])
    const { keys } = await shown('/regions/middle-east')
    expect(keys).toContain(pageKey.sectionPins(sectionIds.middleEast))
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'section.pin'))
    expect(entry).toMatchObject({ actorId: newsroom.editor.id, detail: { headline: 'Ceasefire holds', section: 'Middle East' } })

    await pinInSection(db, newsroom.editor, { sectionId: sectionIds.middleEast, articleId: ids.ceasefire, as: 'none' })
    expect(await headlines('/regions/middle-east')).toEqual(['Ferry resumes', 'Markets calm', 'Ceasefire holds'])
  })

  it('passes over a pinned story that is unpublished', async () => {
    await act(db, newsroom.editor, ids.ferry, 'unpublish')
    expect(await headlines('/regions/middle-east')).toEqual(['Markets calm', 'Ceasefire holds'])
  })

  it('refuses writers, and stories readers cannot see or filed elsewhere, changing nothing', async () => {
    const before = await db.select().from(pins)
    const place = { sectionId: sectionIds.middleEast, as: 'top' } as const
    const draft = await makeStory(db, newsroom, { headline: 'Unfinished', sectionId: sectionIds.middleEast })
    expect(await pinInSection(db, newsroom.writer, { ...place, articleId: ids.newest })).toMatchObject({
      reason: 'forbidden',
      message: 'Only editors can pin stories on the front page and section pages.',
    })
    expect(await pinInSection(db, newsroom.editor, { ...place, articleId: ids.rail })).toMatchObject({
      reason: 'invalid',
      message: '“Rail strike” is not filed in “Middle East” or a section under it.',
    })
    expect(await pinInSection(db, newsroom.editor, { ...place, articleId: draft })).toMatchObject({
      reason: 'invalid',
      message: 'Only a story readers can see can be pinned: publish it first.',
    })
    expect(await pinInSection(db, newsroom.editor, { ...place, articleId: ids.ferry })).toMatchObject({
      message: 'Only a story readers can see can be pinned: publish it first.',
    })
    expect(await db.select().from(pins)).toEqual(before)
  })

  it('takes stories of the sections under it, up to its limit', async () => {
    const regions = { sectionId: sectionIds.regions, as: 'top' } as const
    for (const articleId of [ids.ceasefire, ids.rail, ids.talks]) {
      expect(await pinInSection(db, newsroom.editor, { ...regions, articleId })).toMatchObject({ ok: true })
    }
    expect((await headlines('/regions')).slice(0, 3)).toEqual(['Ceasefire holds', 'Rail strike', 'Talks resume'])
    expect(await pinInSection(db, newsroom.editor, { ...regions, articleId: ids.newest })).toMatchObject({
      message: `${sectionPinLimit} stories are already pinned at the top of “Regions”: unpin one first.`,
    })
  })
})
