import 'server-only'
import * as Y from 'yjs'
import { type Actor, can } from '../permissions'
import { suggestionKinds } from '../story-schema/marks/suggestion'
import { settlingProblem } from '../suggestion-settling'
import { readStoryDocument } from './storage'

// The sync server's check of the story's body: a change sent over the socket that would settle
// someone else's suggestion (lib/suggestion-settling.ts) without the right to review is not applied.

/**
 * Whether `doc` may hold a suggestion: a suggestion mark's formatting that is not deleted. A walk
 * over the document's items, far cheaper than reading the body; it may say yes for a suggestion
 * already gone (the closer look then finds nothing), never no for one still there.
 */
export function mayHoldSuggestions(doc: Y.Doc): boolean {
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) if (struct instanceof Y.Item && !struct.deleted && isSuggestionFormat(struct.content)) return true
  }
  return false
}

function isSuggestionFormat(content: Y.Item['content']): boolean {
  if (!(content instanceof Y.ContentFormat) || content.value === null) return false
  // y-prosemirror names a mark's formatting after the mark (with a suffix when one may repeat).
  return suggestionKinds.some((kind) => content.key === kind || content.key.startsWith(`${kind}--`))
}

/**
 * Why `actor` may not apply `update` to the body of `doc` (null when they may): the body it
 * would make is read from a copy and compared with the body now, only when there is a
 * suggestion to settle and the person may not review.
 */
export function bodyUpdateProblem(doc: Y.Doc, update: Uint8Array, actor: Actor): string | null {
  if (can(actor, 'suggestion.review') || !mayHoldSuggestions(doc)) return null
  const trial = new Y.Doc({ gc: false })
  Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc))
  Y.applyUpdate(trial, update)
  return settlingProblem(actor, readStoryDocument(doc).body, readStoryDocument(trial).body)
}
