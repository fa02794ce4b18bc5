import { Fragment, type Node as ProseMirrorNode, type ResolvedPos, Slice } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { ReplaceAroundStep, ReplaceStep, Transform } from '@tiptap/pm/transform'
import { isListForm, suggestedBlockName } from '@/lib/story-schema/block-suggestion'
import type { SuggestionAttrs } from '@/lib/story-schema/marks/suggestion'
import { breakKindOf, suggestedBreakName } from '@/lib/story-schema/nodes/suggested-break'
import { isWholeAtomType, toWholeBlockChange } from '@/lib/story-schema/whole-blocks'
import { textblockBeside } from './suggest-breaks'

// Words deleted (or typed over) across paragraphs and headings, in lists and quotes or not, and
// the rules, figures and embeds between them, as one suggestion: the words are struck as ever
// (suggest-changes.ts), headings' and items' words among them, the end of each paragraph or
// heading but the last gets a suggested join (suggest-breaks.ts), and each rule, figure or embed
// between is suggested out (suggest-whole-blocks.ts), all under one id, so that the story is joined
// only once all of it is accepted. Joined, a block keeps the form and place of the first, as the
// editor's own deletion does.

/** The words an edit removes, from a position in one textblock to one in the same or a later one, and the inline content it puts in their place. */
export type WordsRange = { from: number; to: number; content: Fragment }

/**
 * The range of words `tr` replaces on `doc`, with the inline content it puts there: within one
 * textblock as its one step says, or across paragraphs and headings (in lists and quotes too)
 * when the edit, whatever positions and steps it takes (a deletion from a paragraph's start takes
 * the whole paragraph; one into a list keeps the items after as a step around them, and words
 * typed over it are a step more; one up to another item's start keeps only the openings of the lists
 * and items around it), does what replacing the words from a position inside one
 * paragraph to one inside a later one does. Null for any other edit.
 */
export function wordsRangeOf(doc: ProseMirrorNode, tr: Transaction): WordsRange | null {
  const removal = removalOf(tr)
  if (!removal) return null
  const { from, to, content } = removal
  const $from = doc.resolve(from)
  const $to = doc.resolve(to)
  if ($from.parent.isTextblock && $from.sameParent($to)) {
    const [step, ...rest] = tr.steps
    const isFlat = step instanceof ReplaceStep && rest.length === 0 && step.slice.openStart === 0 && step.slice.openEnd === 0
    return isFlat ? removal : null
  }
  for (const start of positionsInside($from, 1)) {
    for (const end of positionsInside($to, -1)) {
      const $start = doc.resolve(start)
      const $end = doc.resolve(end)
      if (!isJoinable($start.parent) || !isJoinable($end.parent) || $start.sameParent($end) || start > end) continue
      if (acceptedDoc(doc, $start, $end, content).eq(tr.doc)) return { from: start, to: end, content }
    }
  }
  return null
}

/**
 * What `tr` removes and the inline content it puts in its place: one replacing step, or a step
 * around what a deletion keeps with, maybe, a step after it putting in the words typed.
 */
function removalOf(tr: Transaction): WordsRange | null {
  const [step, typed, ...rest] = tr.steps
  if (rest.length > 0) return null
  if (step instanceof ReplaceStep && !typed) {
    const content = inlineContentOf(step.slice)
    return content && { from: step.from, to: step.to, content }
  }
  if (!(step instanceof ReplaceAroundStep) || (typed && !(typed instanceof ReplaceStep))) return null
  const content = typed ? inlineContentOf(typed.slice) : inlineIn(step.slice)
  // The words kept after the range (from `gapFrom`) are moved, not removed.
  return content && (!typed || typed.from === typed.to) ? { from: step.from, to: step.gapFrom, content } : null
}

/**
 * What accepting the words from `$start` to `$end` replaced by `content` makes of `doc`: deleted,
 * what the editor's deletion makes (`deleteRange`, as `joinAccepted` joins them); typed over, one
 * block of the first one's form, the words typed in it (before the struck ones from its start).
 */
function acceptedDoc(doc: ProseMirrorNode, $start: ResolvedPos, $end: ResolvedPos, content: Fragment): ProseMirrorNode {
  // With nothing typed, the joins delete as the editor does (`joinAccepted`).
  if (content.size === 0) return new Transform(doc).deleteRange($start.pos, $end.pos).doc
  return new Transform(doc).replace($start.pos, $end.pos, new Slice(content, 0, 0)).doc
}

/**
 * A slice's inline content: words, or a paragraph opening on them (a deletion from a paragraph's
 * start leaves one), or nothing when it holds only the lists, items and empty paragraphs a deletion
 * from a block's start keeps (up to another item's start, say).
 */
function inlineContentOf(slice: Slice): Fragment | null {
  if (!holdsLeaf(slice.content)) return Fragment.empty
  const isInline = (content: Fragment) => {
    let inline = true
    content.forEach((node) => {
      inline &&= node.isInline
    })
    return inline
  }
  if (slice.openStart === 0 && slice.openEnd === 0 && isInline(slice.content)) return slice.content
  // The blocks opening on the words kept: a paragraph, or one in a quote or an item.
  let only = slice.content.childCount === 1 ? slice.content.firstChild : null
  for (let depth = 1; only && depth < slice.openEnd; depth += 1) only = only.childCount === 1 ? only.firstChild : null
  const isOpening = slice.openStart === 0 && slice.openEnd > 0 && only?.isTextblock && isInline(only.content)
  return isOpening && only ? only.content : null
}

/** Whether `content` holds words, a rule, a figure or an embed: anything but blocks that hold others. */
function holdsLeaf(content: Fragment): boolean {
  let holds = false
  content.descendants((node) => {
    holds ||= node.isLeaf
    return !holds
  })
  return holds
}

/** The words a step around kept words puts in with them (typed over a range), as one run. */
function inlineIn(slice: Slice): Fragment {
  const words: ProseMirrorNode[] = []
  slice.content.descendants((node) => {
    if (node.isInline) words.push(node)
    return !node.isInline
  })
  return Fragment.from(words)
}

/**
 * `$at` itself when it is inside a textblock; at a block boundary, the position inside the
 * textblock beside it, into the lists, items and quotes that open or close there (`prefer` side first).
 */
function positionsInside($at: ResolvedPos, prefer: 1 | -1): number[] {
  if ($at.parent.isTextblock) return [$at.pos]
  const inside = (side: 1 | -1) => {
    const beside = textblockBeside($at.doc, $at.pos, side)
    return beside ? [beside.position + side] : []
  }
  return prefer === 1 ? [...inside(1), ...inside(-1)] : [...inside(-1), ...inside(1)]
}

/** Whether `node` is a block of words a range may strike and join: a paragraph or a heading. */
function isJoinable(node: ProseMirrorNode): boolean {
  return node.type.name === 'paragraph' || node.type.name === 'heading'
}

/**
 * For a range across paragraphs and headings of `state`'s document (`doc`), done in `out` (positions mapped
 * through it) with `attrs`: a suggested join at the end of each of them but the last (unless
 * one is already suggested there), and each rule, figure or embed between suggested out (one's
 * own suggested in just goes; one's own suggested out becomes part of this suggestion, so that
 * the joins never wait on another). The blocks may be in lists and block quotes, or the range
 * may hold whole ones: accepted, the joins take the words after each into the block before, as
 * the editor's own deletion does (`joinAccepted`). False, and nothing to make of `out`, when the
 * range holds anything else: a block that is not a paragraph, heading, rule, figure or embed, one
 * someone else suggested in or out, a quote suggested in or out, one that split a paragraph, or a
 * paragraph or heading whose form is suggested changed, or someone else's paragraph split; or when
 * the first block keeps, once it is accepted, only words someone suggested in or struck (or, from
 * its start, the last or a block between does), unless words typed (`isTyped`) stay in it.
 */
export function suggestBlocksBetween(
  doc: ProseMirrorNode,
  out: Transaction,
  { from, to, isTyped }: { from: number; to: number; isTyped: boolean },
  attrs: SuggestionAttrs,
): boolean {
  const $from = doc.resolve(from)
  const $to = doc.resolve(to)
  if ($from.sameParent($to)) return true
  // Left with only words someone suggested in or struck, and none typed, whether the joined block
  // keeps the first one's form or the last one's would hang on how those are settled.
  const keepsTyped = isTyped && ($from.parentOffset === 0 || hasNoPlainWordsBefore($to))
  const isFirstLeftSuggested = keepsOnlySuggested($from.parent, $from.parentOffset, $from.parent.content.size, attrs.id)
  const isLastLeftSuggested = $from.parentOffset === 0 && keepsOnlySuggested($to.parent, 0, $to.parentOffset, attrs.id)
  if (!keepsTyped && (isFirstLeftSuggested || isLastLeftSuggested)) return false
  if (holdsOthersSplit(doc, from, to, attrs.authorId)) return false
  const textblockEnds: number[] = []
  const atoms: { node: ProseMirrorNode; position: number }[] = []
  let isRefused = false
  // Within the block holding both ends: those around it are not in the range.
  const shared = $from.sharedDepth(to)
  $from.node(shared).nodesBetween(
    from - $from.start(shared),
    to - $from.start(shared),
    (node, position) => {
      if (isRefused) return false
      // From the first block's start, a block between keeping only words someone struck would
      // join block by block once accepted before theirs, and as the editor deletes after.
      const isBetween = node.isTextblock && position > from && position + node.nodeSize < to
      isRefused = isBetween && $from.parentOffset === 0 && !keepsTyped && keepsOnlySuggested(node, 0, node.content.size, attrs.id)
      if (isRefused) return false
      if (isJoinable(node) && !holdsBlockChange(node)) textblockEnds.push(position + node.nodeSize - 1)
      else if (isWholeAtomType(node.type.name)) atoms.push({ node, position })
      else isRefused = !isContainer(node)
      return !node.isTextblock && !node.isAtom
    },
    $from.start(shared),
  )
  if (isRefused) return false
  textblockEnds.pop()
  for (const { node, position: at } of atoms) {
    const change = toWholeBlockChange(node.attrs)
    const start = out.mapping.map(at)
    if (change && (change.joins || change.authorId !== attrs.authorId)) return false
    if (change?.suggested === 'insertion') out.delete(start, start + node.nodeSize)
    else out.setNodeMarkup(start, undefined, { ...node.attrs, ...attrs, suggested: 'deletion' })
  }
  const pilcrow = doc.type.schema.nodes[suggestedBreakName]
  if (!pilcrow) return false
  for (const end of textblockEnds) {
    const at = out.mapping.map(end, -1)
    const before = out.doc.resolve(at).nodeBefore
    const isJoined = before?.type === pilcrow && breakKindOf(before.attrs) === 'join'
    if (!isJoined) out.insert(at, pilcrow.create({ kind: 'join', ...attrs }))
  }
  return true
}

/**
 * Whether the words of the block at `$at` before it are none, or all suggested in or struck: words
 * typed over a range up to there go at the end of its first block (suggest-changes.ts), so that how
 * those are settled never leaves them alone in a block of their own.
 */
export function hasNoPlainWordsBefore($at: ResolvedPos): boolean {
  let hasPlain = false
  $at.parent.nodesBetween(0, $at.parentOffset, (node) => {
    const names = node.marks.map((mark) => mark.type.name)
    hasPlain ||= node.isText && !names.includes('insertion') && !names.includes('deletion')
    return !hasPlain
  })
  return !hasPlain
}

/** Whether someone else (not `authorId`) suggested a paragraph split between `from` and `to`: joined across, where it splits would hang on the order they are settled in. */
function holdsOthersSplit(doc: ProseMirrorNode, from: number, to: number, authorId: number): boolean {
  let holds = false
  doc.nodesBetween(from, to, (node) => {
    const isSplit = node.type.name === suggestedBreakName && breakKindOf(node.attrs) === 'split'
    holds ||= isSplit && node.attrs.authorId !== authorId
    return !holds
  })
  return holds
}

/**
 * Whether the words `block` keeps once a range over its words from `start` to `end` (offsets in it)
 * is accepted are some, all of them suggested in or struck, and not all struck under `id` (the
 * range's own, settled with it): those outside the range, and those in it someone had struck before.
 */
function keepsOnlySuggested(block: ProseMirrorNode, start: number, end: number, id: string): boolean {
  let isSome = false
  let isAllSuggested = true
  let isAllOwn = true
  const keep = (node: ProseMirrorNode, isInRange: boolean) => {
    const names = node.marks.map((mark) => mark.type.name)
    if (!node.isText || (isInRange && !names.includes('deletion'))) return
    isSome = true
    isAllSuggested &&= names.includes('insertion') || names.includes('deletion')
    isAllOwn &&= node.marks.some((mark) => mark.type.name === 'deletion' && mark.attrs.id === id)
  }
  block.nodesBetween(0, start, (node) => keep(node, false))
  block.nodesBetween(start, end, (node) => keep(node, true))
  block.nodesBetween(end, block.content.size, (node) => keep(node, false))
  return isSome && isAllSuggested && !isAllOwn
}

/** Whether the words of a range may run through `node`: a list, an item of one, or a quote no one suggested in or out. */
function isContainer(node: ProseMirrorNode): boolean {
  const { name } = node.type
  if (name === 'blockquote') return toWholeBlockChange(node.attrs) === null
  return name === 'listItem' || isListForm(name)
}

/** Whether a paragraph or heading carries a suggested change of its form (it was another): joining it would carry the change over. */
function holdsBlockChange(node: ProseMirrorNode): boolean {
  let holds = false
  node.forEach((child) => {
    holds ||= child.type.name === suggestedBlockName
  })
  return holds
}
