import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storyDocuments } from '@/db/schema'
import { keptCopyOf, readSharedParts, takeKeptCopy, writeSharedParts } from '@/lib/collab/kept-copy'
import type { SharedParts } from '@/lib/collab/shared-parts'
import { headlineOf } from './collab-clients'
import { collabTestKit } from './collab-server'
import { makeStory, openTestNewsroom, revisionRows } from './newsroom'
import { doc, p, storyDraft, text } from './story-docs'

// A browser's copy of typing the sync server never got (components/desk/use-kept-copy.ts), taken
// into the shared document when the story next opens, after the server lost the stored document
// and rebuilt it from the story's revision: the copy's words arrive once, nothing is doubled.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

const paragraphsOf = (parts: SharedParts) =>
  (parts.body.content ?? []).map((block) => (block.content ?? []).map((node) => node.text).join(''))

describe('a copy kept on the device', () => {
  it('goes once into a document the server rebuilt from the revision, where its raw Yjs changes would double the text', async () => {
    const first = await startServer()
    const story = await makeStory(db, newsroom, { headline: 'Storm shelters' })
    const writer = await join(first.url, newsroom.writer, story)
    await expect.poll(() => headlineOf(writer), { timeout: 15_000 }).toBe('Storm shelters')
    writeSharedParts(writer.doc, { ...readSharedParts(writer.doc), body: doc(p(text('The storm closes the harbour.'))) }, 'typing')
    // The sync server cuts a revision of it after the pause.
    await expect
      .poll(async () => (await revisionRows(db, story)).at(-1)?.body, { timeout: 15_000 })
      .toEqual(doc(p(text('The storm closes the harbour.'))))
    await first.stop()

    // Cut off, the writer's browser types on; its copy is kept on the device.
    const base = readSharedParts(writer.doc)
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(writer.doc))
    const sentVector = Y.encodeStateVector(offline)
    writer.destroy()
    writeSharedParts(offline, { ...base, body: doc(p(text('The storm closes the harbour.')), p(text('Ferries stay in port.'))) }, 'typing')
    const copy = keptCopyOf(offline, sentVector, base)

    // The stored document is lost: the next server builds the story's document from its revision.
    await db.delete(storyDocuments).where(eq(storyDocuments.articleId, story))
    const second = await startServer()
    const editor = await join(second.url, newsroom.editor, story)
    await expect.poll(() => headlineOf(editor), { timeout: 15_000 }).toBe('Storm shelters')

    const raw = new Y.Doc()
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(editor.doc))
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(offline))
    expect(paragraphsOf(readSharedParts(raw)).filter((words) => words === 'The storm closes the harbour.')).toHaveLength(2)

    expect(takeKeptCopy(copy, editor.doc, storyDraft(), 'kept-copy')).toBe('merged')
    const once = ['The storm closes the harbour.', 'Ferries stay in port.']
    expect(paragraphsOf(readSharedParts(editor.doc))).toEqual(once)
    const admin = await join(second.url, newsroom.admin, story)
    await expect.poll(() => paragraphsOf(readSharedParts(admin.doc)), { timeout: 15_000 }).toEqual(once)
  })
})
