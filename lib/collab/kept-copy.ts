import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { RichTextDoc } from '@/db/schema'
import { asEditorJson, storySchema } from '../rich-text-repair'
import { canonicalJson } from '../story-draft'
import { documentParts } from './paths'
import { type SharedParts, mergeIntoShared } from './shared-parts'
import { textChange } from './shared-text'
import type { FieldValues } from './story-fields'

// A browser's copy of what it typed into a shared story and the sync server does not have yet
// (components/desk/use-kept-copy.ts keeps it on the device), and how it goes into the shared
// document when the story next opens there.

/**
 * The shared parts as this browser had them (`parts`), and as the sync server last had them all
 * (`base`, the text a three-way merge starts from); in Yjs terms, what the server had of the
 * document then (`sentVector`, a state vector), the whole document as this browser had it
 * (`state`, an update: the page reopened edits on from it, `keptDocOf`), and what that holds
 * (`vector`).
 */
export type KeptCopy = {
  parts: SharedParts
  base: SharedParts
  sentVector: Uint8Array
  state: Uint8Array
  vector: Uint8Array
  keptAt: string
}

/** The copy of `doc` to keep now; `sentVector` and `base`: what the sync server last had all of. */
export function keptCopyOf(doc: Y.Doc, sentVector: Uint8Array, base: SharedParts): KeptCopy {
  return {
    parts: readSharedParts(doc),
    base,
    sentVector,
    state: Y.encodeStateAsUpdate(doc),
    vector: Y.encodeStateVector(doc),
    keptAt: new Date().toISOString(),
  }
}

/**
 * A copy that holds only text (`parts`, and `base` the text it started from), as the builds before
 * the copy held the whole document kept it: made a copy of a document of its own, which no sync
 * server holds, so that it goes in as text, three-way from `base`, as a save made alone does.
 */
export function keptCopyOfText(parts: SharedParts, base: SharedParts, keptAt: string): KeptCopy {
  const doc = new Y.Doc()
  writeSharedParts(doc, parts, null)
  return { ...keptCopyOf(doc, Y.encodeStateVector(doc), base), keptAt }
}

/**
 * The document a kept copy was made from, to type on into while it waits for the sync server: a
 * copy kept again from it (`keptCopyOf` with the copy's own `sentVector` and `base`) holds the new
 * typing as changes to the same document, so it goes in as the first copy would have.
 */
export function keptDocOf(copy: KeptCopy): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, copy.state)
  return doc
}

/**
 * How a kept copy went into the shared document: it held it already (stored before the page
 * went), its Yjs changes were replayed (the document is the one the copy was made from, so they
 * merge keystroke by keystroke), or its text was merged (the document was rebuilt), or nothing
 * was left to change.
 */
export type KeptCopyTaken = 'held' | 'replayed' | 'merged'

/**
 * Takes the kept `copy` into `doc`, just opened from the sync server, as changes from `origin`.
 * When the document holds everything the server had when the copy was made (`sentVector`), it is
 * that same document, and the copy's Yjs changes are replayed into it (what it holds already is
 * skipped). Otherwise the server lost
 * it or rebuilt it from a revision (no stored document, a restore), and the copy's Yjs changes
 * would double its text: the copy's text is merged instead, three-way from `base`, as a save made
 * alone is (`mergeIntoShared`). `fields`: the story's other fields, which that merge leaves alone.
 */
export function takeKeptCopy(copy: KeptCopy, doc: Y.Doc, fields: FieldValues, origin: unknown): KeptCopyTaken {
  // Deletions too: deleting words adds nothing to a state vector.
  if (Y.snapshotContainsUpdate(Y.snapshot(doc), copy.state)) return 'held'
  if (holdsAll(doc, copy.sentVector)) {
    Y.applyUpdate(doc, copy.state, origin)
    return 'replayed'
  }
  const current = readSharedParts(doc)
  const { headline, standfirst, body } = mergeIntoShared(copy.base, { ...copy.parts, fields }, current)
  const merged = { headline, standfirst, body }
  if (canonicalJson(merged) === canonicalJson(current)) return 'held'
  writeSharedParts(doc, merged, origin)
  return 'merged'
}

/** Whether `doc` holds every change a document with state vector `vector` holds (of the same document). */
function holdsAll(doc: Y.Doc, vector: Uint8Array): boolean {
  return [...Y.decodeStateVector(vector)].every(([client, clock]) => Y.getState(doc.store, client) >= clock)
}

/** The headline, standfirst and body as `doc` holds them, the body as the editor's JSON. */
export function readSharedParts(doc: Y.Doc): SharedParts {
  const body = asEditorJson(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(documentParts.body)) as RichTextDoc)
  return { headline: doc.getText(documentParts.headline).toString(), standfirst: doc.getText(documentParts.standfirst).toString(), body }
}

/** Makes `doc` hold `parts` by changing only what differs, in one transaction from `origin`. */
export function writeSharedParts(doc: Y.Doc, parts: SharedParts, origin: unknown): void {
  doc.transact(() => {
    for (const field of ['headline', 'standfirst'] as const) {
      const text = doc.getText(documentParts[field])
      const change = textChange(text.toString(), parts[field])
      if (!change) continue
      text.delete(change.index, change.remove)
      text.insert(change.index, change.insert)
    }
    const body = storySchema.nodeFromJSON(parts.body)
    updateYFragment(doc, doc.getXmlFragment(documentParts.body), body, { mapping: new Map(), isOMark: new Map() })
  }, origin)
}
