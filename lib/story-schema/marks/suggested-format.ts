import { Mark, mergeAttributes } from '@tiptap/core'
import { z } from 'zod'
import { isAllowedHref } from '../urls'
import { suggestedBy, suggestionAttrsSchema, suggestionColourIndex } from './suggestion'

/** The formatting a person may suggest rather than apply: a link is one, with its address. */
export const suggestableFormats = ['bold', 'italic', 'underline', 'strike', 'link'] as const
export type SuggestableFormat = (typeof suggestableFormats)[number]

/**
 * A formatting suggestion: who and when, which format, whether it is added or taken off, and for
 * a link added its address (one a link may have, lib/story-schema/urls.ts).
 */
export const formatChangeSchema = suggestionAttrsSchema
  .extend({ format: z.enum(suggestableFormats), add: z.boolean(), href: z.string().nullish() })
  .refine((change) => (change.format === 'link' && change.add ? isAllowedHref(change.href) : !change.href))
export type FormatChange = z.infer<typeof formatChangeSchema>

export function toFormatChange(value: unknown): FormatChange | null {
  const parsed = formatChangeSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** How each format other than a link reads, put on and taken off. */
const formatWords: Record<Exclude<SuggestableFormat, 'link'>, [string, string]> = {
  bold: ['Bold', 'Not bold'],
  italic: ['Italic', 'Not italic'],
  underline: ['Underline', 'Not underlined'],
  strike: ['Strikethrough', 'Not struck through'],
}

/** "Bold", "Not italic", "Strikethrough", "Link to https://…", "No link": what accepting the suggestion does to its words. */
export function describeFormat({ format, add, href }: Pick<FormatChange, 'format' | 'add' | 'href'>): string {
  if (format === 'link') return add ? `Link to ${href}` : 'No link'
  return formatWords[format][add ? 0 : 1]
}

/**
 * Words someone suggested making bold, italic, underlined, struck through or a link (or no longer): shown in the desk as they would
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
    return { id: plain, authorId: plain, authorName: plain, at: plain, format: plain, add: plain, href: plain }
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
