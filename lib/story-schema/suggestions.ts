import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { type SuggestionAttrs, type SuggestionKind, suggestionKinds, toSuggestionAttrs } from './marks/suggestion'
import { describeFormat, toFormatChange } from './marks/suggested-format'
import { type BreakKind, breakKindOf, suggestedBreakName } from './nodes/suggested-break'

/**
 * One pending suggestion of a body: its kind, who made it and when, its words, for formatting what
 * it does ("Bold"), and for a paragraph break alone whether it splits or joins.
 */
export type PendingSuggestion = SuggestionAttrs & { kind: SuggestionKind; text: string; format?: string; paragraphBreak?: BreakKind }

/**
 * THE body as readers get it while suggestions are pending: words suggested for adding are left
 * out, words suggested for removal stay (they are not removed until an editor accepts), words
 * suggested for formatting keep the formatting they have, and a
 * suggested paragraph break is not there (paragraphs are split and joined once accepted). Every
 * text a reader gets is made from this: the page and the Content API's HTML (lib/rich-text.ts),
 * and the plain text that search, word counts and structured data read (lib/rich-text-plain.ts).
 */
export function forReaders(doc: RichTextDoc): RichTextDoc {
  if (!hasSuggestion(doc)) return doc
  return { ...doc, content: (doc.content ?? []).flatMap(readerNode) }
}

function readerNode(node: RichTextNode): RichTextNode[] {
  if (node.type === suggestedBreakName || node.marks?.some((mark) => mark.type === 'insertion')) return []
  const marks = node.marks?.filter((mark) => !isSuggestionType(mark.type))
  const copy: RichTextNode = { ...node }
  if (marks && marks.length > 0) copy.marks = marks
  else delete copy.marks
  if (node.content) copy.content = node.content.flatMap(readerNode)
  return [copy]
}

/** Whether any words of `node` carry a suggestion mark, or it holds a suggested break: the cheap test before a closer look. */
export function hasSuggestion(node: RichTextNode): boolean {
  return (
    node.type === suggestedBreakName ||
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
      known.text += words
      delete known.paragraphBreak
    } else if (change) found.set(key, { ...attrs, kind, text: words, format: describeFormat(change) })
    else found.set(key, breakKind ? { ...attrs, kind, text: words, paragraphBreak: breakKind } : { ...attrs, kind, text: words })
  })
  return [...found.values()]
}

/** The words a suggested paragraph break reads as: a suggested split is an insertion of it, a suggested join a deletion. */
const breakWords = '¶'

/**
 * Every piece of a body a suggestion marks, in order, with its kind, attributes and words: the
 * same suggestion may mark many. A suggested paragraph break is a piece of its own, with its kind.
 */
export function eachSuggestedPiece(
  doc: RichTextDoc,
  visit: (kind: SuggestionKind, attrs: SuggestionAttrs, words: string, stored: unknown, breakKind?: BreakKind) => void,
): void {
  const walk = (node: RichTextNode) => {
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
    node.content?.forEach(walk)
  }
  doc.content?.forEach(walk)
}
