import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { type BlockChange, isListForm, isSplitOff, suggestedBlockName } from '@/lib/story-schema/block-suggestion'
import { type Block, blocksOf } from './suggest-blocks-places'

// The levels list items record as moved, counted again once some suggestions among them are
// settled alone (suggest-blocks-back.ts): each block's levels are counted from where giving back
// the items it is in leaves it, and those items may now stay (accepted) or have gone back already.

/**
 * `doc` with the levels each block moved records counted again, so that rejecting the suggestions
 * kept (`isKept`) puts it where it is in `places`: the blocks of words of the story those are to
 * give back, matched by index (giving back moves no block of words out of the order of the words).
 * A block's levels are how far it is from there, less those the items it is in go back by first.
 * A block kept with no change left loses its mark; a block whose own suggestion is not kept (or
 * none), still away from its place, records its levels as the kept suggestion of the nearest item
 * it is in (here, or else there): that item's move carried it; one in a list of the other kind
 * than there, as the kept suggestion of the item before it that made its list that kind.
 */
export function recountLevels(doc: ProseMirrorNode, places: Block[], isKept: (change: BlockChange | null) => boolean): Transaction {
  const tr = EditorState.create({ doc }).tr
  const { blocks } = blocksOf(doc)
  const levels = new Map<number, number>()
  for (const [index, { position, change, around }] of blocks.entries()) {
    const place = places[index]
    if (isSplitOff(change) || !place) continue
    const goneBack = around.reduce((sum, item) => sum + (levels.get(item) ?? 0), 0)
    levels.set(position, around.length - place.around.length - goneBack)
  }
  /** The change marked now on the block at `at` among `where` (`blocks`, or `places`, matched by index). */
  const changeAt = (at: number, where: Block[]) => blocks[where.findIndex((block) => block.position === at)]?.change ?? null
  /** The kept change of the nearest item the block `index` is in, here or else in `places`. */
  const ownerOf = (index: number) =>
    [
      ...(blocks[index]?.around.map((at) => changeAt(at, blocks)) ?? []),
      ...(places[index]?.around.map((at) => changeAt(at, places)) ?? []),
    ].find(isKept)
  /** The kept change of the nearest item before the block `index` in its list that made that list of its kind. */
  const kindOwnerOf = (index: number) =>
    blocks
      .slice(0, index)
      .reverse()
      .find(({ around, change, form }) => {
        const isSameList = form === blocks[index]?.form && around.join() === blocks[index]?.around.join()
        return isSameList && isKept(change) && isListForm(change?.formerly) && change?.formerly !== form
      })?.change
  const marker = doc.type.schema.nodes[suggestedBlockName]
  // From the last block back, so that a mark put in or taken out moves no block still to come.
  for (const [index, { node, position, change, marker: at, form }] of [...blocks.entries()].reverse()) {
    const nesting = levels.get(position)
    if (!form || nesting === undefined || (at === null && !isListForm(form))) continue
    // An item of a list another suggestion made of the other kind takes that kind back with it.
    const place = places[index]?.form
    const isOtherKind = isListForm(form) && isListForm(place) && form !== place
    const owner = change && isKept(change) ? change : nesting !== 0 ? ownerOf(index) : isOtherKind ? kindOwnerOf(index) : null
    if (!owner || (owner === change && nesting === (change.nesting ?? 0))) continue
    const formerly = owner === change ? change.formerly : (place ?? form)
    const attrs = { ...owner, formerly, nesting: nesting || null }
    if (at === null) tr.insert(position + node.nodeSize - 1, marker ? marker.create(attrs) : [])
    else if (nesting === 0 && form === formerly) tr.delete(at, at + 1)
    else tr.setNodeMarkup(at, undefined, attrs)
  }
  return tr
}
