import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import {
  type BlockChange,
  type BlockForm,
  formOf,
  isListForm,
  isSplitOff,
  suggestedBlockName,
  toBlockChange,
} from '@/lib/story-schema/block-suggestion'

// Where the blocks of words a block suggestion compares are (suggest-blocks.ts): their forms,
// their suggested changes, the list items around them, and which items moved with which.

/**
 * A block of words: where it starts, its form, and its suggested change with the mark's position;
 * where the first paragraphs of the items it is nested in start, nearest first (`around`, not
 * counting the one a list item's first paragraph begins).
 */
export type Block = {
  node: ProseMirrorNode
  position: number
  form: BlockForm | null
  change: BlockChange | null
  marker: number | null
  around: number[]
}

/**
 * The blocks of words of `doc` from `from` to `to` in order, with their forms, and the other
 * blocks (figures, rules) between them.
 */
export function blocksOf(doc: ProseMirrorNode, from = 0, to = doc.content.size): { blocks: Block[]; others: ProseMirrorNode[] } {
  const blocks: Block[] = []
  const others: ProseMirrorNode[] = []
  // A step's map read back through the steps after it may reach past the document's ends.
  doc.nodesBetween(Math.max(0, from), Math.min(to, doc.content.size), (node, position) => {
    if (node.isTextblock) {
      const $position = doc.resolve(position)
      const isItem = $position.parent.type.name === 'listItem' && $position.index() === 0
      const listType = isItem ? $position.node($position.depth - 1).type.name : null
      // The items around: the nearest is the block's own (when it is its first paragraph).
      const items: number[] = []
      for (let depth = $position.depth; depth > 0; depth -= 1)
        if ($position.node(depth).type.name === 'listItem') items.push($position.start(depth))
      const form = formOf(node.type.name, node.attrs.level, listType)
      // Another block in an item (in a quote in it, say) counts as nested in that item.
      blocks.push({ node, position, form, ...markOf(node, position), around: isItem ? items.slice(1) : items })
      return false
    }
    if (node.isAtom) others.push(node)
    return !node.isAtom
  })
  return { blocks, others }
}

/** The suggested change the block of words `node` at `position` records, and where its mark is. */
function markOf(node: ProseMirrorNode | null, position: number): { marker: number | null; change: BlockChange | null } {
  let found: { marker: number | null; change: BlockChange | null } = { marker: null, change: null }
  node?.forEach((child, offset) => {
    if (child.type.name !== suggestedBlockName || found.marker !== null) return
    found = { marker: position + 1 + offset, change: toBlockChange(child.attrs) }
  })
  return found
}

/**
 * The levels the items `block` of `doc` is in record as moved, together (with `changeOf`, those of
 * `blocks`; the others as marked): giving them back, each before the items in it, moves the block
 * by as much before it is given back itself. A block's own nesting is counted from there, so that
 * rejecting, and readers, put it back where it was.
 */
export function nestingAround(
  doc: ProseMirrorNode,
  blocks: Block[],
  block: Block,
  changeOf = (index: number): BlockChange | null | undefined => blocks[index]?.change,
): number {
  let sum = 0
  for (const position of block.around) {
    const at = blocks.findIndex((one) => one.position === position)
    const change = at >= 0 ? changeOf(at) : markOf(doc.nodeAt(position), position).change
    // An item split off the one before moves nothing in it, going back.
    if (!isSplitOff(change)) sum += change?.nesting ?? 0
  }
  return sum
}

/** The index in `blocks` of the first paragraph of the item `blocks[index]` is in (-1: none compared). */
function outerOf(blocks: Block[], index: number): number {
  const outer = blocks[index]?.around[0]
  return outer === undefined ? -1 : blocks.findIndex((block) => block.position === outer)
}

/**
 * The item that took the item of `after[index]` as its own, moving out a level with it (it was
 * after it in its list), if any: its suggestion is that item's.
 */
export function adopterOf(before: Block[], after: Block[], index: number): number | null {
  const outer = outerOf(after, index)
  const isMoved = outer >= 0 && after[outer]?.around.length !== before[outer]?.around.length
  return isMoved && outer !== outerOf(before, index) ? outer : null
}

/** Which block's item holds the item of `before[index]` and leaves its list altogether (its carrier), if any. */
export function carrierOf(before: Block[], after: Block[], index: number): number | null {
  const at = outerOf(before, index)
  const [was, now] = [before[at]?.form, after[at]?.form]
  return was && now && isListForm(was) && !isListForm(now) ? at : null
}

/**
 * Whether an item that goes back out a level when rejected (its nesting positive) has blocks after
 * it that would stop it or go with it: a list with blocks after it in its item (taking it out would
 * leave those an item of their own, which the editor's Shift-Tab refuses), or items after it in its
 * list when it goes out more than one level (they would go with it). Of `blocks` (their changes given
 * by `changeOf`) and the items before them in the lists and items around them (read from their marks).
 */
export function isLiftBlocked(doc: ProseMirrorNode, blocks: Block[], changeOf: (index: number) => BlockChange | null | undefined): boolean {
  /** The nesting of the item `item` at `position` records (its first paragraph's). */
  const nestingOf = (item: ProseMirrorNode, position: number) => {
    const at = blocks.findIndex((one) => one.position === position + 1)
    return (at >= 0 ? changeOf(at) : markOf(item.firstChild, position + 1).change)?.nesting ?? 0
  }
  const isList = (node: ProseMirrorNode) => isListForm(node.type.name)
  /** Whether the node at `position`, followed by more in the node around it, is such an item or list. */
  const isStopped = (node: ProseMirrorNode, position: number): boolean => {
    if (node.type.name === 'listItem') return nestingOf(node, position) > 1
    let isLifted = false
    if (isList(node)) node.forEach((item, offset) => (isLifted ||= nestingOf(item, position + 1 + offset) > 0))
    return isLifted
  }
  return blocks.some((block) => {
    const $block = doc.resolve(block.position)
    const isItem = $block.parent.type.name === 'listItem' && $block.index() === 0
    // The block's own item and list, when more follows them; then those before it, level by level.
    for (let depth = isItem ? $block.depth - 1 : $block.depth; depth > 0; depth -= 1) {
      const [node, index] = [$block.node(depth), $block.index(depth)]
      let [position, isFound] = [$block.start(depth), false]
      for (let child = 0; child <= index && !isFound; child += 1) {
        const isLast = child === index && index === node.childCount - 1
        isFound = !isLast && isStopped(node.child(child), position)
        position += node.child(child).nodeSize
      }
      if (isFound) return true
    }
    return false
  })
}
