import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type RichTextDoc, storyDocuments } from '@/db/schema'
import { docOf, editStory, makeStory, openTestNewsroom, revisionRows } from '@/test/newsroom'
import {
  addContributors,
  buildStoryDocument,
  getStoredDocument,
  loadStoryDocument,
  pendingContributors,
  readStoryDocument,
  storeStoryDocument,
  takeContributors,
} from './storage'

const { db, newsroom } = await openTestNewsroom()

describe('a story’s shared document in the database', () => {
  it('is built from the latest draft revision the first time a saved story is opened', async () => {
    const story = await makeStory(db, newsroom, { headline: 'Ferry strike ends' })
    await editStory(db, newsroom.writer, story, { standfirst: 'Crews return on Monday.', body: docOf('First.', 'Second.') })
    const doc = new Y.Doc()
    const built = await loadStoryDocument(db, story, doc)
    expect(built).toEqual({ found: true, contributors: [], builtFrom: (await revisionRows(db, story)).at(-1)?.id })
    expect(readStoryDocument(doc)).toEqual({
      headline: 'Ferry strike ends',
      standfirst: 'Crews return on Monday.',
      body: docOf('First.', 'Second.'),
    })
    expect(await getStoredDocument(db, story)).not.toBeNull()
  })

  it('comes back as it was stored, with who changed it since its last revision', async () => {
    const story = await makeStory(db, newsroom)
    const doc = new Y.Doc()
    await loadStoryDocument(db, story, doc)
    doc.getText('headline').insert(0, 'Breaking: ')
    await storeStoryDocument(db, story, doc)
    await addContributors(db, story, [newsroom.writer.id])
    await storeStoryDocument(db, story, doc)
    await addContributors(db, story, [newsroom.editor.id, newsroom.writer.id])
    const again = new Y.Doc()
    expect(await loadStoryDocument(db, story, again)).toEqual({
      found: true,
      contributors: [newsroom.writer.id, newsroom.editor.id].sort((a, b) => a - b),
      builtFrom: null,
    })
    expect(readStoryDocument(again).headline).toBe('Breaking: Harbour reopens')
  })

  it('writes who typed only when someone is not named yet, and again once a cut took them', async () => {
    const story = await makeStory(db, newsroom)
    const doc = new Y.Doc()
    await loadStoryDocument(db, story, doc)
    await storeStoryDocument(db, story, doc)
    // The row's version: a new one for every write, whatever it changes.
    const rowVersion = async () => {
      const [row] = await db
        .select({ version: sql<string>`xmin::text` })
        .from(storyDocuments)
        .where(eq(storyDocuments.articleId, story))
      return row?.version
    }
    await addContributors(db, story, [newsroom.writer.id])
    const written = await rowVersion()
    await addContributors(db, story, [newsroom.writer.id])
    expect(await rowVersion()).toBe(written)
    await addContributors(db, story, [newsroom.writer.id, newsroom.editor.id])
    expect(await rowVersion()).not.toBe(written)
    expect(await takeContributors(db, story)).toEqual([newsroom.writer.id, newsroom.editor.id].sort((a, b) => a - b))
    await addContributors(db, story, [newsroom.writer.id])
    expect(await pendingContributors(db, story)).toEqual([newsroom.writer.id])
  })

  it('is stored compacted: one update holding the document, smaller than the changes that made it', async () => {
    const story = await makeStory(db, newsroom)
    const doc = new Y.Doc()
    await loadStoryDocument(db, story, doc)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const standfirst = doc.getText('standfirst')
    for (const letter of 'Typed one letter at a time, with mistakes deleted.') standfirst.insert(standfirst.length, letter)
    standfirst.delete(0, 6)
    await storeStoryDocument(db, story, doc)
    const stored = await getStoredDocument(db, story)
    if (!stored) throw new Error('nothing stored')
    expect(stored.state.byteLength).toBeLessThan(updates.reduce((sum, update) => sum + update.byteLength, 0))
    const copy = new Y.Doc()
    Y.applyUpdate(copy, stored.state)
    expect(copy.getText('standfirst').toString()).toBe('one letter at a time, with mistakes deleted.')
  })

  it('takes the draft when the story was saved by other means and nothing of it was waiting', async () => {
    const story = await makeStory(db, newsroom)
    await loadStoryDocument(db, story, new Y.Doc())
    await editStory(db, newsroom.editor, story, { headline: 'Saved through the form' })
    const doc = new Y.Doc()
    await loadStoryDocument(db, story, doc)
    expect(readStoryDocument(doc).headline).toBe('Saved through the form')
  })

  it('merges with a copy a browser held offline while the story was saved by other means: no text twice, its typing kept', async () => {
    const story = await makeStory(db, newsroom, { headline: 'Harbour reopens' })
    await editStory(db, newsroom.writer, story, { body: docOf('One paragraph.') })
    const opened = new Y.Doc()
    await loadStoryDocument(db, story, opened)
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(opened))
    offline.getText('standfirst').insert(0, 'Typed offline.')
    await editStory(db, newsroom.editor, story, {
      headline: 'Harbour reopens at dawn',
      body: docOf('One paragraph.', 'Saved by the form.'),
    })
    const reopened = new Y.Doc()
    await loadStoryDocument(db, story, reopened)
    Y.applyUpdate(reopened, Y.encodeStateAsUpdate(offline))
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(reopened))
    expect(readStoryDocument(reopened)).toEqual({
      headline: 'Harbour reopens at dawn',
      standfirst: 'Typed offline.',
      body: docOf('One paragraph.', 'Saved by the form.'),
    })
    expect(readStoryDocument(offline)).toEqual(readStoryDocument(reopened))
  })

  it('takes a draft saved by other means alike on two instances at once, so their copies merge into one', async () => {
    const story = await makeStory(db, newsroom, { headline: 'Once only' })
    await loadStoryDocument(db, story, new Y.Doc())
    await editStory(db, newsroom.editor, story, { body: docOf('Saved by the form.') })
    const [one, two] = [new Y.Doc(), new Y.Doc()]
    await Promise.all([loadStoryDocument(db, story, one), loadStoryDocument(db, story, two)])
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    expect(readStoryDocument(one)).toEqual({ headline: 'Once only', standfirst: '', body: docOf('Saved by the form.') })
  })

  it('is built alike by two instances opening the story at once, so their copies merge into one', async () => {
    const story = await makeStory(db, newsroom, { headline: 'Once only' })
    await editStory(db, newsroom.writer, story, { body: docOf('One paragraph.') })
    const [one, two] = [new Y.Doc(), new Y.Doc()]
    await Promise.all([loadStoryDocument(db, story, one), loadStoryDocument(db, story, two)])
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    expect(readStoryDocument(one)).toEqual({ headline: 'Once only', standfirst: '', body: docOf('One paragraph.') })
    expect(readStoryDocument(two)).toEqual(readStoryDocument(one))
  })

  it('round-trips every part of a body through Yjs unchanged', () => {
    const body: RichTextDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A heading' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Bold', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' and plain.' },
          ],
        },
      ],
    }
    const draft = { headline: 'H', standfirst: 'S', body }
    expect(readStoryDocument(buildStoryDocument(draft))).toEqual(draft)
  })
})
