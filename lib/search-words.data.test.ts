import { asc } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { searchWords } from '@/db/schema'
import { act, docOf, editStory, makeStory, openTestNewsroom } from '@/test/newsroom'
import { searchPublishedStories } from './search'

const { db, newsroom } = await openTestNewsroom()

/** A story written, submitted and published through the real workflow. */
async function published(fields: { headline: string; tags?: string[]; body?: string[] }): Promise<number> {
  const id = await makeStory(db, newsroom, { headline: fields.headline })
  await editStory(db, newsroom.writer, id, { tags: fields.tags ?? [], body: docOf(...(fields.body ?? [])) })
  await act(db, newsroom.writer, id, 'submit')
  await act(db, newsroom.editor, id, 'publish')
  return id
}

const knownWords = async () => (await db.select().from(searchWords).orderBy(asc(searchWords.word))).map((row) => row.word)

describe('the words "did you mean" suggests', () => {
  it('are kept up on publishing: the headline’s words and the tags’, not the drafts’', async () => {
    const draft = await makeStory(db, newsroom, { headline: 'Quarantined walrus escapes' })
    await editStory(db, newsroom.writer, draft, { tags: ['Zoology'] })
    expect(await knownWords()).not.toContain('walrus')

    await published({ headline: 'Ferry strike halts island crossings', tags: ['Transport unions'], body: ['Crews walked out at dawn.'] })
    const words = await knownWords()
    expect(words).toEqual(expect.arrayContaining(['ferry', 'strike', 'halts', 'island', 'crossings', 'transport', 'unions']))
    // Words of the body, short words and drafts are not suggested.
    expect(words).not.toContain('crews')
    expect(words).not.toContain('walrus')
    expect(words).not.toContain('zoology')
  })

  it('suggests a corrected query (fery strik → ferry strike) that finds the stories', async () => {
    await published({ headline: 'Harbour pilots threaten walkout over pensions' })
    const misspelt = await searchPublishedStories(db, { q: 'fery strik' })
    expect(misspelt).toMatchObject({ total: 0, suggestion: 'ferry strike' })
    const corrected = await searchPublishedStories(db, { q: misspelt.suggestion })
    expect(corrected.hits.map((hit) => hit.headline)).toContain('Ferry strike halts island crossings')
    expect((await searchPublishedStories(db, { q: 'Harbor pilots' })).suggestion).toBe('harbour pilots')
  })

  it('suggests nothing for a query spelt right, or one that nothing is close to', async () => {
    expect((await searchPublishedStories(db, { q: 'ferry strike' })).suggestion).toBeNull()
    expect((await searchPublishedStories(db, { q: 'xylophone' })).suggestion).toBeNull()
  })

  it('offers no suggestion that would find nothing', async () => {
    const id = await published({ headline: 'Lighthouse auction draws bidders' })
    expect((await searchPublishedStories(db, { q: 'lighthuose' })).suggestion).toBe('lighthouse')
    await act(db, newsroom.editor, id, 'unpublish')
    // The word is still known, but no public story has it.
    expect(await knownWords()).toContain('lighthouse')
    expect((await searchPublishedStories(db, { q: 'lighthuose' })).suggestion).toBeNull()
  })
})
