import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { doc, p, storyDraft, text } from '@/test/story-docs'
import { type SavedRequest, changeFor, isPutIn, putInEach, putInOnce } from './saved-changes'
import { buildStoryDocument, readStoryDocument } from './storage'
import type { FieldValues } from './story-fields'

// An instance that takes over a request another instance claimed cannot know whether that one put
// it in before it stopped: the shared document says, and a request is put in once.

const base = { headline: 'Harbour fees', standfirst: '', body: doc(p(text('Fees rise.')), p(text('Owners object.'))) }
const fields: FieldValues = storyDraft(base)

const paragraphs = (shared: ReturnType<typeof buildStoryDocument>) =>
  readStoryDocument(shared).body.content?.map((block) => block.content?.[0]?.text)

describe('a save made elsewhere, put into the shared document', () => {
  it('is put in once however often it is tried, even after someone typed into the paragraph it changed', () => {
    const shared = buildStoryDocument(base, 1)
    const saved = { ...base, body: doc(p(text('Fees rise in May.')), p(text('Owners object.'))), fields, revisionId: 2 }
    const request: SavedRequest = { id: 'a-request', articleId: 1, change: { kind: 'merge', base, saved } }

    expect(putInOnce(shared, request)).toBe(true)
    expect(paragraphs(shared)).toEqual(['Fees rise in May.', 'Owners object.'])
    // Someone goes on typing into the paragraph the save changed.
    const words = (shared.getXmlFragment('body').get(0) as Y.XmlElement).get(0)
    if (!(words instanceof Y.XmlText)) throw new Error('no text')
    words.insert('Fees rise in May'.length, ' by a tenth')

    // Put in a second time, the merge would keep both versions of that paragraph.
    expect(putInOnce(shared, request)).toBe(false)
    expect(paragraphs(shared)).toEqual(['Fees rise in May by a tenth.', 'Owners object.'])
    expect(isPutIn(shared, request.id)).toBe(true)
  })

  it('is noted in the same change as the text, so a copy that has the text has the note', () => {
    const shared = buildStoryDocument(base, 1)
    const other = buildStoryDocument(base, 1)
    const draft = { ...base, headline: 'Harbour fees to double' }
    const updates: Uint8Array[] = []
    shared.on('update', (update: Uint8Array) => updates.push(update))
    putInOnce(shared, { id: 'restored', articleId: 1, change: { kind: 'replace', draft, revisionId: 3 } })

    expect(updates).toHaveLength(1)
    for (const update of updates) Y.applyUpdate(other, update)
    expect(isPutIn(other, 'restored')).toBe(true)
    expect(putInOnce(other, { id: 'restored', articleId: 1, change: { kind: 'replace', draft, revisionId: 3 } })).toBe(false)
    expect(readStoryDocument(other).headline).toBe('Harbour fees to double')
  })

  it('computed once and applied by two copies that went apart meanwhile, is put in once', () => {
    const here = buildStoryDocument(base, 1)
    const there = copyOf(here)
    typeAt(there, 1, 'Owners'.length, ' and tenants')
    const saved = { ...base, body: doc(p(text('Fees rise in May.')), p(text('Owners object.'))), fields, revisionId: 2 }
    const request: SavedRequest = { id: 'taken-over', articleId: 1, change: { kind: 'merge', base, saved } }

    // Each copy making its own change would put the words in twice once the copies meet.
    const [apartHere, apartThere] = [copyOf(here), copyOf(there)]
    for (const copy of [apartHere, apartThere]) putInOnce(copy, request)
    meet(apartHere, apartThere)
    expect(paragraphs(apartHere)?.[0]).toBe('Fees rise in May in May.')

    const change = changeFor(here, request)
    if (!change) throw new Error('no change')
    expect(paragraphs(here)).toEqual(['Fees rise.', 'Owners object.'])
    for (const copy of [here, there]) Y.applyUpdate(copy, change)
    meet(here, there)
    expect(paragraphs(here)).toEqual(['Fees rise in May.', 'Owners and tenants object.'])
    expect(paragraphs(there)).toEqual(paragraphs(here))
    expect(changeFor(there, request)).toBeNull()
  })

  it('is left to another instance, changing nothing, when its change is not fixed here', async () => {
    const shared = buildStoryDocument(base, 1)
    const draft = { ...base, headline: 'Harbour fees to double' }
    const request: SavedRequest = { id: 'left', articleId: 1, change: { kind: 'replace', draft, revisionId: 3 } }
    expect(
      await putInEach(
        shared,
        [request],
        (apply) => apply(shared),
        async () => null,
      ),
    ).toBeUndefined()
    expect(isPutIn(shared, 'left')).toBe(false)
    expect(await putInEach(shared, [request], (apply) => apply(shared))).toBe(request)
    expect(readStoryDocument(shared).headline).toBe('Harbour fees to double')
  })
})

function copyOf(shared: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(shared))
  return copy
}

/** Each copy takes what the other has. */
function meet(one: Y.Doc, other: Y.Doc): void {
  Y.applyUpdate(one, Y.encodeStateAsUpdate(other))
  Y.applyUpdate(other, Y.encodeStateAsUpdate(one))
}

/** Types `typed` at `offset` into paragraph `index`. */
function typeAt(shared: Y.Doc, index: number, offset: number, typed: string): void {
  const words = (shared.getXmlFragment('body').get(index) as Y.XmlElement).get(0)
  if (!(words instanceof Y.XmlText)) throw new Error('no text')
  words.insert(offset, typed)
}
