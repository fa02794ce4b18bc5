import { Node } from '@tiptap/core'
import { type SuggestionAttrs, describeSuggestion, suggestionColourIndex, toSuggestionAttrs } from '../marks/suggestion'
import { plainAttribute, suggestionMarker } from './suggestion-marker'

/**
 * What a suggested paragraph break does once accepted: `split` starts a new paragraph where it
 * stands, `join` joins its paragraph with the next one. Rejected, it goes and nothing else
 * changes; the node itself is never kept once settled (components/editor/suggest-changes.ts).
 */
export const breakKinds = ['split', 'join'] as const
export type BreakKind = (typeof breakKinds)[number]

export const suggestedBreakName = 'suggestedBreak'

/** The kind of a suggested break's attributes as stored (a split when unreadable). */
export function breakKindOf(attrs: Record<string, unknown> | undefined): BreakKind {
  return attrs?.kind === 'join' ? 'join' : 'split'
}

/** A suggested break's attributes as kept (its kind, author and time), or null when they are not a suggestion's. */
export function toBreakAttrs(attrs: Record<string, unknown>): (SuggestionAttrs & { kind: BreakKind }) | null {
  const who = toSuggestionAttrs(attrs)
  return who ? { kind: breakKindOf(attrs), ...who } : null
}

/**
 * A paragraph break someone suggested, shown in the desk as a pilcrow (¶) among the words, in
 * the suggester's colour, with their name and time. Who and when are the node's own attributes,
 * flat like a suggestion mark's (lib/story-schema/marks/suggestion.ts): the shared document keeps
 * a node's attributes, not the marks of a node that is not text. Readers never see one
 * (lib/story-schema/suggestions.ts `forReaders`).
 */
export const SuggestedBreak = Node.create({
  name: suggestedBreakName,
  ...suggestionMarker,

  addAttributes() {
    return {
      kind: { default: 'split' satisfies BreakKind, renderHTML: () => ({}) },
      id: plainAttribute,
      authorId: plainAttribute,
      authorName: plainAttribute,
      at: plainAttribute,
    }
  },

  renderHTML({ node }) {
    const kind = breakKindOf(node.attrs)
    const attrs = toSuggestionAttrs(node.attrs)
    const colour = attrs ? ` suggestion-colour-${suggestionColourIndex(attrs.authorName)}` : ''
    const label = attrs ? { title: describeSuggestion(kind, attrs), 'data-suggestion': attrs.id } : {}
    return ['span', { class: `suggestion suggested-break suggested-${kind}${colour}`, ...label }, '¶']
  },
})
