import type { RichTextNode } from '@/db/schema'
import { type BlockChange, type BlockForm, formOf, isListForm, suggestedBlockName, textblockOf, toBlockChange } from './block-suggestion'

// Suggested block changes (lib/story-schema/block-suggestion.ts) in a body's JSON: found, and
// taken back for readers (their marks are left out with the other suggestions, suggestions.ts).

/**
 * The suggested change of a block of words (the mark among its words, lib/story-schema/block-suggestion.ts)
 * and the form it has now (null when it is no block of words); `listType` is the list it is the first paragraph of an item of.
 */
export function blockChangeOf(node: RichTextNode, listType: string | null): { change: BlockChange; form: BlockForm | null } | null {
  const marker = node.content?.find((child) => child.type === suggestedBlockName)
  const change = marker ? toBlockChange(marker.attrs) : null
  return change && { change, form: formOf(node.type, node.attrs?.level, listType) }
}

/**
 * The form a block had, when a change of its form is suggested (its nesting is block-nesting.ts's):
 * a block whose nesting changed too only as an item of `listType` (a list item's first paragraph
 * is seen without it from inside the item); with `outOfListsOnly`, only for a block outside a
 * list taken out of one.
 */
function formChangeOf(node: RichTextNode, listType: string | null, outOfListsOnly: boolean): BlockForm | undefined {
  const found = blockChangeOf(node, listType)
  if (!found || found.form === found.change.formerly) return undefined
  const isNested = Boolean(found.change.nesting)
  const isWanted = outOfListsOnly ? listType === null && isListForm(found.change.formerly) : listType !== null || !isNested
  return isWanted ? found.change.formerly : undefined
}

/**
 * formerBlocks's first pass (`outOfListsOnly`) wherever a block may be taken out of a list to while
 * suggesting (components/editor/suggest-blocks.ts): the story's top and its quotes, in list items too.
 */
export function formerOutOfLists(nodes: RichTextNode[]): RichTextNode[] {
  return formerBlocks(nodes, true).map((node) => {
    if (node.type === 'blockquote' && node.content) return { ...node, content: formerOutOfLists(node.content) }
    const isHolding = isListForm(node.type) && node.content?.some((item) => (item.content?.length ?? 0) > 1)
    if (!isHolding) return node
    const items = node.content?.map((item) => {
      const [words, ...blocks] = item.content ?? []
      return words && blocks.length > 0 ? { ...item, content: [words, ...formerOutOfLists(blocks)] } : item
    })
    return { ...node, content: items }
  })
}

/** A paragraph or heading made a block of `form` outside a list, without the mark of its change unless `keepMark`. */
function asForm(node: RichTextNode, form: BlockForm, keepMark = false): RichTextNode {
  const { type, attrs } = textblockOf(form)
  const content = node.content?.filter((child) => keepMark || child.type !== suggestedBlockName) ?? []
  const copy: RichTextNode = { ...node, type, content }
  if (content.length === 0) delete copy.content
  if (attrs) copy.attrs = attrs
  else delete copy.attrs
  return copy
}

/**
 * Sibling blocks as they were before their suggested block changes, for readers: a heading
 * suggested from a paragraph is a paragraph again, a list item suggested from a paragraph is a
 * paragraph outside its list (splitting it), a paragraph suggested from a list item is an item of
 * that list again (joining the lists beside it). Blocks with no suggested change are as they are.
 * With `outOfListsOnly`, only the blocks taken out of a list go back into it (joining the lists
 * after them, their own items carried out with them among them), those whose nesting changed too
 * keeping their mark, so that formerNesting (block-nesting.ts) then puts them and their items at
 * their level.
 */
export function formerBlocks(nodes: RichTextNode[], outOfListsOnly = false): RichTextNode[] {
  const out: RichTextNode[] = []
  // Lists split or made here: a neighbouring list of the same kind is joined to them.
  const remade = new Set<RichTextNode>()
  const addItem = (list: RichTextNode, item: RichTextNode, isRemade: boolean) => {
    const last = out.at(-1)
    if (last && last.type === list.type && (isRemade || remade.has(last))) {
      // A copy: the list may be the body's own, which readers' versions never change.
      const joined: RichTextNode = { ...last, content: [...(last.content ?? []), item] }
      out[out.length - 1] = joined
      remade.add(joined)
      return
    }
    const made: RichTextNode = { ...list, content: [item] }
    out.push(made)
    if (isRemade) remade.add(made)
  }

  for (const node of nodes) {
    if (isListForm(node.type)) {
      const isChanged = (node.content ?? []).some((item) => item.content?.[0] && formChangeOf(item.content[0], node.type, outOfListsOnly))
      // A list none of whose items changed stays one list (joined to one made beside it).
      const last = out.at(-1)
      if (!isChanged && last?.type === node.type && remade.has(last)) last.content = [...(last.content ?? []), ...(node.content ?? [])]
      else if (!isChanged) out.push(node)
      if (!isChanged) continue
      for (const item of node.content ?? []) {
        const [first, ...rest] = item.content ?? []
        const formerly = first ? formChangeOf(first, node.type, outOfListsOnly) : undefined
        if (!first || !formerly) addItem(node, item, isChanged)
        else if (isListForm(formerly))
          addItem({ ...node, type: formerly }, { ...item, content: [asForm(first, 'paragraph'), ...rest] }, true)
        else out.push(asForm(first, formerly), ...rest)
      }
      continue
    }
    const formerly = formChangeOf(node, null, outOfListsOnly)
    if (!formerly) out.push(node)
    else if (isListForm(formerly)) {
      // Kept for formerNesting when the block moved too; without it, its item has no change left.
      const keepMark = outOfListsOnly && Boolean(blockChangeOf(node, null)?.change.nesting)
      addItem({ type: formerly }, { type: 'listItem', content: [asForm(node, 'paragraph', keepMark)] }, true)
    } else out.push(asForm(node, formerly))
  }
  return out
}
