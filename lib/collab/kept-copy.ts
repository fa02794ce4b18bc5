import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { RichTextDoc } from '@/db/schema'
import { storySchema } from '../rich-text-repair'
import { canonicalJson } from '../story-draft'
import { documentParts } from './paths'
import { type SharedParts, mergeIntoShared } from './shared-parts'
import { textChange } from './shared-text'
import type { FieldValues } from './story-fields'

// A browser's copy of what it typed into a shared story and the sync server does not have yet
// (components/desk/use-kept-copy.ts keeps it on the device), and how it goes back into the shared
// document when the story next opens there.

/**
 * The shared parts as this browser had them (`parts`) and as the sync server last had them all
 * (`base`), with how far this browser's own Yjs client (`clientId`) had written when it was kept.
 */
export type KeptCopy = { parts: SharedParts; base: SharedParts; clientId: number; clock: number; keptAt: string }

/** The copy of `doc`'s parts to keep now, from `base`, the parts the sync server last had all of. */
export function keptCopyOf(doc: Y.Doc, base: SharedParts): KeptCopy {
  return {
    parts: readSharedParts(doc),
    base,
    clientId: doc.clientID,
    clock: Y.getState(doc.store, doc.clientID),
    keptAt: new Date().toISOString(),
  }
}

/**
 * What `doc`, just opened from the sync server, should hold to take in the kept `copy`, or null
 * when nothing is to change. When the document already holds every change of the copy (it was
 * stored before the page went), it is left as it is. Otherwise (the server lost them, or rebuilt
 * the document from a revision, so that the copy's Yjs changes are of another document) the
 * copy's text is merged with the document's, three-way from `base`, as a save made alone is
 * (`mergeIntoShared`): merging the copy's raw Yjs changes into a rebuilt document would double
 * its text. `fields`: the story's other fields, which the merge of the text leaves as they are.
 */
export function mergeKeptCopy(copy: KeptCopy, doc: Y.Doc, fields: FieldValues): SharedParts | null {
  if (Y.getState(doc.store, copy.clientId) >= copy.clock) return null
  const current = readSharedParts(doc)
  const { headline, standfirst, body } = mergeIntoShared(copy.base, { ...copy.parts, fields }, current)
  const merged = { headline, standfirst, body }
  return canonicalJson(merged) === canonicalJson(current) ? null : merged
}

/** The headline, standfirst and body as `doc` holds them, the body as the editor's JSON. */
export function readSharedParts(doc: Y.Doc): SharedParts {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(documentParts.body)) as RichTextDoc
  let body = json
  try {
    body = storySchema.nodeFromJSON(json).toJSON() as RichTextDoc
  } catch {
    // A node the schema does not know: the form's save repairs it, as the sync server's cut does.
  }
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
