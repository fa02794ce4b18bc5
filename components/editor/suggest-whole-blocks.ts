import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform'
import type { SuggestionAttrs } from '@/lib/story-schema/marks/suggestion'
import { type WholeBlockChange, noWholeBlockChange, toWholeBlockChange, isWholeAtomType } from '@/lib/story-schema/whole-blocks'
import { joinQuoteBack, removeWholeAtom, splitsParagraph, suggestQuotePart } from './suggest-split-blocks'

// Block quotes, horizontal rules, figures and embeds suggested in or out whole: a rule, figure or
// embed inserted, or a quote put around paragraphs, is there at once in the suggester's colour;
// one deleted, or a quote taken off, stays, struck and dimmed. The suggestion is the block's own
// attributes (lib/story-schema/whole-blocks.ts); accepting or rejecting makes it so.

/**
 * `tr` inserting horizontal rules, figures or embeds, deleting them, putting a block quote around
 * whole blocks or taking one off, turned into a suggestion with `attrs`; one's own rule, figure or
 * embed deleted, or quote taken off, is withdrawn. Null when `tr` is none of these, or when it
 * would take away a block someone else suggested.
 */
export function suggestWholeBlock(state: EditorState, tr: Transaction, attrs: () => SuggestionAttrs): Transaction | null {
  const [step, ...rest] = tr.steps
  if (step instanceof ReplaceAroundStep && rest.length === 0) return suggestQuote(state, tr, step, attrs)
  if (step instanceof ReplaceStep && rest.length === 0 && step.slice.size === 0) return suggestAtomsOut(state, step, attrs)
  return suggestAtomsIn(tr, attrs)
}

function suggestQuote(state: EditorState, tr: Transaction, step: ReplaceAroundStep, attrs: () => SuggestionAttrs): Transaction | null {
  const { from, to, gapFrom, gapTo, slice, insert } = step
  const wrapper = slice.content.firstChild
  const isWrap = insert === 1 && gapFrom === from && gapTo === to && slice.content.childCount === 1 && wrapper?.type.name === 'blockquote'
  if (isWrap) return tr.setNodeMarkup(from, undefined, { ...wrapper.attrs, ...attrs(), suggested: 'insertion' })
  const quote = state.doc.nodeAt(from)
  const isUnwrap =
    slice.size === 0 && gapFrom === from + 1 && gapTo === to - 1 && quote?.type.name === 'blockquote' && quote.nodeSize === to - from
  if (!isUnwrap) return suggestQuotePart(state, tr, step, attrs)
  return suggestOut(state, [{ node: quote, position: from }], attrs, () => tr)
}

/** Whether `node` is a rule, figure or embed: a block inserted and deleted whole. */
function isWholeAtom(node: ProseMirrorNode): boolean {
  return isWholeAtomType(node.type.name)
}

/** Deleting whole rules, figures or embeds (one selected, or Backspace after a rule): each is suggested out. */
function suggestAtomsOut(state: EditorState, step: ReplaceStep, attrs: () => SuggestionAttrs): Transaction | null {
  const { from, to } = step
  const removed = state.doc.slice(from, to)
  if (removed.openStart !== 0 || removed.openEnd !== 0 || removed.content.childCount === 0) return null
  const atoms: { node: ProseMirrorNode; position: number }[] = []
  let isAtoms = true
  removed.content.forEach((node, offset) => {
    atoms.push({ node, position: from + offset })
    isAtoms &&= isWholeAtom(node)
  })
  if (!isAtoms) return null
  return suggestOut(state, atoms, attrs, () => {
    const out = state.tr
    for (const { node, position } of [...atoms].reverse()) removeWholeAtom(out, position, node)
    return out
  })
}

/**
 * Blocks taken out as a suggestion: marked `deletion`; all of them the person's own insertions,
 * they go as `remove` makes them go. Null when any is someone else's insertion.
 */
function suggestOut(
  state: EditorState,
  blocks: { node: ProseMirrorNode; position: number }[],
  attrs: () => SuggestionAttrs,
  remove: () => Transaction,
): Transaction | null {
  const made = attrs()
  const changes = blocks.map(({ node }) => toWholeBlockChange(node.attrs))
  if (changes.every((change) => change?.suggested === 'insertion' && change.authorId === made.authorId)) return remove()
  if (changes.some((change) => change?.suggested === 'insertion')) return null
  const out = state.tr
  for (const [index, { node, position }] of blocks.entries()) {
    if (!changes[index]) out.setNodeMarkup(position, undefined, { ...node.attrs, ...made, suggested: 'deletion' })
  }
  return out
}

/**
 * `tr` inserting horizontal rules, figures or embeds (with empty paragraphs about them, as the
 * toolbar does) and changing no words nor removing any block but an empty paragraph, with each
 * new one marked `insertion`; one alone may split a paragraph's words (suggest-split-blocks.ts).
 */
function suggestAtomsIn(tr: Transaction, attrs: () => SuggestionAttrs): Transaction | null {
  const isEmpty = (node: ProseMirrorNode) => node.isTextblock && node.content.size === 0
  const onlyAtoms = (node: ProseMirrorNode) => isWholeAtom(node) || isEmpty(node)
  // Where each new rule, figure or embed is in the document `tr` makes.
  const atoms: number[] = []
  let splitsWords = false
  for (const [index, step] of tr.steps.entries()) {
    const before = tr.docs[index]
    if (!(step instanceof ReplaceStep) || !before) return null
    const { from, to, slice } = step
    // Nothing goes but empty paragraphs: a figure replaced (its caption changed) is not one inserted.
    if (!everyChild(slice.content, onlyAtoms) || !everyChild(before.slice(from, to).content, isEmpty)) return null
    // A block put in at a paragraph's end (or start) splits off an empty one; in its words, it splits them.
    const $from = before.resolve(from)
    const $to = before.resolve(to)
    const hasWordsBefore = $from.parent.isTextblock && $from.parentOffset > 0
    splitsWords ||= hasWordsBefore && $to.parent.isTextblock && $to.parentOffset < $to.parent.content.size
    const later = tr.mapping.slice(index + 1)
    slice.content.forEach((node, offset) => {
      if (isWholeAtom(node)) atoms.push(later.map(from + offset - slice.openStart, 1))
    })
  }
  const [only, ...others] = atoms
  if (only === undefined || (splitsWords && (others.length > 0 || !splitsParagraph(tr, only)))) return null
  const made: WholeBlockChange = { ...attrs(), suggested: 'insertion', ...(splitsWords ? { joins: 'both' as const } : {}) }
  for (const position of atoms) {
    const node = tr.doc.nodeAt(position)
    if (node && isWholeAtom(node)) tr.setNodeMarkup(position, undefined, { ...node.attrs, ...made })
  }
  return tr
}

function everyChild(content: ProseMirrorNode['content'], test: (node: ProseMirrorNode) => boolean): boolean {
  let every = true
  content.forEach((node) => {
    every &&= test(node)
  })
  return every
}

/**
 * Settles the quotes, rules, figures and embeds suggested in or out with these ids (all when `ids`
 * is null) in `tr`: one that stays loses the suggestion; a rule, figure or embed that goes is
 * deleted, a quote that goes leaves its paragraphs where it was.
 */
export function settleWholeBlocks(tr: Transaction, ids: readonly string[] | null, accept: boolean): void {
  for (;;) {
    const hits: { node: ProseMirrorNode; position: number; change: WholeBlockChange }[] = []
    tr.doc.descendants((node, position) => {
      const change = node.attrs.suggested ? toWholeBlockChange(node.attrs) : null
      if (hits.length === 0 && change && (ids === null || ids.includes(change.id))) hits.push({ node, position, change })
      return hits.length === 0
    })
    const [found] = hits
    if (!found) return
    const { node, position, change } = found
    const stays = (change.suggested === 'insertion') === accept
    if (stays) tr.setNodeMarkup(position, undefined, { ...node.attrs, ...noWholeBlockChange })
    else if (node.type.name === 'blockquote') tr.replaceWith(position, position + node.nodeSize, node.content)
    else removeWholeAtom(tr, position, node)
    // A quote part kept (the part taken off rejected) is one quote again with the parts it was split from.
    if (stays && change.joins && node.type.name === 'blockquote') joinQuoteBack(tr, position, change.joins)
  }
}
