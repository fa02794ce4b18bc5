import { describe, expect, it } from 'vitest'
import { act, articleRow, docOf, openTestNewsroom, revisionRows, storyIn } from '@/test/newsroom'
import { formInput, saveForm } from '@/test/story-form-input'
import { saveArticle } from './article-drafts'
import { listRevisions } from './revisions'

// When two saves collided and a person kept the other's text, their own is set aside: stored as a
// revision marked not kept, numbered with the rest, never current and never published.

const { db, newsroom } = await openTestNewsroom()
const start = new Date('2030-05-01T09:00:00Z')
const at = (minutes: number) => new Date(start.getTime() + minutes * 60 * 1000)

describe('a version set aside in a save conflict', () => {
  it('is stored before the kept save, marked and numbered, and never becomes current', async () => {
    const { writer, editor } = newsroom
    const id = await storyIn(db, newsroom, 'draft', { headline: 'Harbour reopens', now: at(0) })
    const saved = await saveForm(db, newsroom, id, writer, { body: docOf('The writer’s paragraph.') }, 'autosave', at(1))
    if (!saved.ok) throw new Error(saved.message)
    const { version, currentRevisionId } = await articleRow(db, id)

    const kept = formInput(newsroom, { body: docOf('The writer’s paragraph.') })
    const setAside = formInput(newsroom, { body: docOf('The editor’s paragraph.') })
    const result = await saveArticle(db, editor, id, kept, { baseVersion: version, kind: 'autosave', setAside, now: at(2) })
    if (!result.ok) throw new Error(result.message)

    const rows = await revisionRows(db, id)
    const [aside, current] = rows.slice(-2)
    expect(aside).toMatchObject({ notKept: true, bodyText: 'The editor’s paragraph.', createdBy: editor.id })
    expect(current).toMatchObject({ notKept: false, bodyText: 'The writer’s paragraph.', number: (aside?.number ?? 0) + 1 })
    const article = await articleRow(db, id)
    expect(article.currentRevisionId).toBe(current?.id)
    expect(article.currentRevisionId).not.toBe(currentRevisionId)
    expect(result.revisionNumber).toBe(current?.number)

    const listed = await listRevisions(db, id)
    expect(listed?.slice(0, 2).map(({ number, notKept, isCurrent }) => ({ number, notKept, isCurrent }))).toEqual([
      { number: current?.number, notKept: false, isCurrent: true },
      { number: aside?.number, notKept: true, isCurrent: false },
    ])

    // The next autosave goes into the kept revision, never the set-aside one; the next save follows both.
    const next = await saveForm(db, newsroom, id, editor, { body: docOf('The writer’s paragraph, edited.') }, 'autosave', at(3))
    expect(next).toMatchObject({ ok: true, revisionNumber: current?.number, coalesced: true })
    const [untouched] = (await revisionRows(db, id)).filter((row) => row.notKept)
    expect(untouched).toMatchObject({ id: aside?.id, bodyText: 'The editor’s paragraph.' })
    const saved2 = await saveForm(db, newsroom, id, editor, { body: docOf('The writer’s paragraph, edited.') }, 'save', at(3))
    expect(saved2).toMatchObject({ ok: true, revisionNumber: (current?.number ?? 0) + 1 })

    await act(db, writer, id, 'submit', { now: at(4) })
    await act(db, editor, id, 'approve', { now: at(4) })
    await act(db, editor, id, 'publish', { now: at(5) })
    const { publishedRevisionId } = await articleRow(db, id)
    const published = (await revisionRows(db, id)).find((row) => row.id === publishedRevisionId)
    expect(published).toMatchObject({ notKept: false, bodyText: 'The writer’s paragraph, edited.' })
  })
})
