import { Mark, mergeAttributes } from '@tiptap/core'
import { z } from 'zod'
import { suggestedBy, suggestionAttrsSchema, suggestionColourIndex } from './suggestion'

/** The formatting a person may suggest rather than apply. */
export const suggestableFormats = ['bold', 'italic'] as const
export type SuggestableFormat = (typeof suggestableFormats)[number]

/** A formatting suggestion: who and when, which format, and whether it is added or taken off. */
export const formatChangeSchema = suggestionAttrsSchema.extend({ format: z.enum(suggestableFormats), add: z.boolean() })
export type FormatChange = z.infer<typeof formatChangeSchema>

export function toFormatChange(value: unknown): FormatChange | null {
  const parsed = formatChangeSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** "Bold", "Not italic": what accepting the suggestion does to its words. */
export function describeFormat({ format, add }: Pick<FormatChange, 'format' | 'add'>): string {
  return add ? `${format[0]?.toUpperCase()}${format.slice(1)}` : `Not ${format}`
}

/**
 * Words someone suggested making bold or italic (or no longer): shown in the desk as they would
 * be, underlined with dots in the suggester's colour with their name and time; the formatting
 * itself is applied only when an editor accepts (components/editor/suggest-format.ts), and
 * readers get the words as they were (lib/story-schema/suggestions.ts).
 */
export const FormattingMark = Mark.create({
  name: 'formatting',
  inclusive: false,
  // Pasted HTML never makes a suggestion: only the desk's suggestion mode does.
  parseHTML: () => [],

  addAttributes() {
    const plain = { default: null, renderHTML: () => ({}) }
    return { id: plain, authorId: plain, authorName: plain, at: plain, format: plain, add: plain }
  },

  renderHTML({ mark, HTMLAttributes }) {
    const change = toFormatChange(mark.attrs)
    if (!change) return ['span', HTMLAttributes, 0]
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
        class: `suggestion suggestion-formatting suggested-${change.add ? '' : 'not-'}${change.format} suggestion-colour-${suggestionColourIndex(change.authorName)}`,
        'data-suggestion': change.id,
        title: suggestedBy(describeFormat(change), change),
      }),
      0,
    ]
  },
})
