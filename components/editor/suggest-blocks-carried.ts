import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { canJoin } from '@tiptap/pm/transform'
import { isListForm } from '@/lib/story-schema/block-suggestion'

// What an item taken out of its list altogether carries out with it besides its own items (a
// second paragraph, a list of the other kind), as a suggestion (suggest-blocks.ts), and how a
// carried block goes back into the item it was in when the suggestion is rejected. Readers get it
// there the same way (lib/story-schema/block-nesting.ts).

const isList = (node: ProseMirrorNode | null | undefined): boolean => isListForm(node?.type.name)

/**
 * Whether the item of `before` whose first paragraph is at `position` may be taken out of its list
 * as a suggestion: after its words it holds only paragraphs, headings and lists (carried out with
 * it), no two lists of one kind side by side (rejected, they would come back as one).
 */
export function canLeaveList(before: ProseMirrorNode, position: number): boolean {
  const item = before.resolve(position).parent
  for (let index = 1; index < item.childCount; index += 1) {
    const child = item.child(index)
    const previous = index > 1 ? item.child(index - 1) : null
    if (isList(child) ? previous?.type === child.type : !['paragraph', 'heading'].includes(child.type.name)) return false
  }
  return true
}

/**
 * Moves the block of words at `position` of `tr`'s document (or its item, when it is an item's
 * first paragraph and the first of its list) into the item `levels` deep at the end of the list
 * just before it: a block at the end of that item, an item at the end of the item's last list
 * when of its own list's kind, else in a new list of that kind. The list it went into is then
 * joined to the lists of its kind after it, as the list the item came out of was one.
 * Returns where the block of words now starts (its old position, deleted and inserted again, maps
 * to no place in it); does nothing (null) when there is no such item.
 */
export function intoItemBefore(tr: Transaction, position: number, levels: number): number | null {
  const $block = tr.doc.resolve(position)
  const block = $block.nodeAfter
  const isItem = $block.parent.type.name === 'listItem' && $block.index() === 0
  if (!block || (isItem && $block.index($block.depth - 1) !== 0)) return null
  // What moves (the block, or its item), what is taken out for it, and what is just before that.
  const list = isItem ? $block.node($block.depth - 1) : null
  const moved = isItem ? $block.parent : block
  const at = isItem ? $block.before($block.depth - 1) : position
  const from = isItem && list?.childCount !== 1 ? $block.before($block.depth) : at
  const to = from + (isItem && list?.childCount === 1 ? list.nodeSize : moved.nodeSize)
  const outer = tr.doc.resolve(at).nodeBefore
  if (!outer || !isList(outer)) return null
  const outerStart = at - outer.nodeSize
  // Down the last items of the lists before, `levels` deep.
  let [node, start]: [ProseMirrorNode | null, number] = [outer, outerStart]
  let item: ProseMirrorNode | null = null
  for (let level = 0; level < levels; level += 1) {
    if (!node || !isList(node) || node.lastChild?.type.name !== 'listItem') return null
    item = node.lastChild
    start = start + node.nodeSize - 1 - item.nodeSize
    node = level < levels - 1 ? item.lastChild : null
    if (node) start = start + item.nodeSize - 1 - node.nodeSize
  }
  if (!item) return null
  const end = start + item.nodeSize - 1
  tr.delete(from, to)
  // Where the moved block of words starts: at `into`, in its item (and that in a new list).
  const isIntoList = list !== null && item.lastChild?.type === list.type
  const into = isIntoList ? end - 1 : end
  if (!list) tr.insert(into, moved)
  else tr.insert(into, isIntoList ? moved : list.type.create(null, moved))
  const inside = !list ? 0 : isIntoList ? 1 : 2
  const steps = tr.steps.length
  const movedAt = () => tr.mapping.slice(steps).map(into + inside)
  for (let after = outerStart + (tr.doc.nodeAt(outerStart)?.nodeSize ?? 0); ;) {
    if (tr.doc.resolve(after).nodeAfter?.type !== outer.type || !canJoin(tr.doc, after)) return movedAt()
    tr.join(after)
    after = outerStart + (tr.doc.nodeAt(outerStart)?.nodeSize ?? 0)
  }
}
