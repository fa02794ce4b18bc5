import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { RichTextDoc } from '@/db/schema'
import { auditEvents } from '@/db/schema'
import { act, articleRow, docOf, editStory, makeStory, openTestNewsroom, revisionRows, tryAct } from '@/test/newsroom'
import { addNote, listNotes, setNoteResolved } from './notes'
import { storyChecklist } from './prepublish'
import { renderRichText } from './rich-text'

// Comments on the words: note threads with a quote, anchored in the body by a mark that carries
// the thread's id. Anchoring one is no edit, and open ones stand in the way of publishing until
// resolved or confirmed.

const { db, newsroom } = await openTestNewsroom()
const { writer, editor } = newsroom
const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute))

/** The form's body with `words` of its paragraph commented on by thread `noteId`. */
const commented = (noteId: number, before: string, words: string, after: string): RichTextDoc => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: before },
        { type: 'text', text: words, marks: [{ type: 'comment', attrs: { noteId } }] },
        { type: 'text', text: after },
      ],
    },
  ],
})

async function comment(articleId: number, quote: string, body = 'Is this confirmed?'): Promise<number> {
  const written = await addNote(db, editor, articleId, { body, quote })
  if (!written.ok) throw new Error(written.message)
  return written.noteId
}

describe('comments on the words', () => {
  it('are threads with the words they were written on, replied to, resolved and reopened like notes', async () => {
    const id = await makeStory(db, newsroom)
    const noteId = await comment(id, '  reopened \n on Sunday ')
    expect(await addNote(db, writer, id, { body: 'Yes: the port said so.', parentId: noteId })).toMatchObject({ ok: true })
    expect(await setNoteResolved(db, writer, noteId, true)).toMatchObject({ ok: true })
    const [thread] = (await listNotes(db, id)) ?? []
    expect(thread).toMatchObject({
      id: noteId,
      quote: 'reopened on Sunday',
      isResolved: true,
      replies: [{ body: 'Yes: the port said so.' }],
    })
    expect(await setNoteResolved(db, editor, noteId, false)).toMatchObject({ ok: true })
  })

  it('refuses a comment on no words, and a reply with words of its own', async () => {
    const id = await makeStory(db, newsroom)
    expect(await addNote(db, editor, id, { body: 'Hm.', quote: '   ' })).toMatchObject({
      ok: false,
      message: 'Select the words to comment on first.',
    })
    const noteId = await comment(id, 'harbour')
    expect(await addNote(db, editor, id, { body: 'Hm.', quote: 'Sunday', parentId: noteId })).toMatchObject({
      ok: false,
      reason: 'invalid',
    })
  })

  it('keeps what only a writer of the story may write: a writer cannot comment on another’s story', async () => {
    const id = await makeStory(db, newsroom, { by: newsroom.editor })
    expect(await addNote(db, writer, id, { body: 'Hm.', quote: 'harbour' })).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('anchors in the body without making a revision, and an approved story stays approved', async () => {
    const id = await makeStory(db, newsroom)
    await editStory(db, writer, id, { standfirst: 'Boats are back.', body: docOf('The harbour reopened on Sunday.') })
    await act(db, writer, id, 'submit')
    await act(db, editor, id, 'approve')
    const before = await articleRow(db, id)
    const revisionsBefore = (await revisionRows(db, id)).length
    const noteId = await comment(id, 'reopened')
    await editStory(db, editor, id, { body: commented(noteId, 'The harbour ', 'reopened', ' on Sunday.') }, { now: at(2) })
    expect((await revisionRows(db, id)).length).toBe(revisionsBefore)
    expect(await articleRow(db, id)).toMatchObject({
      status: 'approved',
      version: before.version + 1,
      approvedRevisionId: before.approvedRevisionId,
      currentRevisionId: before.currentRevisionId,
    })
    // Changing the words under a comment is an edit like any other.
    await editStory(db, editor, id, { body: commented(noteId, 'The harbour ', 'reopened', ' on Monday.') }, { now: at(3) })
    expect(await articleRow(db, id)).toMatchObject({ status: 'in_review', approvedRevisionId: null })
    expect((await revisionRows(db, id)).length).toBe(revisionsBefore + 1)
  })

  it('never reach readers: the words are rendered alone', () => {
    const html = renderRichText(commented(42, 'The harbour ', 'reopened', ' on Sunday.'))
    expect(html).toBe('<p>The harbour reopened on Sunday.</p>')
  })

  it('stand in the way of approving and publishing while open, until resolved or confirmed, and the confirmation is recorded', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Ferry fares rise' })
    await editStory(db, writer, id, { standfirst: 'By a half.', body: docOf('Fares rise by half.') })
    await act(db, writer, id, 'submit')
    const noteId = await comment(id, 'half')
    expect((await storyChecklist(db, id))?.find((check) => check.id === 'comments')).toMatchObject({
      outcome: 'warning',
      message: '1 comment on the words is still open.',
    })
    expect(await tryAct(db, editor, id, 'approve', { confirmWarnings: [] })).toMatchObject({
      ok: false,
      message: expect.stringContaining('1 comment on the words is still open.'),
    })
    expect(await tryAct(db, editor, id, 'approve', { confirmWarnings: ['comments'] })).toMatchObject({ ok: true })
    const confirmed = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'story.warnings-confirmed')))
    expect(confirmed.filter((row) => row.detail.story === id).map((row) => row.detail.checks)).toEqual(['comments'])
    await setNoteResolved(db, editor, noteId, true)
    expect(await tryAct(db, editor, id, 'publish', { confirmWarnings: [] })).toMatchObject({ ok: true })
  })
})
