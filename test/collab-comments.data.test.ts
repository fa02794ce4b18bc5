import { afterAll, describe, expect, it } from 'vitest'
import type { RichTextDoc } from '@/db/schema'
import { readStoryDocument, replaceStoryDocument } from '@/lib/collab/storage'
import { addNote, listNotes } from '@/lib/notes'
import { collabTestKit } from './collab-server'
import { docOf, editStory, makeStory, openTestNewsroom, revisionRows } from './newsroom'

// Comments on the words of a story written together: the comment mark travels in the shared body.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

const commented = (noteId: number): RichTextDoc => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The ferry ' },
        { type: 'text', text: 'sails at noon', marks: [{ type: 'comment', attrs: { noteId } }] },
        { type: 'text', text: '.' },
      ],
    },
  ],
})

describe('comments on a shared story', () => {
  it('shows one person’s comment on the words to the other, and keeps it in the next revision', async () => {
    const { url } = await startServer()
    const story = await makeStory(db, newsroom, { by: newsroom.writer })
    await editStory(db, newsroom.writer, story, { body: docOf('The ferry sails at noon.') })
    const editor = await join(url, newsroom.editor, story)
    const writer = await join(url, newsroom.writer, story)
    await expect.poll(() => [editor.scope(), writer.scope()], { timeout: 15_000 }).toEqual(['read-write', 'read-write'])
    await expect.poll(() => readStoryDocument(writer.doc).body, { timeout: 15_000 }).toEqual(docOf('The ferry sails at noon.'))

    const note = await addNote(db, newsroom.editor, story, { body: 'Noon or one?', quote: 'sails at noon' })
    if (!note.ok) throw new Error(note.message)
    replaceStoryDocument(editor.doc, { ...readStoryDocument(editor.doc), body: commented(note.threadId) })

    await expect.poll(() => readStoryDocument(writer.doc).body, { timeout: 15_000 }).toEqual(commented(note.threadId))
    expect(JSON.stringify(await listNotes(db, story))).toContain('Noon or one?')
    await expect.poll(async () => (await revisionRows(db, story)).at(-1)?.body, { timeout: 15_000 }).toEqual(commented(note.threadId))
  })
})
