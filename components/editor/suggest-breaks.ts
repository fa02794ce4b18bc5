import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { ReplaceStep, canSplit } from '@tiptap/pm/transform'
import type { SuggestionAttrs } from '@/lib/story-schema/marks/suggestion'
import { type BreakKind, breakKindOf, suggestedBreakName } from '@/lib/story-schema/nodes/suggested-break'

// Paragraph breaks as suggestions: Enter leaves a pilcrow (lib/story-schema/nodes/suggested-break.ts)
// where the paragraph would split; Backspace at a paragraph's start or Delete at its end leaves
// one at the end of the first paragraph. Accepting them splits or joins for real.

/**
 * The paragraph break `step` makes or removes: a `split` at the position Enter split a
 * paragraph, or a `join` at the end of the first of two paragraphs it joined (an empty one
 * removed is joined too). Null for any other step.
 */
export function breakOfStep(doc: ProseMirrorNode, step: ReplaceStep): { kind: BreakKind; at: number } | null {
  const { from, to, slice } = step as ReplaceStep & { from: number; to: number }
  const $from = doc.resolve(from)
  const isParagraph = (node: ProseMirrorNode | null | undefined) => node?.type.name === 'paragraph'
  if (from === to && slice.openStart === 1 && slice.openEnd === 1 && slice.content.childCount === 2) {
    const isSplit = isParagraph($from.parent) && slice.content.firstChild?.content.size === 0 && slice.content.lastChild?.content.size === 0
    return isSplit ? { kind: 'split', at: from } : null
  }
  if (slice.size > 0) return null
  const $to = doc.resolve(to)
  if (to - from === 2 && isParagraph($from.parent) && isParagraph($to.parent) && from === $from.end() && to === $to.start()) {
    return { kind: 'join', at: from }
  }
  const removed = doc.nodeAt(from)
  const isEmptyRemoved = isParagraph(removed) && removed?.content.size === 0 && to === from + (removed?.nodeSize ?? 0)
  return isEmptyRemoved && isParagraph($to.nodeAfter) ? { kind: 'join', at: from + 1 } : null
}

/** `step`'s paragraph break as a suggestion with `attrs` (made only when it is one), or null when it is not a break. */
export function suggestBreak(state: EditorState, step: ReplaceStep, attrs: () => SuggestionAttrs): Transaction | null {
  const found = breakOfStep(state.doc, step)
  const pilcrow = state.schema.nodes[suggestedBreakName]
  if (!found || !pilcrow) return null
  const tr = state.tr
  if (found.kind === 'split') {
    tr.insert(found.at, pilcrow.create({ kind: 'split', ...attrs() }))
    return tr.setSelection(TextSelection.create(tr.doc, found.at + 1))
  }
  const before = state.doc.resolve(found.at).nodeBefore
  const isSuggested = before?.type === pilcrow && breakKindOf(before.attrs) === 'join'
  if (!isSuggested) tr.insert(found.at, pilcrow.create({ kind: 'join', ...attrs() }))
  // Backspace leaves the caret at the first paragraph's end, Delete at the next one's start.
  const isForward = state.selection.from <= found.at
  return tr.setSelection(TextSelection.create(tr.doc, isForward ? tr.mapping.map(found.at) + 2 : found.at))
}

/**
 * Where an accepted join's paragraph ends (`position`, in the document after step `afterStep` of
 * the settling transaction), and whether the block after it began with words struck in the same
 * suggestion (`isIntoWords`: the range ended inside that block's words, not at its start).
 */
export type AcceptedJoin = { position: number; afterStep: number; isIntoWords: boolean }

/**
 * Settles the suggested break at `position` of `tr`'s document: it goes, and accepted, its
 * paragraph splits where it stood (`split`), or for a `join` is returned to join the next one
 * once everything settled with it is (`joinAccepted`): a rule, figure or embed suggested out in
 * the same deletion goes from between them first.
 */
export function settleBreak(
  tr: Transaction,
  position: number,
  kind: BreakKind,
  accept: boolean,
  isIntoWords: boolean,
): AcceptedJoin | null {
  tr.delete(position, position + 1)
  if (accept && kind === 'split' && canSplit(tr.doc, position)) tr.split(position)
  return accept && kind === 'join' ? { position, afterStep: tr.steps.length, isIntoWords } : null
}

/**
 * Whether the next block of words after the suggested break at `position` of `doc` (past any rule,
 * figure or embed suggested out with it) begins with words struck under the break's id.
 */
export function isIntoStruckWords(doc: ProseMirrorNode, position: number): boolean {
  const id = doc.nodeAt(position)?.attrs.id
  const next: ProseMirrorNode[] = []
  doc.nodesBetween(doc.resolve(position).after(), doc.content.size, (node) => {
    if (next.length === 0 && node.isTextblock) next.push(node)
    return next.length === 0
  })
  const first = next[0]?.firstChild
  return first?.marks.some((mark) => mark.type.name === 'deletion' && mark.attrs.id === id) ?? false
}

/**
 * Joins the paragraph (or heading) of each accepted join (`settleBreak`) with the next block of
 * words, where only the ends and starts of blocks (a list's, an item's, a quote's) lie between
 * them. A run of joins, one range's, is made as the editor deletes from the end of the first
 * block's words to the start of the last's, or past the last one's struck words when the range
 * ended inside them (`deleteRange`): the first takes the last one's words, or, left with none of
 * its own, goes, and what that empties goes too; an item that still holds a list keeps its
 * emptied paragraph, and an item or list left with no words at all goes. When someone's words are
 * left in a block between, each block takes the next one's instead, from the last back, in the
 * form `takesNextForm` gives it, so that none is lost.
 */
export function joinAccepted(tr: Transaction, joins: readonly AcceptedJoin[]): void {
  const positions = joins.map(({ position, afterStep }) => tr.mapping.slice(afterStep).map(position, -1))
  const intoWords = new Set(positions.filter((_, index) => joins[index]?.isIntoWords))
  const steps = tr.steps.length
  // The last run first: what it changes comes after the runs still to join.
  for (const run of runsOf(tr.doc, positions).reverse()) {
    const now = (position: number) => tr.mapping.slice(steps).map(position, -1)
    const $first = tr.doc.resolve(now(run[0] ?? 0))
    const last = textblockBeside(tr.doc, tr.doc.resolve(now(run.at(-1) ?? 0)).after(), 1)
    const isEmptyBetween = run.slice(1).every((position) => tr.doc.resolve(now(position)).parent.content.size === 0)
    if (last && isEmptyBetween && intoWords.has(run.at(-1) ?? -1)) {
      // The editor's deletion lifts or removes blocks by where its ends fall (`deleteRange`): this
      // one ended inside the last block's words, which are gone now, so a stand-in letter, deleted
      // with the rest, puts that end inside words again and the deletion takes the editor's shape.
      tr.insert(last.position + 1, tr.doc.type.schema.text('x'))
      tr.deleteRange($first.end(), last.position + 2)
    } else if (last && isEmptyBetween) tr.deleteRange($first.end(), last.position + 1)
    else for (const position of [...run].reverse()) joinNext(tr, now(position))
  }
}

/** Joins the block of words at `position` with the next one, in the form `takesNextForm` gives it. */
function joinNext(tr: Transaction, position: number): void {
  const $at = tr.doc.resolve(position)
  const next = $at.parent.isTextblock ? textblockBeside(tr.doc, $at.after(), 1) : null
  if (!next) return
  if (takesNextForm($at.parent, $at.parent.content.size > 0, next.node, next.node.content.size > 0)) {
    tr.setNodeMarkup($at.before(), next.node.type, next.node.attrs)
  }
  tr.delete($at.end(), next.position + 1)
}

/** The joins at these positions of `doc` (each the end of a block of words), in runs each joining a block to the next: one range's each. */
function runsOf(doc: ProseMirrorNode, positions: readonly number[]): number[][] {
  const runs: number[][] = []
  let previous: number | null = null
  for (const position of [...positions].sort((one, other) => one - other)) {
    const $previous = previous === null ? null : doc.resolve(previous)
    const $at = doc.resolve(position)
    const follows =
      $previous?.parent.isTextblock && $at.parent.isTextblock && textblockBeside(doc, $previous.after(), 1)?.position === $at.before()
    const run = runs.at(-1)
    if (follows && run) run.push(position)
    else runs.push([position])
    previous = position
  }
  return runs
}

/**
 * The block of words beside `position`, after it (`side` 1) or before it (-1), with only the ends
 * and starts of blocks (a list's, an item's, a quote's) between, and the position just outside it.
 */
export function textblockBeside(doc: ProseMirrorNode, position: number, side: 1 | -1): { node: ProseMirrorNode; position: number } | null {
  for (let at = position; at >= 0 && at <= doc.content.size; at += side) {
    const $at = doc.resolve(at)
    const beside = side === 1 ? $at.nodeAfter : $at.nodeBefore
    if (beside?.isTextblock) return { node: beside, position: at }
    if (beside && (beside.isLeaf || beside.isInline)) return null
  }
  return null
}

/**
 * Whether a block joined from `first` and `next` takes the next one's form rather than keeping
 * the first one's: when none of the first one's words are left and some words are, as the
 * editor's own deletion from a block's start into another's words does.
 */
export function takesNextForm(first: ProseMirrorNode, hasFirstWords: boolean, next: ProseMirrorNode, hasWords: boolean): boolean {
  return !hasFirstWords && hasWords && !first.sameMarkup(next)
}
