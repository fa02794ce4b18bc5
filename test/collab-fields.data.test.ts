import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { keepYourselfInTheByline } from '@/lib/article-editing'
import { unplacedMessage } from '@/lib/collab/placement'
import { getStoredDocument } from '@/lib/collab/storage'
import { fieldMapOf, mapFields, writeFieldValues } from '@/lib/collab/story-fields'
import { writerNames, writersMapOf } from '@/lib/collab/writers'
import { writersRefusedMessage } from '@/lib/collab/writers-guard'
import { type TestClient, changesInTurn, sendRawUpdate } from './collab-clients'
import { collabTestKit } from './collab-server'
import { act, articleRow, editStory, makeStory, openTestNewsroom, revisionRows, storyIn } from './newsroom'

// The story's other fields (section, slug, tags, bylines…) in the shared document's `fields` map:
// two Node clients through a real sync server, as two people's forms are.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

const noSuchFieldMessage = 'A story has no such field, so your change was not kept.'
const fieldsOf = (client: TestClient) => fieldMapOf(client.doc).toJSON()
/** The fields the story's stored document holds. */
async function storedFields(story: number) {
  const stored = await getStoredDocument(db, story)
  const doc = new Y.Doc()
  if (stored) Y.applyUpdate(doc, stored.state)
  return fieldMapOf(doc).toJSON()
}
const ready = (...clients: TestClient[]) =>
  expect.poll(() => clients.map((client) => client.scope()), { timeout: 15_000 }).toEqual(clients.map(() => 'read-write'))

describe('the other story fields written together', () => {
  it('holds every field of the story but its text, as its current revision has them', async () => {
    const { url } = await startServer()
    const story = await makeStory(db, newsroom, { headline: 'Ferry fares rise' })
    const editor = await join(url, newsroom.editor, story)
    await ready(editor)
    await expect.poll(() => Object.keys(fieldsOf(editor)).sort(), { timeout: 15_000 }).toEqual([...mapFields].sort())
    // A slug that follows the headline of a story never published is kept empty, as the form keeps it.
    expect(fieldsOf(editor)).toMatchObject({ sectionId: newsroom.sectionId, slug: '', tags: [] })
  })

  it('shows one person’s change of section and tags in the other’s copy', async () => {
    const { url } = await startServer()
    const story = await makeStory(db, newsroom)
    const editor = await join(url, newsroom.editor, story)
    const writer = await join(url, newsroom.writer, story)
    await ready(editor, writer)
    await expect.poll(() => fieldsOf(writer).sectionId, { timeout: 15_000 }).toBe(newsroom.sectionId)
    writeFieldValues(fieldMapOf(editor.doc), { sectionId: newsroom.otherSectionId, tags: ['harbour', 'ferries'] })
    await expect
      .poll(() => fieldsOf(writer), { timeout: 15_000 })
      .toMatchObject({ sectionId: newsroom.otherSectionId, tags: ['harbour', 'ferries'] })
  })

  it('names whoever changed a field in the shared story, for someone who opens it after they left and a restart', async () => {
    const first = await startServer()
    const story = await makeStory(db, newsroom)
    const editor = await join(first.url, newsroom.editor, story)
    await ready(editor)
    const editorClient = editor.doc.clientID
    writeFieldValues(fieldMapOf(editor.doc), { seoTitle: 'Fares rise again' })
    await expect.poll(() => writerNames(editor.doc).get(editorClient), { timeout: 15_000 }).toBe('Editor Person')
    await expect.poll(() => storedFields(story), { timeout: 15_000 }).toMatchObject({ seoTitle: 'Fares rise again' })
    editor.destroy()
    await first.stop()

    const second = await startServer()
    const writer = await join(second.url, newsroom.writer, story)
    await ready(writer)
    await expect.poll(() => writerNames(writer.doc).get(editorClient), { timeout: 15_000 }).toBe('Editor Person')
    // Someone who has only read the story is named nowhere.
    expect(writerNames(writer.doc).get(writer.doc.clientID)).toBeUndefined()
  })

  it('refuses a person who names themselves, or someone else, in the map of who wrote, and keeps the names the server gave', async () => {
    const { url } = await startServer()
    const story = await makeStory(db, newsroom)
    const editor = await join(url, newsroom.editor, story)
    const writer = await join(url, newsroom.writer, story)
    await ready(editor, writer)
    writeFieldValues(fieldMapOf(editor.doc), { seoTitle: 'Fares rise again' })
    const editorClient = String(editor.doc.clientID)
    await expect.poll(() => writerNames(writer.doc).get(editor.doc.clientID), { timeout: 15_000 }).toBe('Editor Person')
    writersMapOf(writer.doc).set(editorClient, 'Writer Person')
    await expect.poll(() => writer.messages, { timeout: 15_000 }).toContainEqual({ type: 'refused', message: writersRefusedMessage })
    await expect.poll(() => writer.closes, { timeout: 15_000 }).toContain('writers-refused')
    const forger = await join(url, newsroom.writer, story)
    await ready(forger)
    writersMapOf(forger.doc).set(String(forger.doc.clientID), { name: 'Editor Person', seal: 'made-up' })
    await expect.poll(() => forger.closes, { timeout: 15_000 }).toContain('writers-refused')
    writeFieldValues(fieldMapOf(editor.doc), { seoTitle: 'Fares rise once more' })
    await expect.poll(() => fieldsOf(editor).seoTitle, { timeout: 15_000 }).toBe('Fares rise once more')
    expect(writerNames(editor.doc)).toEqual(new Map([[editor.doc.clientID, 'Editor Person']]))
  })

  it('takes the fields of a revision saved through the form when the story is opened again', async () => {
    const first = await startServer()
    const story = await makeStory(db, newsroom)
    const editor = await join(first.url, newsroom.editor, story)
    await ready(editor)
    await first.stop()
    await editStory(db, newsroom.editor, story, { tags: ['saved-by-the-form'] })
    const second = await startServer()
    const admin = await join(second.url, newsroom.admin, story)
    await expect.poll(() => fieldsOf(admin).tags, { timeout: 15_000 }).toEqual(['saved-by-the-form'])
  })

  it('keeps the fields typed into the shared story that no save took when the story is opened again', async () => {
    const first = await startServer()
    const story = await makeStory(db, newsroom, { headline: 'Ferry fares rise' })
    const editor = await join(first.url, newsroom.editor, story)
    await ready(editor)
    await expect.poll(() => fieldsOf(editor).sectionId, { timeout: 15_000 }).toBe(newsroom.sectionId)
    // Typed as the form shares them, and never saved (its save refused, the page closed first…).
    writeFieldValues(fieldMapOf(editor.doc), { seoTitle: 'Fares rise again', tags: ['ferries'], slug: 'fares' })
    await expect.poll(() => storedFields(story), { timeout: 15_000 }).toMatchObject({ seoTitle: 'Fares rise again' })
    await first.stop()
    const second = await startServer()
    const admin = await join(second.url, newsroom.admin, story)
    await ready(admin)
    await expect
      .poll(() => fieldsOf(admin), { timeout: 15_000 })
      .toMatchObject({ seoTitle: 'Fares rise again', tags: ['ferries'], slug: 'fares', sectionId: newsroom.sectionId })
  })

  it('keeps a field typed and never saved beside the fields a save made meanwhile changed', async () => {
    const first = await startServer()
    const story = await makeStory(db, newsroom, { headline: 'Ferry fares rise' })
    const editor = await join(first.url, newsroom.editor, story)
    await ready(editor)
    await expect.poll(() => fieldsOf(editor).sectionId, { timeout: 15_000 }).toBe(newsroom.sectionId)
    editor.doc.getText('headline').insert(0, 'Winter ')
    await expect.poll(async () => (await revisionRows(db, story)).at(-1)?.headline, { timeout: 15_000 }).toBe('Winter Ferry fares rise')
    writeFieldValues(fieldMapOf(editor.doc), { seoTitle: 'Fares rise again' })
    await expect.poll(() => storedFields(story), { timeout: 15_000 }).toMatchObject({ seoTitle: 'Fares rise again' })
    await first.stop()
    await editStory(db, newsroom.editor, story, { tags: ['saved-by-the-form'] })
    const second = await startServer()
    const admin = await join(second.url, newsroom.admin, story)
    await ready(admin)
    await expect
      .poll(() => fieldsOf(admin), { timeout: 15_000 })
      .toMatchObject({ seoTitle: 'Fares rise again', tags: ['saved-by-the-form'] })
  })

  it('keeps a field typed after a form’s save of it, the save taking the value the map had then', async () => {
    const first = await startServer()
    const story = await makeStory(db, newsroom, { headline: 'Ferry fares rise' })
    const editor = await join(first.url, newsroom.editor, story)
    const admin = await join(first.url, newsroom.admin, story)
    await ready(editor, admin)
    await expect.poll(() => fieldsOf(editor).sectionId, { timeout: 15_000 }).toBe(newsroom.sectionId)
    writeFieldValues(fieldMapOf(admin.doc), { seoTitle: 'Fares rise' })
    await expect.poll(() => fieldsOf(editor).seoTitle, { timeout: 15_000 }).toBe('Fares rise')
    // The admin's form saves the field as its map holds it; the editor types on, and their save never comes.
    await editStory(db, newsroom.admin, story, { seoTitle: 'Fares rise' })
    writeFieldValues(fieldMapOf(editor.doc), { seoTitle: 'Fares rise again' })
    await expect.poll(() => storedFields(story), { timeout: 15_000 }).toMatchObject({ seoTitle: 'Fares rise again' })
    await first.stop()
    const second = await startServer()
    const writer = await join(second.url, newsroom.writer, story)
    await ready(writer)
    await expect.poll(() => fieldsOf(writer).seoTitle, { timeout: 15_000 }).toBe('Fares rise again')
  })

  it('gives a story published since it was written together its fixed slug, the one its headline made', async () => {
    const first = await startServer()
    const story = await storyIn(db, newsroom, 'in_review', { headline: 'Ferry fares rise' })
    const editor = await join(first.url, newsroom.editor, story)
    await ready(editor)
    await expect.poll(() => fieldsOf(editor).sectionId, { timeout: 15_000 }).toBe(newsroom.sectionId)
    expect(fieldsOf(editor).slug).toBe('')
    await first.stop()
    await act(db, newsroom.editor, story, 'publish')
    const second = await startServer()
    const admin = await join(second.url, newsroom.admin, story)
    const { slug } = await articleRow(db, story)
    expect(slug).toMatch(/^ferry-fares-rise/)
    await expect.poll(() => fieldsOf(admin).slug, { timeout: 15_000 }).toBe(slug)
  })

  it('refuses a writer’s raw change that takes them off their own byline, and tells them why', async () => {
    const { url } = await startServer()
    const story = await makeStory(db, newsroom)
    const editor = await join(url, newsroom.editor, story)
    const writer = await join(url, newsroom.writer, story)
    await ready(editor, writer)
    await expect.poll(() => fieldsOf(writer).bylines, { timeout: 15_000 }).toEqual([{ userId: newsroom.writer.id }])
    fieldMapOf(writer.doc).set('bylines', [{ userId: newsroom.editor.id }])
    await expect.poll(() => writer.messages, { timeout: 15_000 }).toContainEqual({ type: 'refused', message: keepYourselfInTheByline })
    writeFieldValues(fieldMapOf(editor.doc), { seoTitle: 'Still writing' })
    await expect.poll(() => fieldsOf(editor).seoTitle, { timeout: 15_000 }).toBe('Still writing')
    expect(fieldsOf(editor).bylines).toEqual([{ userId: newsroom.writer.id }])
  })

  it('refuses a field the story does not have and a value of the wrong shape', async () => {
    const { url } = await startServer()
    const story = await makeStory(db, newsroom)
    const editor = await join(url, newsroom.editor, story)
    const admin = await join(url, newsroom.admin, story)
    await ready(editor, admin)
    await expect.poll(() => fieldsOf(admin).sectionId, { timeout: 15_000 }).toBe(newsroom.sectionId)
    fieldMapOf(editor.doc).set('publishedAt', '2020-01-01')
    await expect.poll(() => editor.closes, { timeout: 15_000 }).toContain('field-refused')
    const forged = await join(url, newsroom.editor, story)
    await ready(forged)
    fieldMapOf(forged.doc).set('sectionId', new Y.Map())
    await expect.poll(() => forged.closes, { timeout: 15_000 }).toContain('field-refused')
    writeFieldValues(fieldMapOf(admin.doc), { leadCaption: 'The quay at dawn' })
    await expect.poll(() => fieldsOf(admin).leadCaption, { timeout: 15_000 }).toBe('The quay at dawn')
    expect(fieldsOf(admin)).not.toHaveProperty('publishedAt')
    expect(fieldsOf(admin).sectionId).toBe(newsroom.sectionId)
  })

  it('checks a change sent before the one it follows once that one comes: a crafted pair cannot add a field the story does not have', async () => {
    const { url } = await startServer()
    const story = await makeStory(db, newsroom, { headline: 'Fares rise' })
    const editor = await join(url, newsroom.editor, story)
    const writer = await join(url, newsroom.writer, story)
    await ready(editor, writer)
    await expect.poll(() => fieldsOf(writer).sectionId, { timeout: 15_000 }).toBe(newsroom.sectionId)
    const [typing, noSuchField] = changesInTurn(
      writer,
      (doc) => doc.getText('headline').insert(0, 'Ferry '),
      (doc) => fieldMapOf(doc).set('publishedAt', '2020-01-01'),
    )
    sendRawUpdate(writer, noSuchField)
    sendRawUpdate(writer, typing)
    await expect.poll(() => writer.messages, { timeout: 15_000 }).toContainEqual({ type: 'refused', message: noSuchFieldMessage })
    await expect.poll(() => writer.closes, { timeout: 15_000 }).toContain('field-refused')
    // The typing the crafted change followed was placed; the change itself never was.
    await expect.poll(() => editor.doc.getText('headline').toString(), { timeout: 15_000 }).toBe('Ferry Fares rise')
    expect(fieldsOf(editor)).not.toHaveProperty('publishedAt')
  })

  it('refuses a change whose predecessor never comes, and places a person’s own changes that arrive out of turn', async () => {
    const { url } = await startServer({ placeWaitMs: 500 })
    const story = await makeStory(db, newsroom, { headline: 'Fares rise' })
    const editor = await join(url, newsroom.editor, story)
    const writer = await join(url, newsroom.writer, story)
    const admin = await join(url, newsroom.admin, story)
    await ready(editor, writer, admin)
    await expect.poll(() => fieldsOf(admin).tags, { timeout: 15_000 }).toEqual([])
    const [, orphan] = changesInTurn(
      writer,
      (doc) => doc.getText('headline').insert(0, 'Never sent '),
      (doc) => writeFieldValues(fieldMapOf(doc), { tags: ['orphan'] }),
    )
    sendRawUpdate(writer, orphan)
    await expect.poll(() => writer.closes, { timeout: 15_000 }).toContain('out-of-order')
    expect(writer.messages).toContainEqual({ type: 'refused', message: unplacedMessage })

    // As after a dropped connection: the later change first, then the one it follows.
    const [first, second] = changesInTurn(
      editor,
      (doc) => writeFieldValues(fieldMapOf(doc), { tags: ['ferries'] }),
      (doc) => doc.getText('headline').insert(0, 'Ferry '),
    )
    sendRawUpdate(editor, second)
    sendRawUpdate(editor, first)
    await expect.poll(() => fieldsOf(admin).tags, { timeout: 15_000 }).toEqual(['ferries'])
    await expect.poll(() => admin.doc.getText('headline').toString(), { timeout: 15_000 }).toBe('Ferry Fares rise')
    // And typing from a provider, in order, goes on as ever.
    editor.doc.getText('headline').insert(16, ' again')
    writeFieldValues(fieldMapOf(editor.doc), { seoTitle: 'Fares again' })
    await expect.poll(() => admin.doc.getText('headline').toString(), { timeout: 15_000 }).toBe('Ferry Fares rise again')
    await expect.poll(() => fieldsOf(admin).seoTitle, { timeout: 15_000 }).toBe('Fares again')
    expect(editor.closes).toEqual([])
    expect(fieldsOf(admin).tags).toEqual(['ferries'])
  })
})
