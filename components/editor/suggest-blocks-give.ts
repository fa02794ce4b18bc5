import type { NodeType } from '@tiptap/pm/model'
import { setBlockType } from '@tiptap/pm/commands'
import { liftListItem, sinkListItem, wrapInList } from '@tiptap/pm/schema-list'
import { type Command, EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { canJoin } from '@tiptap/pm/transform'
import { type BlockChange, type BlockForm, isListForm, isSplitOff, textblockOf } from '@/lib/story-schema/block-suggestion'
import { intoItemBefore } from './suggest-blocks-carried'

// One suggested block change given back (suggest-blocks-back.ts settles them, in the order of the
// words): the block takes back the form and the place its mark records.

/**
 * Gives the block at `position` back the form and the place `change` records: a block taken out
 * of a list goes back into it and then to its level; one put into a list goes back to its level
 * and then out (the reverse of the order they were made in).
 */
export function giveBack(tr: Transaction, position: number, form: BlockForm | null, change: BlockChange): void {
  const nesting = change.nesting ?? 0
  const steps = tr.steps.length
  const mapped = () => tr.mapping.slice(steps).map(position + 1) - 1
  if (!form || form === change.formerly) {
    giveBackNesting(tr, position, nesting, true)
    return
  }
  if (isSplitOff(change)) return joinItemBefore(tr, position)
  if (nesting !== 0 && !isListForm(form)) {
    giveBackForm(tr, position, form, change.formerly)
    giveBackNesting(tr, mapped(), nesting, true)
    return
  }
  // An item of one list made the other's as it went out goes back into the item before as one
  // of the list it is in now, then takes back that list's kind.
  giveBackForm(tr, giveBackNesting(tr, position, nesting, isListForm(change.formerly)), form, change.formerly)
}

/** Joins the item whose first paragraph is at `position` to the item before it in its list: its blocks go to that item's end. */
function joinItemBefore(tr: Transaction, position: number): void {
  const $block = tr.doc.resolve(position)
  const at = $block.before($block.depth)
  if ($block.index($block.depth - 1) > 0 && canJoin(tr.doc, at)) tr.join(at)
}

/** Runs `command` on `tr`'s document with the caret in the block at `at`. */
function runAt(tr: Transaction, command: Command, at: number): boolean {
  const state = EditorState.create({ doc: tr.doc, selection: TextSelection.create(tr.doc, at + 1) })
  return command(state, (made) => made.steps.forEach((step) => tr.step(step)))
}

/**
 * Moves the list item whose first paragraph is at `position` back out (`nesting` levels in) or in
 * (levels out); with `isKept` (its form is as it was, as a carried block's is), a block that is no
 * such item, or an item first in its list, goes into the item before (suggest-blocks-carried.ts).
 * Returns where its first paragraph (or the block) is then.
 */
export function giveBackNesting(tr: Transaction, position: number, nesting: number, isKept = false): number {
  const { listItem } = tr.doc.type.schema.nodes
  let at = position
  let steps = tr.steps.length
  for (let moved = 0; listItem && moved < Math.abs(nesting); moved += 1) {
    const $at = tr.doc.resolve(at)
    const isItem = $at.parent.type === listItem && $at.index() === 0
    if (isItem && runAt(tr, nesting > 0 ? liftListItem(listItem) : sinkListItem(listItem), at)) {
      at = tr.mapping.slice(steps).map(at + 1) - 1
      steps = tr.steps.length
      continue
    }
    return (isKept && nesting < 0 ? intoItemBefore(tr, at, -nesting - moved) : null) ?? at
  }
  return at
}

/** Makes the block at `position` of `tr`'s document, now of `form`, a block of `formerly` again. */
function giveBackForm(tr: Transaction, position: number, form: BlockForm, formerly: BlockForm): void {
  const { nodes } = tr.doc.type.schema
  const run = (command: Command, at: number) => runAt(tr, command, at)
  const steps = tr.steps.length
  if (isListForm(form) && isListForm(formerly)) {
    // Out of every list already (the item it was nested in went out of its list before it), it
    // has no list to take the kind of back: rejecting cannot give it back, and the move is refused
    // while suggesting (suggest-blocks-check.ts).
    if (tr.doc.resolve(position).parent.type !== nodes.listItem) return
    splitAroundItem(tr, position)
    const $block = tr.doc.resolve(tr.mapping.slice(steps).map(position + 1) - 1)
    tr.setNodeMarkup($block.before($block.depth - 1), nodes[formerly])
    return joinBeside(tr, () => tr.mapping.slice(steps).map(position + 1), nodes[formerly])
  }
  if (isListForm(form) && nodes.listItem) run(liftListItem(nodes.listItem), position)
  let at = tr.mapping.slice(steps).map(position + 1) - 1
  const { type, attrs } = textblockOf(isListForm(formerly) ? 'paragraph' : formerly)
  const textblock = nodes[type]
  if (textblock && !tr.doc.nodeAt(at)?.hasMarkup(textblock, attrs)) run(setBlockType(textblock, attrs), at)
  const list = isListForm(formerly) ? nodes[formerly] : undefined
  if (!list) return
  at = tr.mapping.slice(steps).map(position + 1) - 1
  run(wrapInList(list), at)
  // The item joins the list of its kind before it and those after it (its own items carried out
  // with it among them), as readers get it (lib/story-schema/block-changes.ts).
  joinBeside(tr, () => tr.mapping.slice(steps).map(position + 1), list)
}

/**
 * Splits the list around the item whose first paragraph is at `position` before and after that
 * item, so that it alone takes back its former list's kind: the items it was put beside (the
 * toolbar joins a new list to those of its kind beside it) keep theirs.
 */
function splitAroundItem(tr: Transaction, position: number): void {
  const $block = tr.doc.resolve(position)
  const index = $block.index($block.depth - 1)
  if (index < $block.node($block.depth - 1).childCount - 1) tr.split($block.after($block.depth))
  if (index > 0) tr.split($block.before($block.depth))
}

/** Joins the list of `list`'s kind around the block of words at `inside()` to the lists of its kind after it and before it. */
function joinBeside(tr: Transaction, inside: () => number, list: NodeType | undefined): void {
  const listAround = () => {
    const $list = tr.doc.resolve(inside())
    return { start: $list.before($list.depth - 2), end: $list.after($list.depth - 2) }
  }
  for (let { end } = listAround(); tr.doc.resolve(end).nodeAfter?.type === list && canJoin(tr.doc, end); { end } = listAround())
    tr.join(end)
  const { start } = listAround()
  if (tr.doc.resolve(start).nodeBefore?.type === list && canJoin(tr.doc, start)) tr.join(start)
}
