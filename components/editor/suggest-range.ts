import { type Fragment, type Node as ProseMirrorNode, type ResolvedPos, Slice } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { type ReplaceStep, Transform } from '@tiptap/pm/transform'
import { suggestedBlockName } from '@/lib/story-schema/block-suggestion'
import type { SuggestionAttrs } from '@/lib/story-schema/marks/suggestion'
import { breakKindOf, suggestedBreakName } from '@/lib/story-schema/nodes/suggested-break'
import { isWholeAtomType, toWholeBlockChange } from '@/lib/story-schema/whole-blocks'
import { takesNextForm } from './suggest-breaks'

// Words deleted (or typed over) across paragraphs and headings, and the rules, figures and embeds
// between them, as one suggestion: the words are struck as ever (suggest-changes.ts), headings'
// words among them, the end of each paragraph or heading but the last gets a suggested join
// (suggest-breaks.ts), and each rule, figure or embed between is suggested out
// (suggest-whole-blocks.ts), all under one id, so that the story is joined only once all of it is
// accepted. Joined, a block keeps the form of the first, as the editor's own deletion does.

/** The words an edit removes, from a position in one textblock to one in the same or a later one, and the inline content it puts in their place. */
export type WordsRange = { from: number; to: number; content: Fragment }

/**
 * The range of words `step` replaces on `doc`, with the inline content it puts there: within one
 * textblock as the step says, or across paragraphs and headings when the step, whatever positions it names
 * (a deletion from a paragraph's start takes the whole paragraph), does what replacing the words
 * from a position inside one paragraph to one inside a later one does. Null for any other step.
 */
export function wordsRangeOf(doc: ProseMirrorNode, step: ReplaceStep): WordsRange | null {
  const { from, to, slice } = step
  const $from = doc.resolve(from)
  const $to = doc.resolve(to)
  const content = inlineContentOf(slice)
  if (!content) return null
  if ($from.parent.isTextblock && $from.sameParent($to)) return slice.openStart === 0 && slice.openEnd === 0 ? { from, to, content } : null
  const result = step.apply(doc).doc
  for (const start of positionsInside($from, 1)) {
    for (const end of positionsInside($to, -1)) {
      const $start = doc.resolve(start)
      const $end = doc.resolve(end)
      if (!isJoinable($start.parent) || !isJoinable($end.parent) || $start.sameParent($end) || start > end) continue
      if (result && acceptedDoc(doc, $start, $end, content).eq(result)) return { from: start, to: end, content }
    }
  }
  return null
}

/**
 * What accepting the words from `$start` to `$end` replaced by `content` makes of `doc`: one block,
 * in the form accepting the joins gives it (`takesNextForm`).
 */
function acceptedDoc(doc: ProseMirrorNode, $start: ResolvedPos, $end: ResolvedPos, content: Fragment): ProseMirrorNode {
  const accepted = new Transform(doc).replace($start.pos, $end.pos, new Slice(content, 0, 0))
  const last = $end.parent
  const hasWords = content.size > 0 || $end.parentOffset < last.content.size
  if (takesNextForm($start.parent, $start.parentOffset > 0, last, hasWords)) accepted.setNodeMarkup($start.before(), last.type, last.attrs)
  return accepted.doc
}

/** A slice's inline content: words, or a paragraph opening on them (a deletion from a paragraph's start leaves one). */
function inlineContentOf(slice: Slice): Fragment | null {
  const isInline = (content: Fragment) => {
    let inline = true
    content.forEach((node) => {
      inline &&= node.isInline
    })
    return inline
  }
  if (slice.openStart === 0 && slice.openEnd === 0 && isInline(slice.content)) return slice.content
  const only = slice.content.childCount === 1 ? slice.content.firstChild : null
  const isOpening = slice.openStart === 0 && slice.openEnd === 1 && only?.isTextblock && isInline(only.content)
  return isOpening && only ? only.content : null
}

/** `$at` itself when it is inside a textblock; at a block boundary, the position inside the textblock beside it (`prefer` side first). */
function positionsInside($at: ResolvedPos, prefer: 1 | -1): number[] {
  if ($at.parent.isTextblock) return [$at.pos]
  const after = $at.nodeAfter?.isTextblock ? [$at.pos + 1] : []
  const before = $at.nodeBefore?.isTextblock ? [$at.pos - 1] : []
  return prefer === 1 ? [...after, ...before] : [...before, ...after]
}

/** Whether `node` is a block of words a range may strike and join: a paragraph or a heading. */
function isJoinable(node: ProseMirrorNode): boolean {
  return node.type.name === 'paragraph' || node.type.name === 'heading'
}

/**
 * For a range across paragraphs and headings of `state`'s document (`doc`), done in `out` (positions mapped
 * through it) with `attrs`: a suggested join at the end of each of them but the last (unless
 * one is already suggested there), and each rule, figure or embed between suggested out (one's
 * own suggested in just goes; one's own suggested out becomes part of this suggestion, so that
 * the joins never wait on another). False, and nothing to make of `out`, when the range holds
 * anything else: a block that is not a paragraph, heading, rule, figure or embed, one someone else
 * suggested in or out, one that split a paragraph, a paragraph or heading whose form is suggested
 * changed, or blocks not side by side in one parent.
 */
export function suggestBlocksBetween(doc: ProseMirrorNode, out: Transaction, from: number, to: number, attrs: SuggestionAttrs): boolean {
  const $from = doc.resolve(from)
  const $to = doc.resolve(to)
  if ($from.sameParent($to)) return true
  const depth = $from.depth
  if ($to.depth !== depth || $from.sharedDepth(to) !== depth - 1) return false
  const parent = $from.node(depth - 1)
  const textblockEnds: number[] = []
  const atoms: { node: ProseMirrorNode; position: number }[] = []
  let position = $from.before(depth)
  for (let index = $from.index(depth - 1); index <= $to.index(depth - 1); index++) {
    const node = parent.child(index)
    if (isJoinable(node) && !holdsBlockChange(node)) textblockEnds.push(position + node.nodeSize - 1)
    else if (isWholeAtomType(node.type.name)) atoms.push({ node, position })
    else return false
    position += node.nodeSize
  }
  textblockEnds.pop()
  for (const { node, position: at } of atoms) {
    const change = toWholeBlockChange(node.attrs)
    const start = out.mapping.map(at)
    if (change && (change.joins || change.authorId !== attrs.authorId)) return false
    if (change?.suggested === 'insertion') out.delete(start, start + node.nodeSize)
    else out.setNodeMarkup(start, undefined, { ...node.attrs, ...attrs, suggested: 'deletion' })
  }
  const pilcrow = doc.type.schema.nodes[suggestedBreakName]
  if (!pilcrow) return false
  for (const end of textblockEnds) {
    const at = out.mapping.map(end, -1)
    const before = out.doc.resolve(at).nodeBefore
    const isJoined = before?.type === pilcrow && breakKindOf(before.attrs) === 'join'
    if (!isJoined) out.insert(at, pilcrow.create({ kind: 'join', ...attrs }))
  }
  return true
}

/** Whether a paragraph or heading carries a suggested change of its form (it was another): joining it would carry the change over. */
function holdsBlockChange(node: ProseMirrorNode): boolean {
  let holds = false
  node.forEach((child) => {
    holds ||= child.type.name === suggestedBlockName
  })
  return holds
}
