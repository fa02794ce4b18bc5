import { z } from 'zod'
import type { RichTextNode } from '@/db/schema'
import { jsonEqual } from '@/lib/json'
import { toAttribution } from './nodes/blockquote'

// Whole-block suggestions that split a block (lib/story-schema/whole-blocks.ts): a rule, figure or
// embed suggested in the middle of a paragraph's words splits the paragraph, and part of a quote
// suggested off splits the quote into the part kept and the part taken off. Until accepted the
// pieces are one block again for readers, and rejected they are joined back for good
// (components/editor/suggest-split-blocks.ts).

/**
 * Which neighbours a split suggestion's block was split from: a quote part taken off from the
 * quote before it, after it, or both; a rule, figure or embed is always `both` (the paragraph it
 * split is either side of it).
 */
export const joinSides = ['before', 'after', 'both'] as const
export type JoinSide = (typeof joinSides)[number]
export const joinSideSchema = z.enum(joinSides)

export const joinsBefore = (side: JoinSide | null | undefined) => side === 'before' || side === 'both'
export const joinsAfter = (side: JoinSide | null | undefined) => side === 'after' || side === 'both'

/**
 * The readers' form of sibling `nodes` (`reader` of each), with the pieces of each split
 * suggestion (`joinsOf` a node, null for most) joined back: a block that split a paragraph is not
 * there and the paragraph is whole, a quote part taken off is one quote with the parts beside it.
 */
export function joinedBack(
  nodes: RichTextNode[],
  reader: (node: RichTextNode) => RichTextNode[],
  joinsOf: (node: RichTextNode) => JoinSide | null,
): RichTextNode[] {
  const out: RichTextNode[] = []
  let joinsNext = false
  for (const node of nodes) {
    const joins = joinsOf(node)
    const [first, ...rest] = reader(node)
    const last = out.at(-1)
    if (first && last && (joinsNext || joinsBefore(joins)) && canJoinBack(last, first)) out[out.length - 1] = joinedPair(last, first)
    else if (first) out.push(first)
    out.push(...rest)
    joinsNext = joinsAfter(joins) || (joinsNext && !first)
  }
  return out
}

/** Whether two blocks read as one once a split is undone: two quotes, or two textblocks of one type and form. */
function canJoinBack(before: RichTextNode, after: RichTextNode): boolean {
  if (before.type !== after.type) return false
  return before.type === 'blockquote' || jsonEqual(before.attrs ?? {}, after.attrs ?? {})
}

function joinedPair(before: RichTextNode, after: RichTextNode): RichTextNode {
  const head = before.content ?? []
  const tail = after.content ?? []
  const last = head.at(-1)
  const first = tail[0]
  const isOneRun = last?.type === 'text' && first?.type === 'text' && jsonEqual(last.marks ?? [], first.marks ?? [])
  const content =
    isOneRun && last && first
      ? [...head.slice(0, -1), { ...last, text: `${last.text ?? ''}${first.text ?? ''}` }, ...tail.slice(1)]
      : [...head, ...tail]
  const joined: RichTextNode = { ...before, content }
  if (before.type !== 'blockquote') return joined
  const attribution = joinedAttribution(before.attrs?.attribution, after.attrs?.attribution)
  if (attribution) joined.attrs = { ...before.attrs, attribution }
  return joined
}

/** A quote joined back from its parts names the source the last part names (each part starts with the whole quote's). */
export function joinedAttribution(...parts: unknown[]): string {
  return parts.map(toAttribution).reduce((kept, attribution) => attribution || kept, '')
}
