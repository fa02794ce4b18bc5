import { Node } from '@tiptap/core'
import { z } from 'zod'
import { suggestedBy, suggestionAttrsSchema, suggestionColourIndex } from './marks/suggestion'
import { plainAttribute, suggestionMarker } from './nodes/suggestion-marker'

/** The heading levels a story uses: the page's headline is the only h1. */
export const headingLevels = [2, 3, 4] as const

/** The lists a block may be an item of. */
export const listForms = ['bulletList', 'orderedList'] as const
export type ListForm = (typeof listForms)[number]

/**
 * What a block of words is: a paragraph, a heading of a level, or an item of a bulleted or
 * numbered list (the first paragraph of a list item). A suggested block change records the form
 * it had; the block itself already has the form suggested, so the desk shows it as it would be.
 */
export type BlockForm = 'paragraph' | `heading:${(typeof headingLevels)[number]}` | ListForm
export const blockForms: readonly [BlockForm, ...BlockForm[]] = [
  'paragraph',
  ...headingLevels.map((level) => `heading:${level}` as const),
  ...listForms,
]

export function isListForm(form: string | null | undefined): form is ListForm {
  return (listForms as readonly string[]).includes(form ?? '')
}

/** The levels a list item's nesting may be suggested to move at most: more than a story's lists have. */
const maxNesting = 8

/**
 * A suggested block change: who and when, and the form the block had (`formerly`); for a list
 * item nested in the one above it (Tab) or taken out to its list's list (Shift-Tab), `nesting`
 * says how many levels it moved in (negative: out), counted from where giving back the items it
 * is in leaves it, so an item carried along with the one it belongs to has none of its own. Both change only for a block taken
 * into a list or out of one (components/editor/suggest-blocks.ts).
 */
export const blockChangeSchema = suggestionAttrsSchema.extend({
  formerly: z.enum(blockForms),
  nesting: z.number().int().min(-maxNesting).max(maxNesting).nullish(),
})
export type BlockChange = z.infer<typeof blockChangeSchema>

export const suggestedBlockName = 'suggestedBlock'

/**
 * Whether `change`, recorded on a list item's first paragraph, says the item was made of blocks
 * of the item before it, after a list an item of that list was taken out of (Shift-Tab): a block
 * of words moved a level out that was no item. Given back, the item's blocks go back to the end
 * of the item before it.
 */
export const isSplitOff = (change: Pick<BlockChange, 'formerly' | 'nesting'> | null | undefined): boolean =>
  Boolean(change && !isListForm(change.formerly) && (change.nesting ?? 0) < 0)

export function toBlockChange(attrs: unknown): BlockChange | null {
  const parsed = blockChangeSchema.safeParse(attrs)
  return parsed.success ? parsed.data : null
}

/**
 * The form of a block of type `type` (its heading `level`), `listType` being the list whose
 * item it is the first paragraph of, if any. Null for a node that is not such a block.
 */
export function formOf(type: string, level: unknown, listType: string | null): BlockForm | null {
  if (type === 'paragraph' && isListForm(listType)) return listType
  if (type === 'paragraph') return 'paragraph'
  const form = `heading:${String(level)}`
  return type === 'heading' && (blockForms as readonly string[]).includes(form) ? (form as BlockForm) : null
}

/** The node type and attributes of a block of words of `form` outside a list (a list's item is a paragraph). */
export function textblockOf(form: BlockForm): { type: 'paragraph' | 'heading'; attrs?: { level: number } } {
  return form.startsWith('heading:') ? { type: 'heading', attrs: { level: Number(form.slice('heading:'.length)) } } : { type: 'paragraph' }
}

/** "Paragraph", "Heading 2", "Bulleted list", "Numbered list". */
export function describeForm(form: BlockForm): string {
  if (form === 'bulletList') return 'Bulleted list'
  if (form === 'orderedList') return 'Numbered list'
  return form === 'paragraph' ? 'Paragraph' : `Heading ${form.slice('heading:'.length)}`
}

/**
 * "Heading 2 (was paragraph)", "Bulleted list, level 2 (nested 1 level in)", "Paragraph (was
 * bulleted list, moved 1 level out)": what accepting a block change makes of the block, `depth`
 * being how many list items it is nested in (0 at a list's top); a nesting is counted against the
 * item the block's item is in.
 */
export function describeBlockChange(form: BlockForm | null, change: Pick<BlockChange, 'formerly' | 'nesting'>, depth: number): string {
  const now = `${form ? describeForm(form) : 'Changed'}${depth > 0 ? `, level ${depth + 1}` : ''}`
  const was = `was ${describeForm(change.formerly).toLowerCase()}`
  if (!change.nesting) return `${now} (${was})`
  return `${now} (${form === change.formerly ? '' : `${was}, `}${describeNesting(change.nesting)})`
}

/** "nested 1 level in", "moved 2 levels out". */
function describeNesting(nesting: number): string {
  const levels = Math.abs(nesting)
  return `${nesting > 0 ? 'nested' : 'moved'} ${levels} level${levels > 1 ? 's' : ''} ${nesting > 0 ? 'in' : 'out'}`
}

/**
 * The mark of a block (a paragraph, heading or list item's paragraph) someone suggested giving a
 * new form: an empty node at the end of its words carrying who suggested it, when, and the form
 * the block had, flat like a suggested break's (lib/story-schema/nodes/suggested-break.ts), as
 * the shared document keeps a node's attributes. The block itself already has the form
 * suggested, so the desk shows it as it would be, with a bar in the suggester's colour after its words; readers
 * get the form it had (lib/story-schema/block-changes.ts) until an editor accepts it. A node
 * rather than attributes of the block, so that the JSON of every other block stays as it was.
 */
export const SuggestedBlock = Node.create({
  name: suggestedBlockName,
  ...suggestionMarker,

  addAttributes() {
    return {
      id: plainAttribute,
      authorId: plainAttribute,
      authorName: plainAttribute,
      at: plainAttribute,
      formerly: plainAttribute,
      nesting: plainAttribute,
    }
  },

  renderHTML({ node }) {
    const change = toBlockChange(node.attrs)
    if (!change) return ['span', { class: 'suggestion suggested-block' }]
    return [
      'span',
      {
        class: `suggestion suggested-block suggestion-colour-${suggestionColourIndex(change.authorName)}`,
        'data-suggestion': change.id,
        title: suggestedBy(
          change.nesting ? `Item ${describeNesting(change.nesting)}` : `Change from ${describeForm(change.formerly).toLowerCase()}`,
          change,
        ),
      },
    ]
  },
})
