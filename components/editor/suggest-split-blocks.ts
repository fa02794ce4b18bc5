import { NodeRange, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { type ReplaceAroundStep, Transform, canJoin, liftTarget } from '@tiptap/pm/transform'
import type { SuggestionAttrs } from '@/lib/story-schema/marks/suggestion'
import { type JoinSide, joinedAttribution, joinsAfter, joinsBefore } from '@/lib/story-schema/split-blocks'
import { toWholeBlockChange } from '@/lib/story-schema/whole-blocks'

// Whole-block suggestions that split a block (lib/story-schema/split-blocks.ts): a rule, figure or
// embed put in the middle of a paragraph's words, and part of a block quote taken off. The block
// is split at once in the desk; rejected (or one's own withdrawn), the pieces are joined back.

/**
 * Whether the rule, figure or embed at `position` of `tr`'s document is all that `tr` does: taken
 * out again, the paragraph it is in the middle of is whole and the body as it was.
 */
export function splitsParagraph(tr: Transaction, position: number): boolean {
  const node = tr.doc.nodeAt(position)
  if (!node) return false
  const undone = new Transform(tr.doc).delete(position, position + node.nodeSize)
  return joinTextblocks(undone, position) && undone.doc.eq(tr.before)
}

/** Deletes the rule, figure or embed `node` at `position`; one that split a paragraph's words leaves the paragraph whole again. */
export function removeWholeAtom(tr: Transform, position: number, node: ProseMirrorNode): void {
  tr.delete(position, position + node.nodeSize)
  if (toWholeBlockChange(node.attrs)?.joins) joinTextblocks(tr, position)
}

/** Joins the textblocks either side of `position` when they are of one type and form. */
function joinTextblocks(tr: Transform, position: number): boolean {
  const $at = tr.doc.resolve(position)
  const { nodeBefore: before, nodeAfter: after } = $at
  if (!before?.isTextblock || !after || !before.hasMarkup(after.type, after.attrs) || !canJoin(tr.doc, position)) return false
  tr.join(position)
  return true
}

/**
 * `tr` (its one `step`) taking some of a block quote's paragraphs, not all, out of it, as a
 * suggestion with `attrs`: the quote is split into the parts kept and the part taken off, which
 * is suggested out and says which parts it was split from. One's own new quote simply loses
 * the part. Null when `tr` is not that, when the quote is someone else's suggestion or suggested
 * out, or when a part of another quote split as a suggestion is beside it (its join would be lost).
 */
export function suggestQuotePart(
  state: EditorState,
  tr: Transaction,
  step: ReplaceAroundStep,
  attrs: () => SuggestionAttrs,
): Transaction | null {
  const { gapFrom, gapTo } = step
  const $from = state.doc.resolve(gapFrom)
  const $to = state.doc.resolve(gapTo)
  const quote = $from.parent
  if (quote.type.name !== 'blockquote' || !$from.sameParent($to) || gapFrom >= gapTo || $from.depth === 0) return null
  const range = new NodeRange($from, $to, $from.depth)
  const target = liftTarget(range)
  if (target === null || !new Transform(state.doc).lift(range, target).doc.eq(tr.doc)) return null
  const made = attrs()
  const change = toWholeBlockChange(quote.attrs)
  if (change) return change.suggested === 'insertion' && change.authorId === made.authorId ? tr : null
  const $quote = state.doc.resolve($from.before())
  const isJoinedHere = (node: ProseMirrorNode | null, side: (joins: JoinSide | null | undefined) => boolean) =>
    node?.type === quote.type && side(toWholeBlockChange(node.attrs)?.joins)
  if (isJoinedHere($quote.nodeBefore, joinsAfter) || isJoinedHere(state.doc.nodeAt($from.after()), joinsBefore)) return null
  const keepsHead = gapFrom > $from.start()
  const keepsTail = gapTo < $from.end()
  const joins: JoinSide = keepsHead && keepsTail ? 'both' : keepsHead ? 'before' : 'after'
  const partAttrs = { ...quote.attrs, ...made, suggested: 'deletion', joins }
  const out = state.tr
  if (keepsTail) out.split(gapTo)
  if (keepsHead) out.split(gapFrom, 1, [{ type: quote.type, attrs: partAttrs }])
  else out.setNodeMarkup($quote.pos, undefined, partAttrs)
  return out.setSelection(state.selection.map(out.doc, out.mapping))
}

/**
 * Joins the quote part at `position` (no longer suggested) back into the quotes it was split from
 * (`joins`), when they are there and suggest nothing: one quote again, naming the source the
 * last of its parts names.
 */
export function joinQuoteBack(tr: Transform, position: number, joins: JoinSide): void {
  const part = tr.doc.nodeAt(position)
  if (!part) return
  const isPlainQuote = (node: ProseMirrorNode | null | undefined): node is ProseMirrorNode =>
    node?.type === part.type && !node.attrs.suggested
  const end = position + part.nodeSize
  const next = tr.doc.nodeAt(end)
  const parts = [part]
  if (joinsAfter(joins) && isPlainQuote(next) && canJoin(tr.doc, end)) {
    tr.join(end)
    parts.push(next)
  }
  const before = tr.doc.resolve(position).nodeBefore
  let start = position
  if (joinsBefore(joins) && isPlainQuote(before) && canJoin(tr.doc, position)) {
    tr.join(position)
    start = position - before.nodeSize
    parts.unshift(before)
  }
  tr.setNodeAttribute(start, 'attribution', joinedAttribution(...parts.map((one) => one.attrs.attribution)))
}
