import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { type BlockChange, isListForm } from '@/lib/story-schema/block-suggestion'
import { giveBack, giveBackNesting } from './suggest-blocks-give'
import { type Block, blocksOf, nestingAround } from './suggest-blocks-places'
import { recountLevels } from './suggest-blocks-recount'

// Suggested block changes settled (suggest-blocks.ts): accepted, a block keeps the form and place
// it has; rejected, it takes back the form and the place its mark records.

/**
 * Settles the suggested block changes with these ids (all when `ids` is null) in `tr`: accepted,
 * each block keeps its form and loses the suggestion; rejected, it takes back the form it had.
 */
export function settleBlocks(tr: Transaction, ids: readonly string[] | null, accept: boolean): void {
  if (accept && ids !== null) keepAcceptedLevels(tr, ids)
  if (accept || ids === null) while (settleNext(tr, ids, accept));
  else rejectedAloneRecounted(tr.doc, ids).steps.forEach((step) => tr.step(step))
}

/**
 * The suggested block changes of `story` with these ids rejected before the others (`rejectedAlone`);
 * when rejecting the others would then not give back the story, their marks count their levels
 * again, from where their blocks were in it, where that makes them give it back. Not tried by the
 * check before each move (suggest-blocks-check.ts): a move it refuses stays refused.
 */
function rejectedAloneRecounted(story: ProseMirrorNode, ids: readonly string[]): Transaction {
  const { tr, isRight } = rejectedAlone(story, ids)
  if (isRight) return tr
  const recounted = recountLevels(tr.doc, blocksOf(rejectedAll(story)).blocks, (change) => change !== null)
  if (givesBackAs(recounted.doc, story)) recounted.steps.forEach((step) => tr.step(step))
  return tr
}

/**
 * Before the suggestions with these ids are accepted alone: each block moved counts its levels
 * again, from where it is in the story with the others rejected alone (the accepted moves made,
 * the others not), so that rejecting the others then gives that story (suggest-blocks-recount.ts).
 */
function keepAcceptedLevels(tr: Transaction, ids: readonly string[]): void {
  const { blocks } = blocksOf(tr.doc)
  const isOther = (change: BlockChange | null) => change !== null && !ids.includes(change.id)
  const others = [...new Set(blocks.flatMap(({ change }) => (change && isOther(change) ? [change.id] : [])))]
  if (others.length === 0 || !blocks.some(({ change }) => change?.nesting)) return
  const places = blocksOf(rejectedAlone(tr.doc, others).tr.doc).blocks
  recountLevels(tr.doc, places, isOther).steps.forEach((step) => tr.step(step))
}

/** Settles the first block of words, in the order of the words, recording a change with these ids (any when null): false when there is none. */
function settleNext(tr: Transaction, ids: readonly string[] | null, accept: boolean): boolean {
  const { blocks } = blocksOf(tr.doc)
  const found = blocks.find((block) => block.change && (ids === null || ids.includes(block.change.id)))
  if (!found?.change || found.marker === null) return false
  tr.delete(found.marker, found.marker + 1)
  if (!accept) giveBack(tr, found.position, found.form, found.change)
  return true
}

/**
 * The suggested block changes of `story` with these ids rejected before the others, and whether
 * rejecting the others then gives back what rejecting all of `story` does. Each block goes back,
 * in the order of the words, as its mark records; when that leaves a story that rejecting the
 * others does not give back, they go back again, each moving first the item of another suggestion
 * that its place depends on, where that helps (`blockRejectedAlone`). Only then: the check before
 * each move among lists rejects each suggestion alone (suggest-blocks-check.ts).
 */
export function rejectedAlone(story: ProseMirrorNode, ids: readonly string[]): { tr: Transaction; isRight: boolean } {
  const rejected = (isSearched: boolean) => {
    const tr = EditorState.create({ doc: story }).tr
    for (;;) {
      const { blocks } = blocksOf(tr.doc)
      const index = blocks.findIndex((block) => block.change && ids.includes(block.change.id))
      if (index < 0) return tr
      blockRejectedAlone(tr.doc, blocks, index, story, isSearched).steps.forEach((step) => tr.step(step))
    }
  }
  const marked = rejected(false)
  if (givesBackAs(marked.doc, story)) return { tr: marked, isRight: true }
  const searched = rejected(true)
  return { tr: searched, isRight: givesBackAs(searched.doc, story) }
}

/**
 * The block `blocks[index]` of `doc` rejected before the blocks of other suggestions before it. The
 * items it is in come before it in the order of the words: rejected with it, they have gone back
 * already; those that still record a move are not rejected now.
 */
function rejectedBefore(doc: ProseMirrorNode, blocks: Block[], index: number, story: ProseMirrorNode): Transaction {
  const found = blocks[index]
  const around = found ? nestingAround(doc, blocks, found) : 0
  if (found && around !== 0) return rejectedFirst(doc, found, around, story, wasInItsItems(blocks, index, story))
  const tr = EditorState.create({ doc }).tr
  if (found?.marker != null && found.change) giveBack(tr.delete(found.marker, found.marker + 1), found.position, found.form, found.change)
  return tr
}

/**
 * The block `found` of `doc`, nested in items that still record moves (`around` levels
 * together), rejected before them. Its own levels are counted from where giving theirs back puts
 * it: it may go back by theirs too, out of those items, or by its own alone, staying in them. Which
 * one gives back the story depends on how the items after it in its list go with those items later
 * (taking an item out a level takes those after it as its own): both are tried, and the one kept
 * after which rejecting the rest gives back what rejecting all of `story` does (when neither does,
 * its levels and theirs). When both do, a block that was in those items before any suggestion
 * (`isInItsItems`) moved with them, and stays in them: accepting the rest then makes their moves alone.
 */
function rejectedFirst(
  doc: ProseMirrorNode,
  { marker, position, form, change }: Block,
  around: number,
  story: ProseMirrorNode,
  isInItsItems: boolean,
): Transaction {
  const goneBack = (nesting: number | null) => {
    const first = EditorState.create({ doc }).tr
    if (marker !== null && change) giveBack(first.delete(marker, marker + 1), position, form, { ...change, nesting })
    return first
  }
  const [withTheirs, alone] = [(change?.nesting ?? 0) + around || null, change?.nesting ?? null]
  for (const nesting of isInItsItems ? [alone, withTheirs] : [withTheirs, alone]) {
    const first = goneBack(nesting)
    if (givesBackAs(first.doc, story)) return first
  }
  return goneBack(withTheirs)
}

/**
 * Whether the block `blocks[index]` was, in `story` with every suggestion rejected, in each item
 * it is in now that records a move. Giving back moves no block of words out of the order of the
 * words: the blocks there match by index.
 */
function wasInItsItems(blocks: Block[], index: number, story: ProseMirrorNode): boolean {
  const former = blocksOf(rejectedAll(story)).blocks
  const was = former[index]
  return Boolean(
    was &&
    blocks[index]?.around.every((position) => {
      const at = blocks.findIndex((one) => one.position === position)
      return !blocks[at]?.change?.nesting || was.around.includes(former[at]?.position ?? -1)
    }),
  )
}

/**
 * The block `blocks[index]` of `doc` rejected alone, before the blocks of other suggestions before
 * it. An item it is in, or the item it goes back into, may record another suggestion's move whose
 * levels count some of its own (an item it carried out of its list, or took as its own, moved
 * again; README, "Still left"): its place is then not where rejecting that one first would have
 * put it. When giving the block back leaves a story that rejecting the rest does not give back as
 * rejecting all of `story` does (and `isSearched`), that item first goes back by as many of its
 * levels as makes one that does, its mark keeping the others (when none does, by none).
 */
function blockRejectedAlone(
  doc: ProseMirrorNode,
  blocks: Block[],
  index: number,
  story: ProseMirrorNode,
  isSearched: boolean,
): Transaction {
  const plain = rejectedBefore(doc, blocks, index, story)
  const others = isSearched ? movedBefore(doc, blocks, index) : []
  if (others.length === 0 || givesBackAs(plain.doc, story)) return plain
  for (const { marker, position, change } of others) {
    const nesting = change?.nesting ?? 0
    const markerNode = marker === null ? null : doc.nodeAt(marker)
    for (let levels = 1; marker !== null && markerNode && levels < Math.abs(nesting); levels += 1) {
      const tr = EditorState.create({ doc }).tr
      tr.setNodeMarkup(marker, undefined, { ...markerNode.attrs, nesting: nesting - Math.sign(nesting) * levels })
      giveBackNesting(tr, position, Math.sign(nesting) * levels, true)
      // Moving items takes no block of words out of the order of the words: the block is still `index`.
      const first = rejectedBefore(tr.doc, blocksOf(tr.doc).blocks, index, story)
      if (!givesBackAs(first.doc, story)) continue
      first.steps.forEach((step) => tr.step(step))
      return tr
    }
  }
  return plain
}

/**
 * The blocks of `doc` before `blocks[index]` recording another suggestion's levels (their form as it
 * was, or a list's kind): the items it is in, and, when it goes back in a level, those in the node
 * it goes into (the item before it in its list, or the list before its own or before it).
 */
function movedBefore(doc: ProseMirrorNode, blocks: Block[], index: number): Block[] {
  const found = blocks[index]
  if (!found) return []
  const $found = doc.resolve(found.position)
  const isItem = $found.parent.type.name === 'listItem' && $found.index() === 0
  const isFirst = !isItem || $found.index($found.depth - 1) === 0
  const end = !isItem ? found.position : isFirst ? $found.before($found.depth - 1) : $found.before($found.depth)
  const into = (found.change?.nesting ?? 0) < 0 ? doc.resolve(end).nodeBefore : null
  const start = end - (into?.nodeSize ?? 0)
  return blocks
    .slice(0, index)
    .filter(
      ({ position, form, change }) =>
        change?.nesting &&
        (!form || form === change.formerly || (isListForm(form) && isListForm(change.formerly))) &&
        (found.around.includes(position) || (position > start && position < end)),
    )
}

/** The documents rejecting every suggested block change of each document goes through, a block at a time (itself first). */
const rejectingOf = new WeakMap<ProseMirrorNode, ProseMirrorNode[]>()

function rejecting(doc: ProseMirrorNode): ProseMirrorNode[] {
  const known = rejectingOf.get(doc)
  if (known) return known
  const tr = EditorState.create({ doc }).tr
  const docs = [doc]
  while (settleNext(tr, null, false)) docs.push(tr.doc)
  rejectingOf.set(doc, docs)
  return docs
}

/** `doc` with every suggested block change in it rejected. */
export function rejectedAll(doc: ProseMirrorNode): ProseMirrorNode {
  return rejecting(doc).at(-1) ?? doc
}

/**
 * Whether `doc`, its suggested block changes rejected all together, gives back what `from` does:
 * rejecting them stops once it meets a document that rejecting those of `from` goes through, as
 * from there on both go the same way (one suggestion rejected alone first often does soon).
 */
export function givesBackAs(doc: ProseMirrorNode, from: ProseMirrorNode): boolean {
  const along = rejecting(from)
  const tr = EditorState.create({ doc }).tr
  do {
    if (along.some((one) => one.eq(tr.doc))) return true
  } while (settleNext(tr, null, false))
  return tr.doc.eq(rejectedAll(from))
}
