// Pure helpers for keeping a plain text field (the headline, the standfirst) and its shared Y.Text
// in step. No Yjs and no DOM here, so the browser and the tests use the same code.

/** One edit that turns `before` into `after`: remove `remove` characters at `index`, insert `insert` there. */
export type TextChange = { index: number; remove: number; insert: string }

/**
 * The smallest single edit from `before` to `after` (common start and end kept), or null when
 * they are equal. A field changes by one typed, pasted or deleted run at a time, so one edit
 * sends only what the person changed and leaves the rest of the shared text (and what others
 * type into it) alone.
 */
export function textChange(before: string, after: string): TextChange | null {
  if (before === after) return null
  let start = 0
  const shorter = Math.min(before.length, after.length)
  while (start < shorter && before[start] === after[start]) start += 1
  let end = 0
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) }
}

/** A Yjs text delta: what happened to the shared text, from its start. */
export type TextDelta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>

/**
 * Where a caret at `index` is after someone else's change `delta`: text inserted before it
 * pushes it on, text deleted before it pulls it back; text inserted exactly at it goes after it.
 */
export function mapIndex(index: number, delta: TextDelta): number {
  // `old` walks the text as it was; only what happens before the caret moves it.
  let old = 0
  let shift = 0
  for (const step of delta) {
    if (old >= index) break
    if (step.retain !== undefined) old += step.retain
    else if (step.delete !== undefined) {
      shift -= Math.min(step.delete, index - old)
      old += step.delete
    } else if (typeof step.insert === 'string') shift += step.insert.length
  }
  return Math.max(0, index + shift)
}
