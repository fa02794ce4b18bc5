import { describe, expect, it } from 'vitest'
import { duplicateArticle } from '@/lib/article-duplicates'
import { getArticleForEditing } from '@/lib/editable-article'
import { compareForHistory } from '@/lib/revision-comparison'
import { getRevision } from '@/lib/revisions'
import { docOf, revisionRows } from '@/test/newsroom'
import { jsonLd, openReaderSite, part } from '@/test/reader-site'
import { structuredDataProblems } from '@/test/structured-data/validate'

// A story's dateline ("BEIRUT"): saved with each revision like the standfirst, compared in the
// history, kept by a duplicate, and given to readers and search engines from the live revision only.

const { db, newsroom, sectionIds, page, publishedStory, revise } = await openReaderSite()

/** The story's NewsArticle block. */
const newsArticleOf = async (path: string) => jsonLd(await page(path)).data

/** The start of the story's body as printed. */
const bodyOf = async (path: string) => part(await page(path), /<div class="story-body">[\s\S]*?<\/p>/)

describe('a story with a dateline', () => {
  const path = '/regions/middle-east/harbour-reopens'
  let id = 0

  it('is saved in the revision, shown to the editor, and compared in the history', async () => {
    id = await publishedStory(
      'Harbour reopens',
      { dateline: '  Beirut ', body: docOf('The harbour reopened on Sunday.') },
      { sectionId: sectionIds.middleEast },
    )
    const rows = await revisionRows(db, id)
    expect(rows.map((row) => row.dateline)).toEqual(['', 'Beirut'])
    expect((await getArticleForEditing(db, newsroom.editor, id))?.dateline).toBe('Beirut')

    const [older, newer] = await Promise.all([getRevision(db, id, 1), getRevision(db, id, 2)])
    if (!older || !newer) throw new Error('no revisions')
    expect(newer.dateline).toBe('Beirut')
    const { changes } = await compareForHistory(db, newsroom.editor, older, newer)
    expect(changes).toContainEqual({ kind: 'value', field: 'Dateline', before: '', after: 'Beirut' })

    const copy = await duplicateArticle(db, newsroom.writer, id, 2)
    if (!copy.ok) throw new Error(copy.message)
    expect((await revisionRows(db, copy.articleId)).map((row) => row.dateline)).toEqual(['Beirut'])
  })

  it('opens the body on the story page, escaped, and is in the NewsArticle as schema.org has it', async () => {
    expect(await bodyOf(path)).toBe(
      '<div class="story-body"><p><span class="story-dateline">Beirut</span> — The harbour reopened on Sunday.</p>',
    )
    const article = await newsArticleOf(path)
    expect(article).toMatchObject({ '@type': 'NewsArticle', dateline: 'Beirut' })
    // The test site has no logo and the story no photo: Google's recommendations for those are checked elsewhere.
    expect(structuredDataProblems(article).filter((problem) => !problem.includes('recommended'))).toEqual([])
  })

  it('keeps a newer draft’s dateline off the page until it is published', async () => {
    await revise(id, { dateline: 'Tyre & <Sidon>' }, { publish: false })
    expect(await bodyOf(path)).toContain('<span class="story-dateline">Beirut</span>')
    expect((await newsArticleOf(path)).dateline).toBe('Beirut')

    await revise(id, {}, { publish: true })
    expect(await bodyOf(path)).toContain('<span class="story-dateline">Tyre &amp; &lt;Sidon&gt;</span> — ')
    expect((await newsArticleOf(path)).dateline).toBe('Tyre & <Sidon>')
  })
})

describe('a story without a dateline', () => {
  it('starts its body with its first paragraph, and its NewsArticle says no dateline', async () => {
    await publishedStory('Market day returns', { body: docOf('Stalls are back.') })
    expect(await bodyOf('/world/market-day-returns')).toBe('<div class="story-body"><p>Stalls are back.</p>')
    expect(await newsArticleOf('/world/market-day-returns')).not.toHaveProperty('dateline')
  })

  it('shows a dateline on a line of its own when the body does not start with a paragraph', async () => {
    const body = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'At the quay' }] }] }
    await publishedStory('Quay works begin', { dateline: 'SIDON', body })
    const shown = part(await page('/world/quay-works-begin'), /<div class="story-body">[\s\S]*?<\/h2>/)
    expect(shown).toMatch(/^<div class="story-body"><p><span class="story-dateline">SIDON<\/span><\/p><h2[^>]*>At the quay<\/h2>$/)
  })
})
