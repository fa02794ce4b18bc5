import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storyDocuments } from '@/db/schema'
import { keptCopyOf, readSharedParts, takeKeptCopy, writeSharedParts } from '@/lib/collab/kept-copy'
import type { SharedParts } from '@/lib/collab/shared-parts'
import { askStoredMessage, holdsUpdates, storedSnapshotOf } from '@/lib/collab/stored'
import { type TestClient, headlineOf } from './collab-clients'
import { collabTestKit, neverMs } from './collab-server'
import { makeStory, openTestNewsroom, revisionRows } from './newsroom'
import { doc, p, storyDraft, text } from './story-docs'

// A browser's copy of typing the sync server never got (components/desk/use-kept-copy.ts), taken
// into the shared document when the story next opens, after the server lost the stored document
// and rebuilt it from the story's revision: the copy's words arrive once, nothing is doubled. And
// how long the browser keeps it: until the server says a store holds it (lib/collab/stored.ts),
// when the story, reopened, holds the copy already too.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

const paragraphsOf = (parts: SharedParts) =>
  (parts.body.content ?? []).map((block) => (block.content ?? []).map((node) => node.text).join(''))

/** The stores the server told `client` of, as Yjs snapshots, in order. */
const storesToldTo = (client: TestClient) => client.messages.flatMap((message) => storedSnapshotOf(JSON.stringify(message)) ?? [])

/** Types `paragraphs` as the story's body into `client`'s copy, as its editor would; answers the change made. */
function typeBody(client: TestClient, paragraphs: string[]): Uint8Array {
  const changes: Uint8Array[] = []
  const note = (update: Uint8Array) => changes.push(update)
  client.doc.on('update', note)
  writeSharedParts(client.doc, { ...readSharedParts(client.doc), body: doc(...paragraphs.map((words) => p(text(words)))) }, 'typing')
  client.doc.off('update', note)
  return Y.mergeUpdates(changes)
}

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

  it('is kept until a store holds it: a change the server answered but had not stored, with the server killed, goes in from the copy', async () => {
    // Stored five seconds after typing stops: time to kill the server first.
    const first = await startServer({ pauseMs: neverMs, storeDebounceMs: 5000 })
    const story = await makeStory(db, newsroom, { headline: 'Storm shelters' })
    const writer = await join(first.url, newsroom.writer, story)
    await expect.poll(() => headlineOf(writer), { timeout: 15_000 }).toBe('Storm shelters')
    const stored = typeBody(writer, ['The storm closes the harbour.'])
    await expect.poll(() => storesToldTo(writer).some((snapshot) => holdsUpdates(snapshot, [stored])), { timeout: 15_000 }).toBe(true)
    const lastStore = storesToldTo(writer).at(-1) ?? Y.emptySnapshot
    const base = readSharedParts(writer.doc)

    // Answered, not stored: no store the server tells of holds it, so the browser keeps its copy.
    const unstored = typeBody(writer, ['The storm closes the harbour.', 'Ferries stay in port.'])
    await expect.poll(() => writer.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)
    await first.crash()
    expect(storesToldTo(writer).some((snapshot) => holdsUpdates(snapshot, [unstored]))).toBe(false)
    const copy = keptCopyOf(writer.doc, Y.encodeStateVector(lastStore.sv), base)
    writer.destroy()

    // Restarted: on the embedded database, no other instance holds the story.
    const second = await startServer({ isOnlyInstance: true })
    const editor = await join(second.url, newsroom.editor, story)
    await expect.poll(() => paragraphsOf(readSharedParts(editor.doc)), { timeout: 15_000 }).toEqual(['The storm closes the harbour.'])
    expect(takeKeptCopy(copy, editor.doc, storyDraft(), 'kept-copy')).toBe('replayed')
    const both = ['The storm closes the harbour.', 'Ferries stay in port.']
    expect(paragraphsOf(readSharedParts(editor.doc))).toEqual(both)
    // Stored now, and told: the copy may go.
    await expect.poll(() => storesToldTo(editor).some((snapshot) => holdsUpdates(snapshot, [unstored])), { timeout: 15_000 }).toBe(true)
  })

  it('is kept when the story, reopened, holds it only in memory: asked, the server tells a store that lacks it, and, killed, the copy brings it back', async () => {
    const first = await startServer({ pauseMs: neverMs, storeDebounceMs: 5000 })
    const story = await makeStory(db, newsroom, { headline: 'Storm shelters' })
    const writer = await join(first.url, newsroom.writer, story)
    // Someone else stays on the story: the server stores it at once only when its last person leaves.
    const other = await join(first.url, newsroom.editor, story)
    await expect.poll(() => [headlineOf(writer), headlineOf(other)], { timeout: 15_000 }).toEqual(['Storm shelters', 'Storm shelters'])
    const stored = typeBody(writer, ['The storm closes the harbour.'])
    await expect.poll(() => storesToldTo(writer).some((snapshot) => holdsUpdates(snapshot, [stored])), { timeout: 15_000 }).toBe(true)
    const lastStore = storesToldTo(writer).at(-1) ?? Y.emptySnapshot
    const base = readSharedParts(writer.doc)

    // Answered, not stored; the page closes and keeps its copy.
    typeBody(writer, ['The storm closes the harbour.', 'Ferries stay in port.'])
    await expect.poll(() => writer.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)
    const copy = keptCopyOf(writer.doc, Y.encodeStateVector(lastStore.sv), base)
    writer.destroy()

    // Reopened at once: the story holds the copy, in the server's memory only, so nothing is
    // stored again on its account; asked, the server tells a store that lacks it.
    const both = ['The storm closes the harbour.', 'Ferries stay in port.']
    const reopened = await join(first.url, newsroom.writer, story)
    await expect.poll(() => paragraphsOf(readSharedParts(reopened.doc)), { timeout: 15_000 }).toEqual(both)
    expect(takeKeptCopy(copy, reopened.doc, storyDraft(), 'kept-copy')).toBe('held')
    reopened.provider.sendStateless(askStoredMessage)
    await expect.poll(() => storesToldTo(reopened).length, { timeout: 15_000 }).toBe(1)
    expect(storesToldTo(reopened).some((snapshot) => holdsUpdates(snapshot, [copy.state]))).toBe(false)
    await first.crash()
    reopened.destroy()
    other.destroy()

    const second = await startServer({ isOnlyInstance: true })
    const editor = await join(second.url, newsroom.editor, story)
    await expect.poll(() => paragraphsOf(readSharedParts(editor.doc)), { timeout: 15_000 }).toEqual(['The storm closes the harbour.'])
    expect(takeKeptCopy(copy, editor.doc, storyDraft(), 'kept-copy')).toBe('replayed')
    expect(paragraphsOf(readSharedParts(editor.doc))).toEqual(both)
    // Stored now: asked again once the story is quiet, the server tells a store that holds it, and the copy may go.
    await expect.poll(() => storesToldTo(editor).some((snapshot) => holdsUpdates(snapshot, [copy.state])), { timeout: 15_000 }).toBe(true)
    const again = await join(second.url, newsroom.writer, story)
    await expect.poll(() => paragraphsOf(readSharedParts(again.doc)), { timeout: 15_000 }).toEqual(both)
    again.provider.sendStateless(askStoredMessage)
    await expect.poll(() => storesToldTo(again).some((snapshot) => holdsUpdates(snapshot, [copy.state])), { timeout: 15_000 }).toBe(true)
  })
})
