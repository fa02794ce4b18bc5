import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform'
import { type BlockChange, blockChangeSchema, isListForm, isSplitOff, suggestedBlockName } from '@/lib/story-schema/block-suggestion'
import type { SuggestionAttrs } from '@/lib/story-schema/marks/suggestion'
import { canLeaveList } from './suggest-blocks-carried'
import { adopterOf, blocksOf, carrierOf, isLiftBlocked, nestingAround } from './suggest-blocks-places'

// Headings, list items and their nesting as suggestions: the block takes the form (or place)
// asked for at once, so the desk shows it as it would be, and a mark at its end records the form
// it had (or the levels it moved), who asked and when (lib/story-schema/block-suggestion.ts).
// Rejecting gives it back its form or place (suggest-blocks-back.ts).

/** Where `tr`'s steps touch the document it was made on (its start, and its end there). */
function touched(tr: Transaction): { from: number; to: number } {
  let from = tr.before.content.size
  let to = 0
  tr.steps.forEach((step, index) => {
    const back = tr.mapping.slice(0, index).invert()
    step.getMap().forEach((start, end) => {
      from = Math.min(from, back.map(start, -1))
      to = Math.max(to, back.map(end, 1))
    })
  })
  return { from, to: Math.max(from, to) }
}

/** Where the first block of words of `doc` starting at or after `position` starts (the end if none). */
function nextWords(doc: ProseMirrorNode, position: number): number {
  let found = doc.content.size
  doc.nodesBetween(position, doc.content.size, (node, at) => {
    if (found < doc.content.size || (node.isTextblock && at < position)) return false
    if (node.isTextblock) found = at
    return !node.isTextblock && !node.isAtom
  })
  return found
}

/**
 * `tr` making paragraphs headings or list items (or back, or one list another), or nesting list
 * items in the item above them or taking them out a level, turned into a suggestion with `attrs`:
 * made as it is, each changed block recording its former form or nesting; asked back to its
 * former form or place, one's own suggestion is withdrawn. Null when `tr` does more than change
 * blocks' forms (its words, or figures, change), changes none, or changes one someone else
 * suggested changing.
 */
export function suggestBlock(state: EditorState, tr: Transaction, attrs: () => SuggestionAttrs): Transaction | null {
  // Typing never wraps, lifts or retypes a block: only a step around a block's content may.
  if (!tr.steps.some((step) => step instanceof ReplaceAroundStep)) return null
  if (!tr.steps.every((step) => step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) return null
  // Only the blocks the steps touch are compared: a long story costs no more than a short one.
  // The first block of words after them is compared too: an item lifted out of the middle of the
  // item it is in leaves the blocks after it an item of their own.
  const { from, to: end } = touched(tr)
  const to = nextWords(state.doc, end) + 1
  const before = blocksOf(state.doc, from, to)
  const after = blocksOf(tr.doc, tr.mapping.map(from, -1), tr.mapping.map(to, 1))
  const isSameWords =
    before.blocks.length === after.blocks.length &&
    before.others.length === after.others.length &&
    before.blocks.every((block, index) => after.blocks[index]?.node.content.eq(block.node.content)) &&
    before.others.every((node, index) => after.others[index]?.eq(node))
  if (!isSameWords) return null

  const made = attrs()
  let isChanged = false
  let isBoth = false
  let changes = 0
  const wanted: (BlockChange | null)[] = []
  for (const [index, was] of before.blocks.entries()) {
    const now = after.blocks[index]
    if (!now) return null
    // A pull quote has no form of its own: it may not change, nor become one.
    if (!now.form || !was.form) {
      if (now.node.type !== was.node.type || now.form !== was.form) return null
      wanted.push(was.change)
      continue
    }
    const prior = was.change
    if (isListForm(was.form) && !isListForm(now.form) && !canLeaveList(state.doc, was.position)) return null
    // A block or item of an item taken out of its list altogether goes out with it (carried).
    const carrier = carrierOf(before.blocks, after.blocks, index)
    const adopter = carrier === null ? adopterOf(before.blocks, after.blocks, index) : null
    // Its levels are counted from where giving back the items around it puts it.
    const moved = now.around.length - was.around.length
    const around = nestingAround(state.doc, before.blocks, was)
    const nested = moved - nestingAround(tr.doc, after.blocks, now, (at) => wanted[at]) + around
    // A block after the list an item was taken out of, made an item of its own (split off).
    const isSplit = !isListForm(was.form) && isListForm(now.form) && moved === -1
    if (isSplit && (prior || around !== 0 || carrier !== null)) return null
    const isChange = now.form !== was.form || nested !== 0
    isChanged ||= isChange
    if (isChange && prior && (prior.authorId !== made.authorId || isSplitOff(prior))) return null
    // A block carried out of its item (a second paragraph) stays as it is until settled.
    if (isChange && prior?.nesting && !isListForm(prior.formerly) && !isListForm(was.form)) return null
    const formerly = prior?.formerly ?? was.form
    const nesting = isSplit ? -1 : (prior?.nesting ?? 0) + nested
    if (isChange && carrier === null) changes += 1
    // Form and nesting together only into a list, or out of one, the block alone changing (its
    // own items carried with it), or from one list to the other: rejected, both are given back in
    // turn (suggest-blocks-give.ts).
    if (!isSplit && now.form !== formerly && nesting !== 0 && !(isListForm(now.form) && isListForm(formerly))) {
      if (carrier !== null || isListForm(formerly) === isListForm(now.form)) return null
      isBoth = true
    }
    // A carried block's suggestion is its carrier's, settled with it; so is that of an item taken
    // as its own by an item taken out a level (an item after it in its list).
    const holder = carrier ?? adopter
    const held = holder === null ? null : (wanted[holder] ?? null)
    const own = prior ?? held ?? made
    const change = now.form === formerly && nesting === 0 ? null : { ...own, formerly, nesting: nesting || null }
    if (change && (carrier !== null || held) && change.id !== held?.id) return null
    wanted.push(change && blockChangeSchema.parse(change))
  }
  if (!isChanged || (isBoth && changes > 1)) return null
  // Each item to go back out a level, when rejected, must be its item's last block.
  if (isLiftBlocked(tr.doc, after.blocks, (index) => wanted[index])) return null
  const marker = state.schema.nodes[suggestedBlockName]
  if (!marker) return null
  // From the last block back, so that a mark put in or taken out moves no block still to come.
  for (const [index, block] of [...after.blocks.entries()].reverse()) {
    const change = wanted[index] ?? null
    if (isSameChange(change, block.change)) continue
    // The new mark goes at the block's end first: the old one, before it, stays where it is.
    if (change) tr.insert(block.position + block.node.nodeSize - 1, marker.create(change))
    if (block.marker !== null) tr.delete(block.marker, block.marker + 1)
  }
  return tr
}

function isSameChange(one: BlockChange | null, other: BlockChange | null): boolean {
  return (
    JSON.stringify(one && { ...one, nesting: one.nesting || null }) ===
    JSON.stringify(other && { ...other, nesting: other.nesting || null })
  )
}
