import type { RichTextDoc } from '@/db/schema'
import { type Actor, check } from './permissions'
import { type PendingSuggestion, hasSuggestion, pendingSuggestions } from './story-schema/suggestions'

// THE rule of who settles a suggestion, for every path that changes a story's body: the form's
// saves (saveArticle) and the sync server's updates (lib/collab/body-guard.ts). Someone who may
// not review suggestions (`suggestion.review`) may withdraw their own, never settle another's.

/**
 * Why `actor` may not change a body from `before` to `after`, or null when they may. Accepting
 * or rejecting someone else's suggestion is reviewing it: a suggestion by someone else that is
 * gone from `after`, or whose author or words changed, was settled.
 */
export function settlingProblem(actor: Actor, before: RichTextDoc, after: RichTextDoc): string | null {
  const review = check(actor, 'suggestion.review')
  // Cheap answer first: most people who change a body review.
  if (review.ok || !settlesOthers(actor.id, before, after)) return null
  return `${review.message} Your change accepted or rejected someone else’s suggestion, so it was not kept.`
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
    return !now || now.authorId !== suggestion.authorId || now.text !== suggestion.text
  })
}

function keyOf(suggestion: PendingSuggestion): string {
  return `${suggestion.kind}:${suggestion.id}`
}
