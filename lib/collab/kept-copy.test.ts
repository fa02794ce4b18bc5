import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { doc, p, storyDraft, text } from '@/test/story-docs'
import { keptCopyOf, mergeKeptCopy, readSharedParts, writeSharedParts } from './kept-copy'
import type { SharedParts } from './shared-parts'

// A browser's copy of the shared typing the sync server did not get, taken back into the shared
// document when the story next opens (components/desk/use-kept-copy.ts).

const fields = storyDraft()
const opened: SharedParts = { headline: 'Storm warning', standfirst: '', body: doc(p(text('The storm closes the harbour.'))) }
const mineTyped: SharedParts = { ...opened, body: doc(p(text('The storm closes the harbour.')), p(text('Ferries stay in port.'))) }

/** A document holding `parts`, as the sync server builds one from a revision. */
function documentOf(parts: SharedParts): Y.Doc {
  const built = new Y.Doc()
  writeSharedParts(built, parts, null)
  return built
}

/** A browser's copy of `server`, synced. */
function browserOf(server: Y.Doc): Y.Doc {
  const browser = new Y.Doc()
  Y.applyUpdate(browser, Y.encodeStateAsUpdate(server))
  return browser
}

/** The words of a body, paragraph by paragraph. */
const paragraphs = (parts: SharedParts) =>
  (parts.body.content ?? []).map((block) => (block.content ?? []).map((node) => node.text).join(''))

describe('a kept copy, when the story next opens on the sync server', () => {
  it('changes nothing when the document already holds every change of the copy', () => {
    const server = documentOf(opened)
    const browser = browserOf(server)
    writeSharedParts(browser, mineTyped, 'typing')
    const copy = keptCopyOf(browser, opened)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(browser))
    // Someone goes on typing in the same paragraph: the copy must not bring back an older version of it.
    writeSharedParts(
      server,
      { ...mineTyped, body: doc(p(text('The storm closes the harbour.')), p(text('Ferries stay in port tonight.'))) },
      'other',
    )
    expect(mergeKeptCopy(copy, server, fields)).toBeNull()
  })

  it('brings back the typing the server never got, beside what others typed meanwhile', () => {
    const server = documentOf(opened)
    const browser = browserOf(server)
    writeSharedParts(browser, mineTyped, 'typing')
    const copy = keptCopyOf(browser, opened)
    writeSharedParts(server, { ...opened, headline: 'Storm warning for the coast' }, 'other')
    const merged = mergeKeptCopy(copy, server, fields)
    expect(merged?.headline).toBe('Storm warning for the coast')
    expect(merged && paragraphs(merged)).toEqual(['The storm closes the harbour.', 'Ferries stay in port.'])
  })

  it('merges the text, once, into a document the server rebuilt from a revision (where its raw Yjs changes would double it)', () => {
    const server = documentOf(opened)
    const browser = browserOf(server)
    writeSharedParts(browser, mineTyped, 'typing')
    const copy = keptCopyOf(browser, opened)
    // The stored document is gone: the server builds a new one from the story's revision, which another person's save changed.
    const rebuilt = documentOf({ ...opened, body: doc(p(text('The storm closes the harbour.')), p(text('Schools close.'))) })

    const raw = browserOf(rebuilt)
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(browser))
    expect(paragraphs(readSharedParts(raw)).filter((words) => words === 'The storm closes the harbour.')).toHaveLength(2)

    const merged = mergeKeptCopy(copy, rebuilt, fields)
    // Paragraphs both added: the document's first, then the copy's (lib/block-merge.ts).
    const once = ['The storm closes the harbour.', 'Schools close.', 'Ferries stay in port.']
    expect(merged && paragraphs(merged)).toEqual(once)
    if (!merged) return
    writeSharedParts(rebuilt, merged, 'merge')
    expect(paragraphs(readSharedParts(rebuilt))).toEqual(once)
  })

  it('changes nothing in a rebuilt document whose revision already holds the copy’s typing (saved another way)', () => {
    const server = documentOf(opened)
    const browser = browserOf(server)
    writeSharedParts(browser, mineTyped, 'typing')
    const copy = keptCopyOf(browser, opened)
    expect(mergeKeptCopy(copy, documentOf(mineTyped), fields)).toBeNull()
  })
})
