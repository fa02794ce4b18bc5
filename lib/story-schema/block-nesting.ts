import type { RichTextNode } from '@/db/schema'
import { listForms, suggestedBlockName, toBlockChange } from './block-suggestion'

// List items suggested nested in the item above them (Tab) or taken out a level (Shift-Tab), in a
// body's JSON: moved back for readers as the desk's editor moves them back when the suggestion is
// rejected (liftListItem and sinkListItem of prosemirror-schema-list, components/editor/suggest-blocks.ts).

const isList = (node: RichTextNode | undefined): node is RichTextNode => (listForms as readonly string[]).includes(node?.type ?? '')

/** The nesting an item's first paragraph records as suggested (0 for none). */
function nestingOf(item: RichTextNode): number {
  const marker = item.content?.[0]?.content?.find((child) => child.type === suggestedBlockName)
  return (marker && toBlockChange(marker.attrs)?.nesting) || 0
}

/** Where an item is: its list, its index there, and the item and list that list is in (if any). */
type Place = { list: RichTextNode; index: number; outerItem: RichTextNode | null; outerList: RichTextNode | null }

/** The first item, in the order of the words, that `pick` chooses. */
function findItem(nodes: RichTextNode[], pick: (item: RichTextNode) => boolean): Place | null {
  const walk = (node: RichTextNode, outerItem: RichTextNode | null, outerList: RichTextNode | null): Place | null => {
    for (const [index, child] of (node.content ?? []).entries()) {
      if (isList(node) && pick(child)) return { list: node, index, outerItem, outerList }
      const found = isList(node) ? walk(child, child, node) : walk(child, outerItem, outerList)
      if (found) return found
    }
    return null
  }
  return walk({ type: 'doc', content: nodes }, null, null)
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

/** The item at `place` taken out to the list around its list, after the item it was in; the items after it become its own. */
function lift({ list, index, outerItem, outerList }: Place): boolean {
  const items = list.content ?? []
  const item = items[index]
  if (!item || !outerItem || !outerList) return false
  const after = items.splice(index)
  after.shift()
  if (after.length > 0) item.content = [...(item.content ?? []), { type: list.type, content: after }]
  const inOuter = outerItem.content ?? []
  const at = inOuter.indexOf(list)
  const rest = inOuter.splice(at + 1)
  if (items.length === 0) inOuter.splice(at, 1)
  const moved = rest.length > 0 ? [item, { type: 'listItem', content: rest }] : [item]
  outerList.content?.splice((outerList.content ?? []).indexOf(outerItem) + 1, 0, ...moved)
  return true
}

/**
 * Blocks with every list item suggested nested or taken out moved back where it was, the first
 * in the order of the words first; the items that moved with it move back with it.
 */
export function formerNesting(nodes: RichTextNode[]): RichTextNode[] {
  if (!findItem(nodes, (item) => nestingOf(item) !== 0)) return nodes
  const out = structuredClone(nodes)
  const done = new Set<RichTextNode>()
  for (;;) {
    const place = findItem(out, (item) => !done.has(item) && nestingOf(item) !== 0)
    const item = place?.list.content?.[place.index]
    if (!place || !item) return out
    done.add(item)
    const nesting = nestingOf(item)
    for (let moved = 0; moved < Math.abs(nesting); moved += 1) {
      const now = findItem(out, (one) => one === item)
      if (!now || !(nesting > 0 ? lift(now) : sink(now))) break
    }
  }
}
