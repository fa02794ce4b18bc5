import type { RichTextDoc } from '@/db/schema'
import { type Actor, check } from './permissions'
import { type PendingSuggestion, eachSuggestedPiece, hasSuggestion, pendingSuggestions } from './story-schema/suggestions'

// THE rules of who makes and settles a suggestion, for every path that changes a story's body:
// the form's saves (saveArticle) and the sync server's updates (lib/collab/body-guard.ts). A
// suggestion new in a change carries the changer's own id; someone who may not review
// suggestions (`suggestion.review`) may withdraw their own, never settle another's.

export const forgedMessage = 'A suggestion you make carries your own name: your change added one in someone else’s, so it was not kept.'

/**
 * Why `actor` may not change a body from `before` to `after`, or null when they may. A
 * suggestion that is new in `after` (or now names someone else) must be `actor`'s own; its name
 * and time are trusted as sent. Accepting or rejecting someone else's suggestion is reviewing
 * it: a suggestion by someone else that is gone from `after`, or whose author or words changed (for a
 * block change, what it makes of the block), was settled.
 */
export function settlingProblem(actor: Actor, before: RichTextDoc, after: RichTextDoc): string | null {
  if (forgesAuthor(actor.id, before, after)) return forgedMessage
  const review = check(actor, 'suggestion.review')
  // Cheap answer first: most people who change a body review.
  if (review.ok || !settlesOthers(actor.id, before, after)) return null
  return `${review.message} Your change accepted or rejected someone else’s suggestion, so it was not kept.`
}

/**
 * Whether `after` holds a suggestion by someone other than person `personId` that `before` does
 * not hold as theirs: every piece is looked at, so that one id cannot hide another's name.
 */
export function forgesAuthor(personId: number, before: RichTextDoc, after: RichTextDoc): boolean {
  if (!hasSuggestion(after)) return false
  const others = authoredKeys(after, (authorId) => authorId !== personId)
  if (others.size === 0) return false
  const known = authoredKeys(before, () => true)
  return [...others].some((key) => !known.has(key))
}

function authoredKeys(doc: RichTextDoc, keep: (authorId: number) => boolean): Set<string> {
  const keys = new Set<string>()
  eachSuggestedPiece(doc, (kind, { id, authorId }) => {
    if (keep(authorId)) keys.add(`${kind}:${id}:${authorId}`)
  })
  return keys
}

/**
 * Whether going from `before` to `after` settles a suggestion by someone other than person
 * `personId`: whether or not they may, for the desk's editor to ask before sending the change.
 */
export function settlesOthers(personId: number, before: RichTextDoc, after: RichTextDoc): boolean {
  if (!hasSuggestion(before)) return false
  const others = pendingSuggestions(before).filter((suggestion) => suggestion.authorId !== personId)
  if (others.length === 0) return false
  const kept = new Map(pendingSuggestions(after).map((suggestion) => [keyOf(suggestion), suggestion]))
  return others.some((suggestion) => {
    const now = kept.get(keyOf(suggestion))
    return !now || now.authorId !== suggestion.authorId || !isSameChange(now, suggestion)
  })
}

/** A block change is the same while it makes the same of its block, whatever is typed in it; any other, while its words are. */
function isSameChange(now: PendingSuggestion, before: PendingSuggestion): boolean {
  return before.kind === 'block' ? now.block === before.block : now.text === before.text
}

function keyOf(suggestion: PendingSuggestion): string {
  return `${suggestion.kind}:${suggestion.id}`
}
