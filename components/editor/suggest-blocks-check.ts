import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import type { RichTextDoc } from '@/db/schema'
import { isListForm, suggestedBlockName } from '@/lib/story-schema/block-suggestion'
import { forReaders } from '@/lib/story-schema/suggestions'
import { rejectedAlone, rejectedAll } from './suggest-blocks-back'
import { blocksOf } from './suggest-blocks-places'

// Rejecting, and readers, give the list items back their places one after the other in the order
// of the words (suggest-blocks-back.ts, lib/story-schema/block-nesting.ts), not in the reverse of the
// order they were moved in, and the marks record no lists joined: some runs of Tab, Shift-Tab and
// Bulleted list they cannot undo (README, "Still left"). A block suggestion is therefore tried
// first, and refused when it would not give back what the story gave back before it.

/** Whether giving back the blocks beside `node` may reach into it: a list, or a block of words recording a suggested change. */
function isReached(node: ProseMirrorNode): boolean {
  if (isListForm(node.type.name)) return true
  let isMarked = false
  if (node.isTextblock) node.forEach((child) => (isMarked ||= child.type.name === suggestedBlockName))
  return isMarked
}

/** Whether `node` is a list or holds one. */
function holdsList(node: ProseMirrorNode): boolean {
  let isFound = isListForm(node.type.name)
  node.descendants((child) => {
    isFound ||= isListForm(child.type.name)
    return !isFound && !child.isTextblock
  })
  return isFound
}

/**
 * The top-level blocks of `before` and of `after` that differ, with the blocks beside them that
 * giving them back may reach (the others are the same in both, and no give-back reaches them):
 * only those are compared, so that a long story costs no more than a short one. Null when none
 * differ, or when no list is among them: only list items go back to places (and lists join) in
 * an order rejecting may get wrong; a heading or paragraph alone just takes back its form.
 */
function changedBlocks(
  before: ProseMirrorNode,
  after: ProseMirrorNode,
): { before: ProseMirrorNode; after: ProseMirrorNode; key: string } | null {
  const start = before.content.findDiffStart(after.content)
  const end = before.content.findDiffEnd(after.content)
  if (start === null || !end) return null
  let first = before.resolve(Math.min(start, end.a)).index(0)
  // The blocks after the ones compared are as many in both.
  let tail = Math.max(0, before.childCount - 1 - before.resolve(Math.max(start, end.a)).index(0))
  const blocks = (doc: ProseMirrorNode) => {
    const nodes: ProseMirrorNode[] = []
    for (let index = first; index < doc.childCount - tail; index += 1) nodes.push(doc.child(index))
    return nodes
  }
  if (![...blocks(before), ...blocks(after)].some(holdsList)) return null
  while (first > 0 && isReached(before.child(first - 1))) first -= 1
  while (tail > 0 && isReached(before.child(before.childCount - tail))) tail -= 1
  const [was, now] = [before.copy(Fragment.from(blocks(before))), after.copy(Fragment.from(blocks(after)))]
  return { before: was, after: now, key: `${first} ${tail}` }
}

const forReadersOf = (doc: ProseMirrorNode) => doc.type.schema.nodeFromJSON(forReaders(doc.toJSON() as RichTextDoc))

type GivenBack = { rejected: ProseMirrorNode; forReaders: ProseMirrorNode }

/**
 * What each story's blocks compared (by where they are) give back, while the story is kept: the
 * presses tried on one story (Tab after a refused Shift-Tab, say) give its blocks back once.
 */
const givenBackOf = new WeakMap<ProseMirrorNode, Map<string, GivenBack>>()

function givenBack(story: ProseMirrorNode, key: string, blocks: ProseMirrorNode): GivenBack {
  const known = givenBackOf.get(story) ?? new Map<string, GivenBack>()
  givenBackOf.set(story, known)
  const found = known.get(key) ?? { rejected: rejectedAll(blocks), forReaders: forReadersOf(blocks) }
  known.set(key, found)
  return found
}

/** The block suggestions of `doc` (its ids) that, rejected alone first, leave a story that rejecting the rest does not give back as rejecting them all does. */
function wrongFirst(doc: ProseMirrorNode): string[] {
  const ids = [...new Set(blocksOf(doc).blocks.flatMap(({ change }) => (change ? [change.id] : [])))]
  // One alone, rejected, goes back as when all are rejected together (checked already).
  return ids.length < 2 ? [] : ids.filter((id) => !rejectedAlone(doc, [id]).isRight)
}

/**
 * Whether the block suggestion `suggested` gives back, rejected and for readers, the story its
 * document gave back before it; and whether each suggestion among those blocks, rejected alone
 * before the others, still leaves a story that rejecting the rest gives back (unless it did not before).
 */
export function givesBackAsBefore(suggested: Transaction): boolean {
  const changed = changedBlocks(suggested.before, suggested.doc)
  if (!changed) return true
  const was = givenBack(suggested.before, changed.key, changed.before)
  if (!rejectedAll(changed.after).eq(was.rejected) || !forReadersOf(changed.after).eq(was.forReaders)) return false
  const wrong = wrongFirst(changed.after)
  if (wrong.length === 0) return true
  const wrongBefore = wrongFirst(changed.before)
  return wrong.every((id) => wrongBefore.includes(id))
}
