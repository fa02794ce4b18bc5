import type { RichTextNode } from '@/db/schema'
import { isListForm, isSplitOff, suggestedBlockName, toBlockChange } from './block-suggestion'

// List items suggested nested in the item above them (Tab) or taken out a level (Shift-Tab), in a
// body's JSON: moved back for readers as the desk's editor moves them back when the suggestion is
// rejected (liftListItem and sinkListItem of prosemirror-schema-list, components/editor/suggest-blocks-give.ts);
// the blocks and items an item taken out of its list altogether carried out with it are put back
// into it (components/editor/suggest-blocks-carried.ts).

const isList = (node: RichTextNode | undefined): boolean => isListForm(node?.type)
const isWords = (node: RichTextNode) => node.type === 'paragraph' || node.type === 'heading'

/** The change a block of words records as suggested, if any. */
function blockChange(block: RichTextNode | undefined) {
  const marker = block?.content?.find((child) => child.type === suggestedBlockName)
  return marker ? toBlockChange(marker.attrs) : null
}

/** The change an item's first paragraph (or a block of words) records as suggested, if any. */
const changeHere = (node: RichTextNode) => blockChange(isWords(node) ? node : node.content?.[0])
/** The nesting an item's first paragraph (or a block of words) records as suggested (0 for none). */
const nestingHere = (node: RichTextNode) => changeHere(node)?.nesting || 0

/**
 * Where an item (or a block of words) is: its list (or the node it is in) as `list`, its index
 * there, the node that is in (`around`), and the item and list its list is in (if any).
 */
type Place = {
  list: RichTextNode
  index: number
  around: RichTextNode | null
  outerItem: RichTextNode | null
  outerList: RichTextNode | null
}

/** The first item, or block of words not first in an item, in the order of the words, that `pick` chooses. */
function findItem(nodes: RichTextNode[], pick: (item: RichTextNode) => boolean): Place | null {
  const walk = (
    node: RichTextNode,
    around: RichTextNode | null,
    outerItem: RichTextNode | null,
    outerList: RichTextNode | null,
  ): Place | null => {
    for (const [index, child] of (node.content ?? []).entries()) {
      const isBlock = !isList(node) && isWords(child) && !(node.type === 'listItem' && index === 0)
      if ((isList(node) || isBlock) && pick(child)) return { list: node, index, around, outerItem, outerList }
      const found = isList(node) ? walk(child, node, child, node) : walk(child, node, outerItem, outerList)
      if (found) return found
    }
    return null
  }
  return walk({ type: 'doc', content: nodes }, null, null, null)
}

/** The item at `place` nested in the item before it: at the end of that item's last list of the same kind, or in a new one. */
function sink({ list, index }: Place): boolean {
  const before = list.content?.[index - 1]
  const item = list.content?.[index]
  if (!before || !item) return false
  list.content?.splice(index, 1)
  before.content ??= []
  const last = before.content.at(-1)
  if (last?.type === list.type) last.content = [...(last.content ?? []), item]
  else before.content.push({ type: list.type, content: [item] })
  return true
}

/** The item at `place`, split off the item before it, joined to it again: its blocks at that item's end. */
function joinItemBefore({ list, index }: Place): void {
  const before = list.content?.[index - 1]
  const item = list.content?.[index]
  if (!before || !item) return
  before.content = [...(before.content ?? []), ...(item.content ?? [])]
  list.content?.splice(index, 1)
}

/**
 * The item at `place` taken out to the list around its list, after the item it was in; the items
 * after it become its own, at the end of its last list when that is of their kind (as the
 * editor's Shift-Tab joins them), else in a new one.
 */
function lift({ list, index, outerItem, outerList }: Place): boolean {
  const items = list.content ?? []
  const item = items[index]
  if (!item || !outerItem || !outerList) return false
  const after = items.splice(index)
  after.shift()
  const last = item.content?.at(-1)
  if (after.length > 0 && last?.type === list.type) last.content = [...(last.content ?? []), ...after]
  else if (after.length > 0) item.content = [...(item.content ?? []), { type: list.type, content: after }]
  const inOuter = outerItem.content ?? []
  const at = inOuter.indexOf(list)
  const rest = inOuter.splice(at + 1)
  if (items.length === 0) inOuter.splice(at, 1)
  const moved = rest.length > 0 ? [item, { type: 'listItem', content: rest }] : [item]
  outerList.content?.splice((outerList.content ?? []).indexOf(outerItem) + 1, 0, ...moved)
  return true
}

/**
 * The item (or block of words) at `place`, carried out of its item with an item taken out of its
 * list altogether, put back `levels` deep into the last items of the list just before it (or its
 * list): a block at the item's end, an item at the end of the item's last list of its list's kind
 * or in a new one; that list is then joined to the lists of its kind after it, as the desk's editor
 * does rejecting it (components/editor/suggest-blocks-carried.ts).
 */
function intoItemBefore({ list, index, around }: Place, levels: number): boolean {
  const isItem = isList(list)
  const holder = isItem ? around : list
  const at = isItem ? (holder?.content?.indexOf(list) ?? -1) : index
  const moved = list.content?.[index]
  const outer = holder?.content?.[at - 1]
  if (!holder?.content || !moved || !outer || !isList(outer) || (isItem && index !== 0)) return false
  const item = lastItem(outer, levels)
  if (!item) return false
  item.content ??= []
  list.content?.splice(index, 1)
  const last = item.content.at(-1)
  if (!isItem) item.content.push(moved)
  else if (last?.type === list.type) last.content = [...(last.content ?? []), moved]
  else item.content.push({ ...list, content: [moved] })
  if (isItem && list.content?.length === 0) holder.content.splice(at, 1)
  for (let next = holder.content[at]; next?.type === outer.type; next = holder.content[at]) {
    outer.content = [...(outer.content ?? []), ...(next.content ?? [])]
    holder.content.splice(at, 1)
  }
  return true
}

/** The last item of `list`, or `levels` deep the last item of the list its last item ends with. */
function lastItem(list: RichTextNode | undefined, levels: number): RichTextNode | undefined {
  const item = isList(list) ? list?.content?.at(-1) : undefined
  return levels <= 1 ? item : lastItem(item?.content?.at(-1), levels - 1)
}

/**
 * Blocks with every list item suggested nested or taken out moved back where it was, the first
 * in the order of the words first; the items that moved with it move back with it, and the blocks
 * carried out of an item with it go back into it.
 */
export function formerNesting(nodes: RichTextNode[]): RichTextNode[] {
  if (!findItem(nodes, (one) => nestingHere(one) !== 0)) return nodes
  const out = structuredClone(nodes)
  const done = new Set<RichTextNode>()
  for (;;) {
    const place = findItem(out, (one) => !done.has(one) && nestingHere(one) !== 0)
    const found = place?.list.content?.[place.index]
    if (!place || !found) return out
    done.add(found)
    const nesting = nestingHere(found)
    const here = findItem(out, (one) => one === found)
    if (here && isList(here.list) && isSplitOff(changeHere(found))) {
      // Its first paragraph, a block in the item before again, keeps its mark: it has moved back.
      const [first] = found.content ?? []
      if (first) done.add(first)
      joinItemBefore(here)
      continue
    }
    for (let moved = 0; moved < Math.abs(nesting); moved += 1) {
      const now = findItem(out, (one) => one === found)
      if (!now) break
      const isItem = isList(now.list)
      if (isItem && (nesting > 0 ? lift(now) : sink(now))) continue
      if (nesting < 0) intoItemBefore(now, -nesting - moved)
      break
    }
  }
}
