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
  // Cheap answers first: most people who change a body review, or the body holds no suggestion.
  if (review.ok || !hasSuggestion(before)) return null
  const others = pendingSuggestions(before).filter((suggestion) => suggestion.authorId !== actor.id)
  if (others.length === 0) return null
  const kept = new Map(pendingSuggestions(after).map((suggestion) => [keyOf(suggestion), suggestion]))
  const isSettled = others.some((suggestion) => {
    const now = kept.get(keyOf(suggestion))
    return !now || now.authorId !== suggestion.authorId || now.text !== suggestion.text
  })
  return isSettled ? `${review.message} Your change accepted or rejected someone else’s suggestion, so it was not kept.` : null
}

function keyOf(suggestion: PendingSuggestion): string {
  return `${suggestion.kind}:${suggestion.id}`
}
