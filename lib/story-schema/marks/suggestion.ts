import { Mark, mergeAttributes } from '@tiptap/core'
import { z } from 'zod'
import { caretColourFor, caretColours } from '@/lib/collab/colours'
import type { BreakKind } from '../nodes/suggested-break'

/**
 * Who suggested a change and when: `id` groups the words of one suggestion (accepted or
 * rejected together), `authorId` and `authorName` are the person's, `at` an ISO time.
 */
export const suggestionAttrsSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  authorId: z.number().int().positive(),
  authorName: z.string().trim().min(1).max(200),
  at: z.iso.datetime({ offset: true }),
})
export type SuggestionAttrs = z.infer<typeof suggestionAttrsSchema>

/** The suggestion marks: words suggested for adding or removing, or for formatting (marks/suggested-format.ts). */
export const suggestionKinds = ['insertion', 'deletion', 'formatting'] as const
export type SuggestionKind = (typeof suggestionKinds)[number]

/** A suggestion mark's attributes as stored, or null when they are not a suggestion's. */
export function toSuggestionAttrs(value: unknown): SuggestionAttrs | null {
  const parsed = suggestionAttrsSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

const labels: Record<Exclude<SuggestionKind, 'formatting'> | BreakKind, string> = {
  insertion: 'Insertion',
  deletion: 'Deletion',
  split: 'New paragraph',
  join: 'Joining of paragraphs',
}

/** "Insertion suggested by Ana Ruiz, 6 Dec 2026, 14:05": what the marked words (or a suggested break) say about themselves. */
export function describeSuggestion(kind: keyof typeof labels, attrs: SuggestionAttrs): string {
  return suggestedBy(labels[kind], attrs)
}

/** "<label> suggested by Ana Ruiz, 6 Dec 2026, 14:05". */
export function suggestedBy(label: string, attrs: SuggestionAttrs): string {
  const when = new Date(attrs.at)
  const time = Number.isNaN(when.getTime())
    ? ''
    : `, ${when.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })}`
  return `${label} suggested by ${attrs.authorName}${time}`
}

/** Which of the caret colours (lib/collab/colours.ts) a person's suggestions are shown in. */
export function suggestionColourIndex(authorName: string): number {
  return Math.max(0, caretColours.indexOf(caretColourFor(authorName) as (typeof caretColours)[number]))
}

function suggestionMark(kind: 'insertion' | 'deletion', tag: 'ins' | 'del') {
  return Mark.create({
    name: kind,
    // Typing next to a suggestion is not part of it: the suggestion plugin marks what it adds.
    inclusive: false,
    // Pasted HTML never makes a suggestion: only the desk's suggestion mode does.
    parseHTML: () => [],

    addAttributes() {
      // Rendered together (renderHTML below), not one HTML attribute each.
      const plain = { default: null, renderHTML: () => ({}) }
      return { id: plain, authorId: plain, authorName: plain, at: plain }
    },

    renderHTML({ mark, HTMLAttributes }) {
      const attrs = toSuggestionAttrs(mark.attrs)
      if (!attrs) return ['span', HTMLAttributes, 0]
      const label = describeSuggestion(kind, attrs)
      return [
        tag,
        mergeAttributes(HTMLAttributes, {
          class: `suggestion suggestion-${kind} suggestion-colour-${suggestionColourIndex(attrs.authorName)}`,
          'data-suggestion': attrs.id,
          title: label,
        }),
        0,
      ]
    },
  })
}

/**
 * Words someone suggested adding: shown in the desk in the author's colour with their name and
 * time; a reader never sees them until an editor accepts them (lib/story-schema/suggestions.ts).
 */
export const InsertionMark = suggestionMark('insertion', 'ins')

/** Words someone suggested removing: struck through in the desk; a reader still reads them until accepted. */
export const DeletionMark = suggestionMark('deletion', 'del')
