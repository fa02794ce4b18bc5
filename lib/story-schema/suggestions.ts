import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { type SuggestionAttrs, type SuggestionKind, suggestionKinds, toSuggestionAttrs } from './marks/suggestion'
import { describeFormat, toFormatChange } from './marks/suggested-format'
import { type BreakKind, breakKindOf, suggestedBreakName } from './nodes/suggested-break'
import { blockChangeOf, formerBlocks, formerOutOfLists } from './block-changes'
import { formerNesting } from './block-nesting'
import { describeBlockChange, isListForm, suggestedBlockName } from './block-suggestion'
import { attrChangeOf, describeAttrChange, formerAttrs, hasAttrChange, isAttrChangeType } from './attr-changes'
import { joinedBack } from './split-blocks'
import { describeWholeBlock, formerWholeBlock, isWholeBlockType, wholeAtomWords, wholeBlockChangeOf, wholeBlockJoins } from './whole-blocks'

/** What a suggestion changes: words (marks), or a whole block's form (`block`, lib/story-schema/block-suggestion.ts). */
export type PendingKind = SuggestionKind | 'block'

/**
 * One pending suggestion of a body: its kind, who made it and when, its words, for formatting what
 * it does ("Bold"), for a block change what it makes of the block ("Heading 2 (was paragraph)"),
 * and for a paragraph break alone whether it splits or joins.
 */
export type PendingSuggestion = SuggestionAttrs & {
  kind: PendingKind
  text: string
  format?: string
  block?: string
  paragraphBreak?: BreakKind
}

/**
 * THE body as readers get it while suggestions are pending: words suggested for adding are left
 * out, words suggested for removal stay (they are not removed until an editor accepts), words
 * suggested for formatting (or a link) keep the formatting they have,
 * a block suggested as a heading or list item is what it was (block-changes.ts), a list item
 * suggested nested (or taken out) is where it was (block-nesting.ts), a quote, rule, figure or
 * embed suggested in is not there and one suggested out is (whole-blocks.ts), a block that split
 * another (a rule in a paragraph's words, part of a quote taken off) leaves it whole (split-blocks.ts),
 * a figure or embed whose caption or image is suggested changed has the values it had
 * (attr-changes.ts), and a
 * suggested paragraph break is not there (paragraphs are split and joined once accepted). Every
 * text a reader gets is made from this: the page and the Content API's HTML (lib/rich-text.ts),
 * and the plain text that search, word counts and structured data read (lib/rich-text-plain.ts).
 */
export function forReaders(doc: RichTextDoc): RichTextDoc {
  if (!hasSuggestion(doc)) return doc
  return { ...doc, content: readerContent(formerNesting(formerOutOfLists(doc.content ?? []))) }
}

function readerContent(nodes: RichTextNode[]): RichTextNode[] {
  return joinedBack(formerBlocks(nodes), readerNode, wholeBlockJoins)
}

function readerNode(suggested: RichTextNode): RichTextNode[] {
  if (
    suggested.type === suggestedBreakName ||
    suggested.type === suggestedBlockName ||
    suggested.marks?.some((mark) => mark.type === 'insertion')
  )
    return []
  const node = formerAttrs(suggested)
  const whole = formerWholeBlock(node, readerContent)
  if (whole) return whole
  const marks = node.marks?.filter((mark) => !isSuggestionType(mark.type))
  const copy: RichTextNode = { ...node }
  if (marks && marks.length > 0) copy.marks = marks
  else delete copy.marks
  if (node.content) copy.content = readerContent(node.content)
  return [copy]
}

/** Whether any words of `node` carry a suggestion mark, or it holds a suggested break or block change: the cheap test before a closer look. */
export function hasSuggestion(node: RichTextNode): boolean {
  return (
    node.type === suggestedBreakName ||
    node.type === suggestedBlockName ||
    (isWholeBlockType(node.type) && Boolean(node.attrs?.suggested)) ||
    hasAttrChange(node) ||
    Boolean(node.marks?.some((mark) => isSuggestionType(mark.type))) ||
    (node.content ?? []).some(hasSuggestion)
  )
}

function isSuggestionType(type: string): type is SuggestionKind {
  return (suggestionKinds as readonly string[]).includes(type)
}

/** The suggestions waiting in a body, in the order their words appear: one per id and kind. */
export function pendingSuggestions(doc: RichTextDoc): PendingSuggestion[] {
  const found = new Map<string, PendingSuggestion>()
  eachSuggestedPiece(doc, (kind, attrs, words, stored, breakKind) => {
    const key = `${kind}:${attrs.id}`
    const known = found.get(key)
    const change = kind === 'formatting' ? toFormatChange(stored) : null
    if (known) {
      known.text += kind === 'block' ? ` ${words}` : words
      delete known.paragraphBreak
    } else if (kind === 'block') found.set(key, { ...attrs, kind, text: words, block: String(stored) })
    else if (change) found.set(key, { ...attrs, kind, text: words, format: describeFormat(change) })
    else found.set(key, breakKind ? { ...attrs, kind, text: words, paragraphBreak: breakKind } : { ...attrs, kind, text: words })
  })
  return [...found.values()]
}

/** The words a suggested paragraph break reads as: a suggested split is an insertion of it, a suggested join a deletion. */
const breakWords = '¶'

/**
 * Every piece of a body a suggestion marks, in order, with its kind, attributes and words: the
 * same suggestion may mark many. A suggested paragraph break is a piece of its own, with its
 * kind; a block with a suggested change is one with its words, `stored` saying what the change is.
 */
export function eachSuggestedPiece(
  doc: RichTextDoc,
  visit: (kind: PendingKind, attrs: SuggestionAttrs, words: string, stored: unknown, breakKind?: BreakKind) => void,
): void {
  // `depth`: how many list items a node is in, counting from 0 at a top list's items.
  const walk = (node: RichTextNode, index: number, listType: string | null, depth: number) => {
    const block = blockChangeOf(node, index === 0 ? listType : null)
    if (block) visit('block', block.change, wordsOf(node), describeBlockChange(block.form, block.change, Math.max(0, depth)))
    const whole = wholeBlockChangeOf(node)
    if (whole && isWholeBlockType(node.type)) {
      const words = node.content ? wordsOf(node) : wholeAtomWords(node)
      visit('block', whole, words, describeWholeBlock(node.type, whole))
    }
    const changed = attrChangeOf(node)
    if (changed && isAttrChangeType(node.type))
      visit('block', changed.who, wholeAtomWords(node), describeAttrChange(node.type, changed.parts))
    const breakAttrs = node.type === suggestedBreakName ? toSuggestionAttrs(node.attrs) : null
    if (breakAttrs) {
      const breakKind = breakKindOf(node.attrs)
      visit(breakKind === 'split' ? 'insertion' : 'deletion', breakAttrs, breakWords, node.attrs, breakKind)
    }
    for (const mark of node.marks ?? []) {
      if (!isSuggestionType(mark.type)) continue
      const attrs = toSuggestionAttrs(mark.attrs)
      if (attrs) visit(mark.type, attrs, node.text ?? (node.type === 'hardBreak' ? ' ' : ''), mark.attrs)
    }
    const itemsOf = node.type === 'listItem' ? listType : null
    const inner = isListForm(node.type) ? node.type : itemsOf
    const innerDepth = node.type === 'listItem' ? depth + 1 : depth
    node.content?.forEach((child, childIndex) => walk(child, childIndex, inner, innerDepth))
  }
  doc.content?.forEach((child, index) => walk(child, index, null, -1))
}

function wordsOf(node: RichTextNode): string {
  return node.text ?? (node.content ?? []).map(wordsOf).join('')
}
