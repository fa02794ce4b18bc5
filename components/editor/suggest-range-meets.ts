import { type Node as ProseMirrorNode, Slice } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { type Mapping, Transform } from '@tiptap/pm/transform'
import { toSuggestionAttrs } from '@/lib/story-schema/marks/suggestion'
import type { WordsRange } from './suggest-range'
import { textblockBeside } from './suggest-breaks'

// A range across blocks suggested over someone else's pending suggestions in its blocks (two
// ranges that meet, say): the editor's story is theirs settled first, then this edit made on what
// that left. Accepted together or one after the other, or one of them rejected, the story must
// come out as the editor's would; where some order would not (two joins run together taking the
// last block's form, where the editor, theirs accepted first, keeps the first one's), the range is
// refused rather than recorded wrong.

/** Accepts (`accept`) or rejects the suggestions with these ids (settleSuggestions in suggest-changes.ts). */
export type Settle = (state: EditorState, ids: readonly string[], accept: boolean) => Transaction

/**
 * Whether the range `range`, edited on `state` and suggested by `authorId` as `suggested`, settles as
 * the editor does in every order with the other suggestions in and next to its blocks: all accepted
 * at once, theirs or this one first, or theirs rejected. True when there are none.
 */
export function settlesWithOthersAsTheEditor(
  state: EditorState,
  range: WordsRange,
  suggested: Transaction,
  authorId: number,
  settle: Settle,
): boolean {
  const $from = state.doc.resolve(range.from)
  const $to = state.doc.resolve(range.to)
  if ($from.sameParent($to)) return true
  // A join suggested at the end of the block before joins into this range's first block too.
  const before = textblockBeside(state.doc, $from.before(), -1)
  const others = suggestionIds(state.doc, before ? before.position - 2 : $from.start(), $to.end(), (author) => author !== authorId)
  if (others.length === 0) return true
  const ours = suggestionIds(
    suggested.doc,
    suggested.mapping.map($from.start(), -1),
    suggested.mapping.map($to.end()),
    (author) => author === authorId,
  )
  try {
    return settlesInEveryOrder({ state, range, after: EditorState.create({ doc: suggested.doc }), others, ours, authorId }, settle)
  } catch {
    // Some order of settling breaks the story (an item left with no paragraph, say): refused too.
    return false
  }
}

type Settling = { state: EditorState; range: WordsRange; after: EditorState; others: string[]; ours: string[]; authorId: number }

function settlesInEveryOrder({ state, range, after, others, ours, authorId }: Settling, settle: Settle): boolean {
  const settled = (from: EditorState, ids: readonly string[], accept: boolean) => from.apply(settle(from, ids, accept))
  const accepted = (from: EditorState, ids: readonly string[]) => settled(from, ids, true)
  const editorsAfter = (accept: boolean) =>
    accepted(EditorState.create({ doc: editorsEditAfter(state, range, others, accept, settle) }), ours).doc
  const editors = editorsAfter(true)
  const orders = [
    () => accepted(after, [...others, ...ours]).doc,
    () => accepted(accepted(after, others), ours).doc,
    () => accepted(accepted(after, ours), others).doc,
  ]
  if (!orders.every((order) => order().eq(editors))) return false
  // Their struck words inside this range are not struck again: theirs rejected, they come back.
  const isOverTheirWords = suggestionIds(state.doc, range.from, range.to, (author) => author !== authorId, true).length > 0
  return isOverTheirWords || accepted(settled(after, others, false), ours).doc.eq(editorsAfter(false))
}

/**
 * The editor's story: the suggestions `others` settled on `state` (accepted or not), then the
 * selection (or the range, for a key that made one) replaced by the words typed, where its ends now are.
 */
function editorsEditAfter(state: EditorState, range: WordsRange, others: string[], accept: boolean, settle: Settle): ProseMirrorNode {
  const { selection } = state
  const [from, to] = selection.empty ? [range.from, range.to] : [selection.from, selection.to]
  const tr = settle(state, others, accept)
  const [start, end] = [landing(tr.doc, tr.mapping, from), landing(tr.doc, tr.mapping, to)]
  return new Transform(tr.doc).replaceRange(start, end, new Slice(range.content, 0, 0)).doc
}

/**
 * The ids of the suggestions whose author `isWanted` has something between `from` and `to` of
 * `doc`: words, breaks, block changes, whole blocks; or only words (`isWordsOnly`).
 */
function suggestionIds(
  doc: ProseMirrorNode,
  from: number,
  to: number,
  isWanted: (authorId: number) => boolean,
  isWordsOnly = false,
): string[] {
  const ids = new Set<string>()
  const add = (attrs: unknown) => {
    const found = toSuggestionAttrs(attrs)
    if (found && isWanted(found.authorId)) ids.add(found.id)
  }
  doc.nodesBetween(from, to, (node) => {
    if (!isWordsOnly) add(node.attrs)
    if (!isWordsOnly || node.isText) for (const mark of node.marks) add(mark.attrs)
  })
  return [...ids]
}

/**
 * Where a range's end at `position` lands once suggestions are settled (`mapping`, to `doc`): an
 * end inside words that went lands where they went, and one left between blocks moves into the
 * block of words after it, where the editor's caret would be.
 */
function landing(doc: ProseMirrorNode, mapping: Mapping, position: number): number {
  const mapped = mapping.map(position, 1)
  for (let at = mapped; at <= doc.content.size; at += 1) if (doc.resolve(at).parent.isTextblock) return at
  for (let at = mapped; at >= 0; at -= 1) if (doc.resolve(at).parent.isTextblock) return at
  return mapped
}
