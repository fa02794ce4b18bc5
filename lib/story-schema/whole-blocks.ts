import { Extension } from '@tiptap/core'
import { z } from 'zod'
import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { suggestedBy, suggestionAttrsSchema, suggestionColourIndex } from './marks/suggestion'
import { toAttribution } from './nodes/blockquote'
import { plainAttribute } from './nodes/suggestion-marker'
import { type JoinSide, joinSideSchema } from './split-blocks'

/**
 * The blocks whose coming or going may be suggested whole: a block quote put around paragraphs or
 * taken off them (the toolbar's Block quote), and a horizontal rule, a figure or an embed
 * inserted or deleted (`isWholeAtomType`).
 */
export const wholeBlockTypes = ['blockquote', 'horizontalRule', 'figure', 'embed'] as const
export type WholeBlockType = (typeof wholeBlockTypes)[number]

/** The whole blocks that are atoms (a rule, a figure, an embed): inserted and deleted as one, with nothing inside to type in. */
export function isWholeAtomType(type: string): boolean {
  return isWholeBlockType(type) && type !== 'blockquote'
}

export function isWholeBlockType(type: string): type is WholeBlockType {
  return (wholeBlockTypes as readonly string[]).includes(type)
}

/** What each whole block is called in the Suggestions list and in its title. */
const wholeBlockNames: Record<WholeBlockType, string> = {
  blockquote: 'block quote',
  horizontalRule: 'horizontal rule',
  figure: 'figure',
  embed: 'embed',
}

/**
 * A suggested whole block: who and when, whether it is suggested in (`insertion`) or out
 * (`deletion`), and for one that split a block, which neighbours it was split from (`joins`,
 * lib/story-schema/split-blocks.ts). Kept as the block's own flat attributes, as the shared
 * document keeps a node's attributes but not the marks of a node that is not text.
 */
export const wholeBlockChangeSchema = suggestionAttrsSchema.extend({
  suggested: z.enum(['insertion', 'deletion']),
  joins: joinSideSchema.nullish(),
})
export type WholeBlockChange = z.infer<typeof wholeBlockChangeSchema>

/** The attributes a whole block carries while its coming or going is suggested (null otherwise). */
export const wholeBlockAttrNames = ['suggested', 'id', 'authorId', 'authorName', 'at', 'joins'] as const

export function toWholeBlockChange(attrs: unknown): WholeBlockChange | null {
  const parsed = wholeBlockChangeSchema.safeParse(attrs)
  return parsed.success ? parsed.data : null
}

/** A rule's attributes as stored: its suggestion, if any. */
export function toRuleAttrs(attrs: Record<string, unknown>): Record<string, unknown> {
  return toWholeBlockChange(attrs) ?? {}
}

/**
 * A figure's or embed's attributes as stored (`own`, its own made safe, or null when it is dropped)
 * with its suggestion, if any.
 */
export function withWholeBlockChange<T extends object>(own: (attrs: Record<string, unknown>) => T | null) {
  return (attrs: Record<string, unknown>): (T & Partial<WholeBlockChange>) | null => {
    const safe = own(attrs)
    return safe ? { ...safe, ...toWholeBlockChange(attrs) } : null
  }
}

/** A block quote's attributes as stored: its attribution if it has one, and its suggestion if any. */
export function toQuoteAttrs(attrs: Record<string, unknown>): Record<string, unknown> | undefined {
  const result = { ...('attribution' in attrs ? { attribution: toAttribution(attrs.attribution) } : {}), ...toWholeBlockChange(attrs) }
  return Object.keys(result).length > 0 ? result : undefined
}

/** The attributes that make a block no longer suggested. */
export const noWholeBlockChange = Object.fromEntries(wholeBlockAttrNames.map((name) => [name, null]))

/** "New block quote", "No block quote", "New figure (splitting a paragraph)"…: what accepting it does. */
export function describeWholeBlock(type: WholeBlockType, change: Pick<WholeBlockChange, 'suggested' | 'joins'>): string {
  const what = wholeBlockNames[type]
  const split = !change.joins ? '' : change.suggested === 'insertion' ? ' (splitting a paragraph)' : ' (on part of the quote)'
  return `${change.suggested === 'insertion' ? 'New' : 'No'} ${what}${split}`
}

/** The words a suggested figure or embed is listed with: its caption (an embed without one, its address). */
export function wholeAtomWords(node: RichTextNode): string {
  const caption = typeof node.attrs?.caption === 'string' ? node.attrs.caption : ''
  const url = node.type === 'embed' && typeof node.attrs?.url === 'string' ? node.attrs.url : ''
  return caption || url
}

/**
 * The suggestion attributes of a block quote, rule, figure or embed. In the desk a suggested block
 * is drawn in the suggester's colour (struck and dimmed when suggested out) with who and when in
 * its title; readers get the body as it was (lib/story-schema/suggestions.ts), where these never remain.
 */
export const WholeBlockSuggestions = Extension.create({
  name: 'wholeBlockSuggestions',

  addGlobalAttributes() {
    const plain = Object.fromEntries(wholeBlockAttrNames.filter((name) => name !== 'suggested').map((name) => [name, plainAttribute]))
    return wholeBlockTypes.map((type) => ({
      types: [type],
      attributes: {
        ...plain,
        suggested: {
          default: null,
          parseHTML: () => null,
          renderHTML: (attrs: Record<string, unknown>) => {
            const change = toWholeBlockChange(attrs)
            if (!change) return {}
            return {
              class: `suggestion suggested-whole suggested-whole-${change.suggested} suggestion-colour-${suggestionColourIndex(change.authorName)}`,
              'data-suggestion': change.id,
              title: suggestedBy(describeWholeBlock(type, change), change),
            }
          },
        },
      },
    }))
  },
})

/** The suggested coming or going of a block in a body's JSON, if any. */
export function wholeBlockChangeOf(node: RichTextNode): WholeBlockChange | null {
  return isWholeBlockType(node.type) && node.attrs?.suggested ? toWholeBlockChange(node.attrs) : null
}

/** Which neighbours a block whose coming or going is suggested was split from, if any. */
export function wholeBlockJoins(node: RichTextNode): JoinSide | null {
  return wholeBlockChangeOf(node)?.joins ?? null
}

/**
 * A block as readers get it: a quote, rule, figure or embed suggested in is not there (a quote's paragraphs are,
 * `inner` the reader's form of them), one suggested out is as it was, without the suggestion.
 */
export function formerWholeBlock(node: RichTextNode, inner: (nodes: RichTextNode[]) => RichTextNode[]): RichTextNode[] | null {
  if (!isWholeBlockType(node.type) || !node.attrs || !wholeBlockAttrNames.some((name) => name in (node.attrs ?? {}))) return null
  const change = wholeBlockChangeOf(node)
  if (change?.suggested === 'insertion') return inner(node.content ?? [])
  const attrs = otherAttrsOf(node.attrs)
  const copy: RichTextNode = { ...node, attrs }
  if (Object.keys(attrs).length === 0) delete copy.attrs
  if (node.content) copy.content = inner(node.content)
  return [copy]
}

/**
 * `doc` (the editor's JSON) without the suggestion attributes its rules and quotes hold as null
 * when nothing about them is suggested: a body with no block suggested reads as it was saved (the
 * schema fills those attributes in on every rule and quote). A copy: the JSON shares its attributes
 * with the editor's nodes.
 */
export function withoutUnsuggestedAttrs(doc: RichTextDoc): RichTextDoc {
  return doc.content ? { ...doc, content: doc.content.map(unsuggestedLeftOut) } : doc
}

function unsuggestedLeftOut(node: RichTextNode): RichTextNode {
  const copy = node.content ? { ...node, content: node.content.map(unsuggestedLeftOut) } : { ...node }
  if (isWholeBlockType(node.type) && node.attrs && !node.attrs.suggested) {
    const attrs = otherAttrsOf(node.attrs)
    if (Object.keys(attrs).length > 0) copy.attrs = attrs
    else delete copy.attrs
  }
  return copy
}

/** A block's attributes but those of a suggestion of it. */
function otherAttrsOf(attrs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attrs).filter(([name]) => !(wholeBlockAttrNames as readonly string[]).includes(name)))
}
