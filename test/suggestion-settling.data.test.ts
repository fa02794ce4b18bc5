import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { articleInputSchema } from '@/lib/article-input'
import { saveStoryForm } from '@/lib/collab/form-saves'
import { readStoryDocument } from '@/lib/collab/storage'
import type { Actor } from '@/lib/permissions'
import { forgedMessage } from '@/lib/suggestion-settling'
import { pendingSuggestions } from '@/lib/story-schema/suggestions'
import { type TestClient, changesInTurn, sendRawUpdate } from './collab-clients'
import { collabTestKit } from './collab-server'
import { articleRow, docOf, editStory, makeStory, openTestNewsroom, revisionRows } from './newsroom'

// Who settles a suggestion (lib/suggestion-settling.ts): a writer may withdraw their own, never
// accept or reject an editor's, neither through the form's save nor over the socket.

const { db, newsroom } = await openTestNewsroom()
const { writer, editor, admin } = newsroom
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

const refusedRule = /^Only editors can accept or reject suggested changes\./

function by(person: Actor, id: string) {
  return { id, authorId: person.id, authorName: `Person ${person.id}`, at: '2026-12-06T09:00:00.000Z' }
}

/** "Fares rise by [a third][half].", the editor suggesting "a third" for "half"; `extra` words after. */
function suggested(...extra: RichTextDoc['content'] & object): RichTextDoc {
  const content = [
    { type: 'text', text: 'Fares rise by ' },
    { type: 'text', text: 'a third', marks: [{ type: 'insertion', attrs: by(editor, 'e1') }] },
    { type: 'text', text: 'half', marks: [{ type: 'deletion', attrs: by(editor, 'e2') }] },
    { type: 'text', text: '.' },
    ...extra,
  ]
  return { type: 'doc', content: [{ type: 'paragraph', content }] }
}

async function storyWithSuggestions(): Promise<number> {
  const story = await makeStory(db, newsroom, { headline: 'Ferry fares rise' })
  await editStory(db, writer, story, { body: docOf('Fares rise by half.') })
  await editStory(db, editor, story, { body: suggested() })
  return story
}

async function saveBody(person: Actor, story: number, body: RichTextDoc) {
  const [current] = (await revisionRows(db, story)).slice(-1)
  const input = articleInputSchema.parse({ ...current, body })
  return saveStoryForm(db, person, story, input, { baseVersion: (await articleRow(db, story)).version, kind: 'save' })
}

describe('settling suggestions through the form', () => {
  it('refuses a writer accepting or rejecting the editor’s suggestion, and keeps the story as it was', async () => {
    const story = await storyWithSuggestions()
    const before = await revisionRows(db, story)
    expect(await saveBody(writer, story, docOf('Fares rise by a third.'))).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: expect.stringMatching(refusedRule),
    })
    expect(await saveBody(writer, story, docOf('Fares rise by half.'))).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await revisionRows(db, story)).toEqual(before)
  })

  it('lets a writer add and withdraw their own suggestion beside the editor’s, and the editor accept all', async () => {
    const story = await storyWithSuggestions()
    const own = { type: 'text', text: ' Again.', marks: [{ type: 'insertion', attrs: by(writer, 'w1') }] }
    expect(await saveBody(writer, story, suggested(own))).toMatchObject({ ok: true })
    expect(await saveBody(writer, story, suggested())).toMatchObject({ ok: true })
    expect(await saveBody(editor, story, docOf('Fares rise by a third.'))).toMatchObject({ ok: true })
  })

  it('refuses anyone, an editor too, adding a suggestion in someone else’s name', async () => {
    const story = await storyWithSuggestions()
    const before = await revisionRows(db, story)
    const forged = { type: 'text', text: ' Again.', marks: [{ type: 'insertion', attrs: by(editor, 'f1') }] }
    expect(await saveBody(writer, story, suggested(forged))).toMatchObject({ ok: false, reason: 'forbidden', message: forgedMessage })
    const inWriters = { ...forged, marks: [{ type: 'insertion', attrs: by(writer, 'f2') }] }
    expect(await saveBody(admin, story, suggested(inWriters))).toMatchObject({ ok: false, reason: 'forbidden', message: forgedMessage })
    expect(await revisionRows(db, story)).toEqual(before)
  })
})

const suggestionsOf = (client: TestClient) => pendingSuggestions(readStoryDocument(client.doc).body).map((found) => found.id)
/** The shared paragraph's text, where the suggestion marks are formatting ("Fares rise by " is 14 characters). */
const paragraphIn = (doc: Y.Doc) => (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText
const paragraphOf = (client: TestClient) => paragraphIn(client.doc)

describe('settling a suggested heading and link through the form', () => {
  it('refuses a writer accepting or rejecting the editor’s heading or link; the editor accepts them, and they are kept as sent until then', async () => {
    const story = await makeStory(db, newsroom, { headline: 'Harbour works' })
    await editStory(db, writer, story, { body: docOf('Works begin.') })
    const link = { type: 'formatting', attrs: { ...by(editor, 'e2'), format: 'link', add: true, href: 'https://example.org/' } }
    const marker = { type: 'suggestedBlock', attrs: { ...by(editor, 'e1'), formerly: 'paragraph' } }
    const heading = (...content: RichTextNode[]): RichTextDoc => ({
      type: 'doc',
      content: [{ type: 'heading', attrs: { level: 2 }, content }],
    })
    const body = heading(marker, { type: 'text', text: 'Works', marks: [link] }, { type: 'text', text: ' begin.' })
    await editStory(db, editor, story, { body })
    const [saved] = (await revisionRows(db, story)).slice(-1)
    expect(saved?.body).toEqual(body)
    expect(pendingSuggestions(saved?.body as RichTextDoc).map((one) => one.block ?? one.format)).toEqual([
      'Heading 2 (was paragraph)',
      'Link to https://example.org/',
    ])
    expect(await saveBody(writer, story, docOf('Works begin.'))).toMatchObject({ ok: false, message: expect.stringMatching(refusedRule) })
    const accepted = heading(
      { type: 'text', text: 'Works', marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }] },
      { type: 'text', text: ' begin.' },
    )
    expect(await saveBody(writer, story, accepted)).toMatchObject({ ok: false, message: expect.stringMatching(refusedRule) })
    expect(await saveBody(editor, story, accepted)).toMatchObject({ ok: true })
  })
})

describe('settling suggestions over the socket', () => {
  it('refuses a writer’s raw change that accepts the editor’s suggestion and tells them why; an editor may, and the writer’s form then saves', async () => {
    // Published, as npm start's is, with no pause short enough to cut a revision by itself.
    const { url } = await startServer({ published: true, pauseMs: 60_000 })
    const story = await storyWithSuggestions()
    const writerClient = await join(url, writer, story)
    const editorClient = await join(url, editor, story)
    await expect
      .poll(() => [writerClient, editorClient].map(suggestionsOf), { timeout: 15_000 })
      .toEqual([
        ['e1', 'e2'],
        ['e1', 'e2'],
      ])

    // Their own suggestion, made and withdrawn, is theirs to settle.
    paragraphOf(writerClient).insert(0, 'Ferry ', { insertion: by(writer, 'w1') })
    await expect.poll(() => suggestionsOf(editorClient), { timeout: 15_000 }).toEqual(['w1', 'e1', 'e2'])
    paragraphOf(writerClient).delete(0, 6)
    await expect.poll(() => suggestionsOf(editorClient), { timeout: 15_000 }).toEqual(['e1', 'e2'])

    paragraphOf(writerClient).format(14, 7, { insertion: null })
    await expect
      .poll(() => writerClient.messages, { timeout: 15_000 })
      .toContainEqual({ type: 'refused', message: expect.stringMatching(refusedRule) })
    await expect.poll(() => writerClient.closes, { timeout: 15_000 }).toContain('settling-refused')
    expect(suggestionsOf(editorClient)).toEqual(['e1', 'e2'])
    writerClient.destroy()

    const adminClient = await join(url, admin, story)
    await expect.poll(() => suggestionsOf(adminClient), { timeout: 15_000 }).toEqual(['e1', 'e2'])
    paragraphOf(editorClient).format(14, 7, { insertion: null })
    await expect.poll(() => suggestionsOf(adminClient), { timeout: 15_000 }).toEqual(['e2'])
    expect(editorClient.closes).toEqual([])
    // The form's save of the shared body is measured from the shared body, where the editor settled it.
    const shared = readStoryDocument(adminClient.doc).body
    expect(await saveBody(writer, story, shared)).toMatchObject({ ok: true })
  })

  it('refuses a writer’s crafted pair whose change sent first accepts part of the editor’s suggestion once the other places it', async () => {
    const { url } = await startServer({ published: true, pauseMs: 60_000 })
    const story = await storyWithSuggestions()
    const writerClient = await join(url, writer, story)
    const editorClient = await join(url, editor, story)
    await expect.poll(() => suggestionsOf(writerClient), { timeout: 15_000 }).toEqual(['e1', 'e2'])
    const [typing, accepting] = changesInTurn(
      writerClient,
      (doc) => paragraphIn(doc).insert(26, ' Again.'),
      (doc) => paragraphIn(doc).format(15, 3, { insertion: null }),
    )
    sendRawUpdate(writerClient, accepting)
    sendRawUpdate(writerClient, typing)
    await expect
      .poll(() => writerClient.messages, { timeout: 15_000 })
      .toContainEqual({ type: 'refused', message: expect.stringMatching(refusedRule) })
    await expect.poll(() => writerClient.closes, { timeout: 15_000 }).toContain('settling-refused')
    await expect.poll(() => paragraphOf(editorClient).toString(), { timeout: 15_000 }).toContain('Again.')
    expect(suggestionsOf(editorClient)).toEqual(['e1', 'e2'])
  })

  it('refuses an editor’s raw change that adds a suggestion in the writer’s name and tells them why', async () => {
    const { url } = await startServer({ published: true, pauseMs: 60_000 })
    const story = await storyWithSuggestions()
    const editorClient = await join(url, editor, story)
    const writerClient = await join(url, writer, story)
    // Both have the story before the editor changes it.
    for (const client of [editorClient, writerClient])
      await expect.poll(() => suggestionsOf(client), { timeout: 15_000 }).toEqual(['e1', 'e2'])

    paragraphOf(editorClient).insert(0, 'Ferry ', { insertion: by(writer, 'f1') })
    await expect.poll(() => editorClient.messages, { timeout: 15_000 }).toContainEqual({ type: 'refused', message: forgedMessage })
    await expect.poll(() => editorClient.closes, { timeout: 15_000 }).toContain('settling-refused')
    expect(suggestionsOf(writerClient)).toEqual(['e1', 'e2'])

    // The writer's own suggestion, in their name, goes through.
    paragraphOf(writerClient).insert(0, 'Ferry ', { insertion: by(writer, 'w1') })
    const adminClient = await join(url, admin, story)
    await expect.poll(() => suggestionsOf(adminClient), { timeout: 15_000 }).toEqual(['w1', 'e1', 'e2'])
    expect(writerClient.closes).toEqual([])
  })
})
