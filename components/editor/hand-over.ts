import type { Transaction } from '@tiptap/pm/state'

// The body editor hands its body to the form after a pause in typing, or as the text loses the
// focus. A change made with a button outside the text (a suggestion accepted or rejected in the
// rail) has neither: it is handed over at once, so that a Save or a workflow step pressed next
// carries it.

const handOverAtOnceMeta = 'handOverAtOnce'

/** Marks `tr` as a change the form takes at once. */
export function handOverAtOnce(tr: Transaction): Transaction {
  return tr.setMeta(handOverAtOnceMeta, true)
}

export function isHandedOverAtOnce(tr: Transaction): boolean {
  return tr.getMeta(handOverAtOnceMeta) === true
}
