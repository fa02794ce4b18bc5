import type { RichTextNode } from '@/db/schema'
import { canonicalJson } from './story-draft'

// A three-way merge of a story body's top-level blocks (paragraphs, subheads, figures…): the
// blocks of the version both people started from (base) are aligned with each side's by their
// longest common subsequence, and each stretch between blocks neither side touched is settled on
// its own. The story-level merge is lib/story-merge.ts.

/** How a stretch both sides changed differently is settled: one side's blocks, or both in turn. */
export type OverlapChoice = 'mine' | 'theirs' | 'both'

/** Blocks both sides changed differently, by their place in the base version (0-based, end exclusive). */
export type BlockOverlap = { from: number; to: number; base: RichTextNode[]; mine: RichTextNode[]; theirs: RichTextNode[] }

/** Blocks the other side changed that the merge took, by their place in the merged body; empty for a deletion. */
export type TakenChange = { from: number; to: number; removed: number }

export type BlockMerge = { blocks: RichTextNode[]; taken: TakenChange[]; overlaps: BlockOverlap[] }

type Stretch = { base: RichTextNode[]; mine: RichTextNode[]; theirs: RichTextNode[]; baseFrom: number }

/**
 * Merges `mine` and `theirs` against `base`; where both changed the same blocks differently,
 * `choice` decides, and the stretch is reported in `overlaps` either way.
 */
export function mergeBlocks(base: RichTextNode[], mine: RichTextNode[], theirs: RichTextNode[], choice: OverlapChoice): BlockMerge {
  const keys = (blocks: RichTextNode[]) => blocks.map(canonicalJson)
  const [baseKeys, mineKeys, theirKeys] = [keys(base), keys(mine), keys(theirs)]
  const inMine = commonSubsequence(baseKeys, mineKeys)
  const inTheirs = commonSubsequence(baseKeys, theirKeys)
  const result: BlockMerge = { blocks: [], taken: [], overlaps: [] }

  let [b, m, t] = [0, 0, 0]
  const settleUpTo = (nextB: number, nextM: number, nextT: number) => {
    const stretch = { base: base.slice(b, nextB), mine: mine.slice(m, nextM), theirs: theirs.slice(t, nextT), baseFrom: b }
    settle(stretch, result, choice)
  }
  for (let i = 0; i < base.length; i++) {
    const atMine = inMine.get(i)
    const atTheirs = inTheirs.get(i)
    // A block neither side touched: everything before it is settled, then it is kept.
    if (atMine === undefined || atTheirs === undefined) continue
    settleUpTo(i, atMine, atTheirs)
    result.blocks.push(mine[atMine] as RichTextNode)
    ;[b, m, t] = [i + 1, atMine + 1, atTheirs + 1]
  }
  settleUpTo(base.length, mine.length, theirs.length)
  return result
}

function settle(stretch: Stretch, result: BlockMerge, choice: OverlapChoice): void {
  const same = (a: RichTextNode[], z: RichTextNode[]) =>
    a.length === z.length && a.every((node, i) => canonicalJson(node) === canonicalJson(z[i]))
  const { base, mine, theirs } = stretch
  const take = (blocks: RichTextNode[], isTheirs: boolean) => {
    if (isTheirs) result.taken.push({ from: result.blocks.length, to: result.blocks.length + blocks.length, removed: base.length })
    result.blocks.push(...blocks)
  }
  if (same(mine, base)) return take(theirs, !same(theirs, base))
  if (same(theirs, base) || same(mine, theirs)) return take(mine, false)
  // Both added blocks at the same place: both additions stay, theirs (saved first) first.
  if (base.length === 0) {
    take(theirs, true)
    return take(mine, false)
  }
  // As many blocks on each side: block by block, so that only the blocks both changed overlap.
  if (mine.length === base.length && theirs.length === base.length && base.length > 1) {
    base.forEach((block, i) => {
      const single = { base: [block], mine: [mine[i] as RichTextNode], theirs: [theirs[i] as RichTextNode], baseFrom: stretch.baseFrom + i }
      settle(single, result, choice)
    })
    return
  }
  result.overlaps.push({ from: stretch.baseFrom, to: stretch.baseFrom + base.length, base, mine, theirs })
  if (choice === 'theirs' || choice === 'both') take(theirs, false)
  if (choice === 'mine' || choice === 'both') take(mine, false)
}

/** For each index of `a` in a longest common subsequence of `a` and `b`, its index in `b`. */
export function commonSubsequence(a: string[], b: string[]): Map<number, number> {
  // Blocks equal at both ends are matched first: the common case of an edit in the middle.
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const rows = endA - start
  const cols = endB - start
  const lengths = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0))
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      const row = lengths[i] as number[]
      const below = lengths[i + 1] as number[]
      row[j] = a[start + i] === b[start + j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number)
    }
  }
  const pairs = new Map<number, number>()
  for (let i = 0; i < start; i++) pairs.set(i, i)
  let [i, j] = [0, 0]
  while (i < rows && j < cols) {
    if (a[start + i] === b[start + j]) {
      pairs.set(start + i, start + j)
      i++
      j++
    } else if (((lengths[i + 1] as number[])[j] as number) >= ((lengths[i] as number[])[j + 1] as number)) i++
    else j++
  }
  for (let k = 0; k < a.length - endA; k++) pairs.set(endA + k, endB + k)
  return pairs
}
