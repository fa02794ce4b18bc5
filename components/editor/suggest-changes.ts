import { Fragment, type Mark, type MarkType, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { ReplaceStep } from '@tiptap/pm/transform'
import { type FormatChange, toFormatChange } from '@/lib/story-schema/marks/suggested-format'
import { suggestedBlockName } from '@/lib/story-schema/block-suggestion'
import { type SuggestionAttrs, type SuggestionKind, toSuggestionAttrs } from '@/lib/story-schema/marks/suggestion'
import { type BreakKind, breakKindOf, suggestedBreakName } from '@/lib/story-schema/nodes/suggested-break'
import { settleAttrChanges, suggestAttrs } from './suggest-attrs'
import { suggestBlock } from './suggest-blocks'
import { settleBlocks } from './suggest-blocks-back'
import { givesBackAsBefore } from './suggest-blocks-check'
import { type AcceptedJoin, breakOfStep, isIntoStruckWords, joinAccepted, settleBreak, suggestBreak } from './suggest-breaks'
import { applyFormat, suggestFormat } from './suggest-format'
import { hasNoPlainWordsBefore, suggestBlocksBetween, wordsRangeOf } from './suggest-range'
import { settlesWithOthersAsTheEditor } from './suggest-range-meets'
import { settleWholeBlocks, suggestWholeBlock } from './suggest-whole-blocks'

/** Who is suggesting: stored on every suggestion they make. */
export type Suggester = { id: number; name: string }

/** A transaction that changes suggestions themselves (accept, reject): passed through as it is. */
export const directChangeMeta = 'suggestionDirect'

/**
 * The edit `tr` (made on `state`) turned into a suggestion: the words it adds carry an
 * `insertion` mark, the words it removes stay with a `deletion` mark (the suggester's own
 * insertions are simply removed). A paragraph split or joined is a suggested break instead
 * (suggest-breaks.ts), bold, italic, underline, strikethrough or a link a suggested formatting (suggest-format.ts), and a
 * paragraph made a heading or list item (or back, or an item nested) a suggested block change
 * (suggest-blocks.ts), and a rule, figure or embed inserted or deleted or a quote put on or taken
 * off a suggested whole block (suggest-whole-blocks.ts), and a figure's or embed's caption or image
 * changed a suggested change of its attributes (suggest-attrs.ts). Words deleted or typed over
 * across paragraphs and headings, in lists and quotes too, are one deletion with the blocks suggested joined and the rules, figures
 * and embeds between suggested out (suggest-range.ts). Returns null for an edit that cannot be a
 * suggestion (one that, accepted, would not make what the edit made, say): in suggestion mode those are refused.
 */
export function suggestTransaction(
  state: EditorState,
  tr: Transaction,
  who: Suggester,
  now: Date,
  newId: () => string,
): Transaction | null {
  const newAttrs = () => ({ id: newId(), authorId: who.id, authorName: who.name, at: now.toISOString() })
  const formatted = suggestFormat(state, tr, newAttrs)
  if (formatted) return formatted.setMeta(directChangeMeta, true)
  const changed = suggestAttrs(state, tr, newAttrs)
  if (changed) return changed.setMeta(directChangeMeta, true)
  const reshaped = suggestBlock(state, tr, newAttrs)
  if (reshaped) return givesBackAsBefore(reshaped) ? reshaped.setMeta(directChangeMeta, true) : null
  const whole = suggestWholeBlock(state, tr, newAttrs)
  if (whole) return whole.setMeta(directChangeMeta, true)
  const [step, ...rest] = tr.steps
  const broken = step instanceof ReplaceStep && rest.length === 0 ? suggestBreak(state, step, newAttrs) : null
  if (broken && step instanceof ReplaceStep) {
    return joinSettlesWithOthers(state, step, broken, who.id) ? broken.setMeta(directChangeMeta, true).scrollIntoView() : null
  }
  const range = wordsRangeOf(state.doc, tr)
  if (!range) return null
  const { from, to, content } = range
  const { insertion, deletion } = state.schema.marks
  if (!insertion || !deletion) return null

  const out = state.tr
  const own = (mark: Mark | undefined) => toSuggestionAttrs(mark?.attrs)?.authorId === who.id
  const near = (kind: SuggestionKind, position: number) => nearbyAttrs(state.doc, position, kind, who)
  const deletionAttrs = near('deletion', from) ?? near('deletion', to) ?? newAttrs()

  // What is removed: one's own suggested words and breaks go; anyone else's words are marked for
  // deletion, and their breaks stay; so does the mark of a suggested heading or list item.
  const ownInserted: { from: number; to: number }[] = []
  state.doc.nodesBetween(from, to, (node, position) => {
    if (!node.isInline || node.type.name === suggestedBlockName) return !node.isInline
    const start = Math.max(from, position)
    const end = Math.min(to, position + node.nodeSize)
    if (node.type.name === suggestedBreakName) {
      if (toSuggestionAttrs(node.attrs)?.authorId === who.id) ownInserted.push({ from: start, to: end })
    } else if (own(insertion.isInSet(node.marks))) ownInserted.push({ from: start, to: end })
    else if (!deletion.isInSet(node.marks)) out.addMark(start, end, deletion.create(deletionAttrs))
    return false
  })
  for (const inserted of ownInserted.reverse()) out.delete(inserted.from, inserted.to)
  // Across paragraphs and headings, their breaks are suggested joined and the blocks between suggested out (suggest-range.ts).
  if (!suggestBlocksBetween(state.doc, out, { from, to, isTyped: content.size > 0 }, deletionAttrs)) return null

  // What is added goes after the words it replaces, marked as an insertion; across blocks from
  // the first one's start, before them, so that the first block stays, as it does in the editor;
  // up to a later block's start (or past only words suggested in or struck there), at the first
  // one's end, so that they stay in the block they are typed in.
  const end = out.mapping.map(to)
  const $from = state.doc.resolve(from)
  const isAcross = !$from.sameParent(state.doc.resolve(to))
  const isToStart = isAcross && hasNoPlainWordsBefore(state.doc.resolve(to))
  const typedAt = isAcross && $from.parentOffset === 0 ? out.mapping.map(from, -1) : isToStart ? out.mapping.map($from.end(), -1) : end
  if (content.size > 0) {
    const insertionAttrs = near('insertion', from) ?? near('insertion', to) ?? newAttrs()
    out.insert(typedAt, marked(content, insertion, deletion, insertionAttrs))
    out.setSelection(TextSelection.create(out.doc, typedAt + content.size))
  } else {
    // Backspace leaves the caret before the struck words, Delete after them, so the next key moves on.
    const isForward = state.selection.empty && state.selection.from === from
    out.setSelection(TextSelection.create(out.doc, isForward ? end : out.mapping.map(from, -1)))
  }
  // Through lists and quotes, accepted it must make what the edit made, or it cannot be a
  // suggestion (checked by settling the whole story: blocks side by side are known to join so).
  if (!isSideBySide(state.doc, from, to) && !acceptsAsMade(tr, out)) return null
  // Over someone else's suggestions in its blocks, settled in any order it must make what the editor makes.
  if (!settlesWithOthersAsTheEditor(state, range, out, who.id, settleSuggestions)) return null
  return out.setMeta(directChangeMeta, true).scrollIntoView()
}

/**
 * Whether a paragraph join (`suggested`, for `step`) settles with someone else's suggestions next to
 * it as the editor does: beside their range, it is two ranges that meet (suggest-range-meets.ts).
 */
function joinSettlesWithOthers(state: EditorState, step: ReplaceStep, suggested: Transaction, authorId: number): boolean {
  const isInWords = (position: number) => state.doc.resolve(position).parent.isTextblock
  if (breakOfStep(state.doc, step)?.kind !== 'join' || !isInWords(step.from) || !isInWords(step.to)) return true
  const joined = { from: step.from, to: step.to, content: Fragment.empty }
  return settlesWithOthersAsTheEditor(state, joined, suggested, authorId, settleSuggestions)
}

/** Whether the blocks of words at `from` and `to` are one, or in one parent with only blocks of words, rules, figures and embeds between. */
function isSideBySide(doc: ProseMirrorNode, from: number, to: number): boolean {
  const $from = doc.resolve(from)
  const depth = $from.depth - 1
  if ($from.depth !== doc.resolve(to).depth || $from.sharedDepth(to) < depth) return false
  for (let index = $from.index(depth); index <= doc.resolve(to).index(depth); index += 1) {
    const block = $from.node(depth).child(index)
    if (!block.isTextblock && !block.isAtom) return false
  }
  return true
}

/** Whether accepting every suggestion after `suggested` gives the story that accepting every one after `made` gives. */
function acceptsAsMade(made: Transaction, suggested: Transaction): boolean {
  const allAccepted = (doc: ProseMirrorNode) => {
    const state = EditorState.create({ doc })
    return state.apply(settleSuggestions(state, null, true)).doc
  }
  try {
    return allAccepted(suggested.doc).eq(allAccepted(made.doc))
  } catch {
    // Accepting breaks the story (a list item's paragraph joined into a heading, say): refused.
    return false
  }
}

function marked(content: ProseMirrorNode['content'], insertion: MarkType, deletion: MarkType, attrs: SuggestionAttrs) {
  const nodes: ProseMirrorNode[] = []
  content.forEach((node) => nodes.push(node.mark(insertion.create(attrs).addToSet(deletion.removeFromSet(node.marks)))))
  return nodes
}

/**
 * The attributes of this person's suggestion of that kind right beside `position`, so that a run
 * of keys makes one suggestion (a suggested break is one of its own).
 */
function nearbyAttrs(doc: ProseMirrorNode, position: number, kind: SuggestionKind, who: Suggester): SuggestionAttrs | null {
  const $position = doc.resolve(position)
  for (const node of [$position.nodeBefore, $position.nodeAfter]) {
    if (node?.type.name === suggestedBreakName) continue
    const attrs = toSuggestionAttrs(node?.marks.find((mark) => mark.type.name === kind)?.attrs)
    if (attrs && attrs.authorId === who.id) return attrs
  }
  return null
}

/** Where each suggestion's words are: one entry per stretch of marked text (with its `change` for formatting), or per suggested break (`breakKind`). */
type Stretch = { from: number; to: number; kind: SuggestionKind; id: string; breakKind: BreakKind | null; change?: FormatChange | null }

function stretches(doc: ProseMirrorNode): Stretch[] {
  const found: Stretch[] = []
  doc.descendants((node, position) => {
    if (!node.isInline) return true
    const at = { from: position, to: position + node.nodeSize }
    if (node.type.name === suggestedBreakName) {
      const breakKind = breakKindOf(node.attrs)
      found.push({ ...at, kind: breakKind === 'split' ? 'insertion' : 'deletion', id: String(node.attrs.id), breakKind })
    }
    for (const mark of node.marks) {
      const kind = mark.type.name
      if (kind === 'insertion' || kind === 'deletion') found.push({ ...at, kind, id: String(mark.attrs.id), breakKind: null })
      if (kind === 'formatting') found.push({ ...at, kind, id: String(mark.attrs.id), breakKind: null, change: toFormatChange(mark.attrs) })
    }
    return false
  })
  return found
}

/**
 * Accepts (`accept`) or rejects the suggestions with these ids, or all of them (`ids` null):
 * an accepted insertion becomes plain words and an accepted deletion goes; a rejected insertion
 * goes and a rejected deletion becomes plain words again. Suggested formatting is applied when
 * accepted. A suggested break goes either way: accepted, its paragraph splits or joins (suggest-breaks.ts),
 * a join once the blocks settled with it are gone from between.
 * A suggested block change keeps its form accepted and takes back the one it had rejected (suggest-blocks-back.ts);
 * a quote, rule, figure or embed suggested in or out is there or not (suggest-whole-blocks.ts); a figure
 * or embed suggested changed keeps its values accepted and takes back those it had rejected (suggest-attrs.ts).
 */
export function settleSuggestions(state: EditorState, ids: readonly string[] | null, accept: boolean): Transaction {
  const tr = state.tr.setMeta(directChangeMeta, true)
  const chosen = stretches(state.doc).filter((stretch) => ids === null || ids.includes(stretch.id))
  const goes = (stretch: Stretch) =>
    stretch.breakKind !== null || (stretch.kind !== 'formatting' && (stretch.kind === 'deletion') === accept)
  for (const stretch of chosen.filter((one) => !goes(one))) {
    const type = state.schema.marks[stretch.kind]
    if (type) tr.removeMark(stretch.from, stretch.to, type)
    if (accept && stretch.change) applyFormat(tr, stretch.from, stretch.to, stretch.change)
  }
  const joins: AcceptedJoin[] = []
  for (const stretch of chosen.filter(goes).reverse()) {
    const from = tr.mapping.map(stretch.from)
    if (!stretch.breakKind) {
      tr.delete(from, tr.mapping.map(stretch.to))
      continue
    }
    const isJoin = accept && stretch.breakKind === 'join'
    const join = settleBreak(tr, from, stretch.breakKind, accept, isJoin && isIntoStruckWords(state.doc, stretch.from))
    if (join) joins.push(join)
  }
  settleBlocks(tr, ids, accept)
  settleWholeBlocks(tr, ids, accept)
  settleAttrChanges(tr, ids, accept)
  joinAccepted(tr, joins)
  return tr
}
