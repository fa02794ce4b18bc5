import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { notes } from '@/db/schema'
import { act, makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { addNote, listNotes, setNoteResolved } from './notes'
import { moveToTrash, restoreFromTrash } from './trash'
import { trashedStoryMessage } from './workflow'

const { db, newsroom } = await openTestNewsroom()

const at = (minutes: number) => new Date(Date.UTC(2030, 2, 1, 9, minutes))

async function note(result: Awaited<ReturnType<typeof addNote>>) {
  if (!result.ok) throw new Error(result.message)
  return result
}

describe('editorial notes', () => {
  it('threads replies under their note, with names, in order; a reply to a reply joins the thread', async () => {
    const id = await makeStory(db, newsroom)
    const first = await note(
      await addNote(db, newsroom.editor, id, { body: 'Who is the source for the second paragraph?' }, { now: at(1) }),
    )
    const reply = await note(
      await addNote(db, newsroom.writer, id, { body: 'The port authority.', parentId: first.noteId }, { now: at(2) }),
    )
    await note(await addNote(db, newsroom.editor, id, { body: 'Say so in the text.', parentId: reply.noteId }, { now: at(3) }))
    await note(await addNote(db, newsroom.writer, id, { body: 'Photo caption needs a date.' }, { now: at(4) }))

    expect(reply.threadId).toBe(first.noteId)
    expect(await listNotes(db, id)).toEqual([
      {
        id: first.noteId,
        body: 'Who is the source for the second paragraph?',
        authorId: newsroom.editor.id,
        authorName: 'Editor Person',
        createdAt: at(1),
        // A note on the whole story, not a comment on words of it.
        quote: null,
        isResolved: false,
        resolvedAt: null,
        resolvedByName: null,
        replies: [
          expect.objectContaining({ body: 'The port authority.', authorName: 'Writer Person', createdAt: at(2) }),
          expect.objectContaining({ body: 'Say so in the text.', authorName: 'Editor Person', createdAt: at(3) }),
        ],
      },
      expect.objectContaining({ body: 'Photo caption needs a date.', replies: [] }),
    ])
  })

  it('resolves and reopens a thread, and a reply reopens a resolved one', async () => {
    const id = await makeStory(db, newsroom)
    const thread = await note(await addNote(db, newsroom.editor, id, { body: 'Check the spelling of Haddad.' }))
    expect(await setNoteResolved(db, newsroom.writer, thread.noteId, true, { now: at(5) })).toEqual({ ok: true, articleId: id })
    expect((await listNotes(db, id))?.[0]).toMatchObject({
      isResolved: true,
      resolvedAt: at(5),
      resolvedByName: 'Writer Person',
    })

    expect(await setNoteResolved(db, newsroom.editor, thread.noteId, false)).toMatchObject({ ok: true })
    expect((await listNotes(db, id))?.[0]).toMatchObject({ isResolved: false, resolvedByName: null })

    await setNoteResolved(db, newsroom.editor, thread.noteId, true)
    await note(await addNote(db, newsroom.writer, id, { body: 'Still not sure.', parentId: thread.noteId }))
    expect((await listNotes(db, id))?.[0]).toMatchObject({ isResolved: false })
  })

  it('lets writers write and resolve notes only on their own stories', async () => {
    const id = await makeStory(db, newsroom)
    const thread = await note(await addNote(db, newsroom.editor, id, { body: 'Shorter intro.' }))
    const refused = {
      ok: false,
      reason: 'forbidden',
      message: 'Only the story’s writers and the editors can add or resolve this story’s notes.',
    }
    expect(await addNote(db, newsroom.writer2, id, { body: 'Drive-by comment.' })).toEqual(refused)
    expect(await setNoteResolved(db, newsroom.writer2, thread.noteId, true)).toEqual(refused)
    expect(await db.select().from(notes).where(eq(notes.articleId, id))).toHaveLength(1)
  })

  it('refuses notes and resolving on a story in the trash, until it is restored', async () => {
    const id = await makeStory(db, newsroom)
    const thread = await note(await addNote(db, newsroom.editor, id, { body: 'Check the figures.' }))
    expect(await moveToTrash(db, newsroom.writer, id)).toMatchObject({ ok: true })
    const refused = { ok: false, reason: 'invalid', message: trashedStoryMessage }
    expect(await addNote(db, newsroom.editor, id, { body: 'Too late?' })).toEqual(refused)
    expect(await setNoteResolved(db, newsroom.editor, thread.noteId, true)).toEqual(refused)
    expect(await db.select().from(notes).where(eq(notes.articleId, id))).toHaveLength(1)
    expect(await restoreFromTrash(db, newsroom.writer, id)).toMatchObject({ ok: true })
    await note(await addNote(db, newsroom.editor, id, { body: 'Back again.' }))
  })

  it('refuses an empty note, a 1 MB note, a reply to a note of another story, and resolving a reply', async () => {
    const id = await makeStory(db, newsroom)
    const other = await makeStory(db, newsroom)
    const elsewhere = await note(await addNote(db, newsroom.editor, other, { body: 'On the other story.' }))
    expect(await addNote(db, newsroom.editor, id, { body: '   ' })).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Write the note first.',
    })
    expect(await addNote(db, newsroom.editor, id, { body: 'x'.repeat(1024 * 1024) })).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Keep the note under 10,000 characters (this one has 1,048,576).',
    })
    expect(await addNote(db, newsroom.editor, id, { body: 'Reply.', parentId: elsewhere.noteId })).toEqual({
      ok: false,
      reason: 'missing',
      message: 'The note you are replying to no longer exists.',
    })
    const reply = await note(await addNote(db, newsroom.editor, other, { body: 'Reply.', parentId: elsewhere.noteId }))
    expect(await setNoteResolved(db, newsroom.editor, reply.noteId, true)).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Resolve the thread this reply belongs to.',
    })
    expect(await db.select().from(notes).where(eq(notes.articleId, id))).toEqual([])
    expect(await addNote(db, newsroom.editor, 999_999, { body: 'Hello?' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('no longer exists'),
    })
    expect(await listNotes(db, 999_999)).toBeNull()
  })

  it('shows the note an editor wrote when requesting changes as an open thread', async () => {
    const id = await storyIn(db, newsroom, 'in_review')
    await act(db, newsroom.editor, id, 'requestChanges', { note: 'Add a quote from the mayor.' })
    expect(await listNotes(db, id)).toEqual([
      expect.objectContaining({ body: 'Add a quote from the mayor.', authorName: 'Editor Person', isResolved: false }),
    ])
  })
})
