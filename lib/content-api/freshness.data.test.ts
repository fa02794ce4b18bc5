import { beforeAll, describe, expect, it } from 'vitest'
import { addCorrection } from '@/lib/corrections'
import { pageKey } from '@/lib/page-keys'
import { storyAsShown, storyChangeKeys } from '@/lib/reader-changes'
import { changeSection } from '@/lib/section-changes'
import { renameTag } from '@/lib/tag-changes'
import { tags } from '@/db/schema'
import { eq } from 'drizzle-orm'
import { askApiShown } from '@/test/content-api'
import { act } from '@/test/newsroom'
import { openReaderSite } from '@/test/reader-site'

// The Content API's answers are kept like reader's pages, under the page keys their queries note
// (lib/content-api/respond.ts). Here each change is made for real, every answer is made before and
// after it, and every answer that changed must hold a key the change names: else an instance or
// the edge would go on giving the old one.

const { db, newsroom, sectionIds, publishedStory, revise, tick } = await openReaderSite()
const ids = { harbour: 0, strike: 0, solar: 0 }
let since = ''

beforeAll(async () => {
  ids.harbour = await publishedStory('Harbour reopens', { tags: ['Shipping'] })
  since = tick().toISOString()
  ids.strike = await publishedStory('Port strike ends', { tags: ['Shipping', 'Labour'] }, { by: newsroom.writer2 })
  ids.solar = await publishedStory('Desert solar farm', { tags: ['Energy'] }, { sectionId: sectionIds.middleEast })
})

function addresses(): string[] {
  const stories = Object.values(ids).flatMap((id) => [`/api/v1/stories/${id}`, `/api/v1/stories/${id}?format=ninjs`])
  const paths = ['/world/harbour-reopens', '/world/port-strike-ends', '/regions/middle-east/desert-solar-farm', '/world/harbour-reopened']
  return [
    ...stories,
    ...paths.map((path) => `/api/v1/stories/by-path?path=${path}`),
    '/api/v1/stories',
    '/api/v1/stories?limit=1',
    `/api/v1/stories?updated_since=${since}`,
    `/api/v1/stories?section=${sectionIds.regions}`,
    `/api/v1/stories?author=${newsroom.writer2.id}`,
    '/api/v1/stories?tag=shipping',
    '/api/v1/sections',
    '/api/v1/authors',
    '/api/v1/tags',
    '/api/v1/corrections',
  ]
}

type Answer = { status: number; text: string; keys: string[] }

async function everyAnswer(): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>()
  for (const address of addresses()) {
    const { result, keys } = await askApiShown(db, address)
    answers.set(address, { status: result.status, text: result.text, keys })
  }
  return answers
}

/** Answers kept until a key of theirs is announced; any other (a 404, a 400) is made again every time. */
const kept = new Set([200, 301, 410])

/** Every answer before and after the change: which kept ones changed, and which hold a key the change names. */
async function whenChanged(change: () => Promise<readonly string[]>) {
  const before = await everyAnswer()
  const keys = new Set(await change())
  const after = await everyAnswer()
  const named = [...before].filter(([, answer]) => answer.keys.some((key) => keys.has(key))).map(([address]) => address)
  const changed = [...before]
    .filter(([address, answer]) => after.get(address)?.status !== answer.status || after.get(address)?.text !== answer.text)
    .filter(([, answer]) => kept.has(answer.status))
    .map(([address]) => address)
  for (const address of changed) expect(named, `${address} changed`).toContain(address)
  return { named, changed }
}

async function storyChange(id: number, change: () => Promise<unknown>): Promise<string[]> {
  const before = await storyAsShown(db, id)
  await change()
  return storyChangeKeys(id, before, await storyAsShown(db, id))
}

describe('what a change refreshes in the Content API', () => {
  it('takes an unpublished story out of every answer at once', async () => {
    const { changed } = await whenChanged(() => storyChange(ids.strike, () => act(db, newsroom.editor, ids.strike, 'unpublish')))
    expect(changed).toEqual(
      expect.arrayContaining([
        `/api/v1/stories/${ids.strike}`,
        '/api/v1/stories',
        '/api/v1/stories?tag=shipping',
        '/api/v1/authors',
        '/api/v1/tags',
      ]),
    )
  })

  it('refreshes a story, the lists giving its last change and the corrections for a correction', async () => {
    const { changed } = await whenChanged(async () => {
      const result = await addCorrection(db, newsroom.editor, ids.solar, { kind: 'correction', body: 'The farm covers 40 hectares.' })
      expect(result.ok).toBe(true)
      return [pageKey.storyCorrections(ids.solar), pageKey.corrections]
    })
    expect(changed).toEqual(expect.arrayContaining([`/api/v1/stories/${ids.solar}`, '/api/v1/stories', '/api/v1/corrections']))
  })

  it('moves a story whose slug changed, its old address answering 301', async () => {
    const { changed } = await whenChanged(() =>
      storyChange(ids.harbour, () => revise(ids.harbour, { slug: 'harbour-reopened' }, { publish: true })),
    )
    expect(changed).toEqual(
      expect.arrayContaining([`/api/v1/stories/${ids.harbour}`, '/api/v1/stories/by-path?path=/world/harbour-reopens']),
    )
  })

  it('refreshes every answer naming a section that moved, or a tag that was renamed', async () => {
    await whenChanged(async () => {
      const result = await changeSection(db, newsroom.admin, {
        sectionId: sectionIds.middleEast,
        name: 'Mideast',
        slug: 'mideast',
        parentId: null,
        description: '',
      })
      if (!result.ok) throw new Error(result.message)
      return result.keys
    })
    const [energy] = await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, 'energy'))
    const { changed } = await whenChanged(async () => {
      const result = await renameTag(db, newsroom.editor, { tagId: energy?.id ?? 0, name: 'Solar energy' })
      if (!result.ok) throw new Error(result.message)
      return result.keys
    })
    expect(changed).toEqual(expect.arrayContaining(['/api/v1/tags', `/api/v1/stories/${ids.solar}`]))
  })

  it('puts a newly published story into the lists it joins', async () => {
    let id = 0
    const { changed } = await whenChanged(async () => {
      const before = await storyAsShown(db, 0)
      id = await publishedStory('Wind farm approved', { tags: ['Shipping'] }, { by: newsroom.writer2 })
      return storyChangeKeys(id, before, await storyAsShown(db, id))
    })
    expect(changed).toEqual(
      expect.arrayContaining([
        '/api/v1/stories',
        `/api/v1/stories?updated_since=${since}`,
        '/api/v1/stories?tag=shipping',
        '/api/v1/authors',
      ]),
    )
  })
})
