import type { Editor } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import type { RichTextDoc } from '@/db/schema'

/** Marks a transaction that loads a body from outside: not the writer's change, not theirs to undo. */
const loadedMeta = 'copydesk-loaded-body'

export function isLoadedBody(transaction: Transaction): boolean {
  return transaction.getMeta(loadedMeta) === true
}

/**
 * Puts `doc` into the editor as one change to the part that differs (another person's save, a
 * merge), so that the caret and the selection stay where the writer is, mapped through the
 * change. Undo does not take it back: it is not the writer's own.
 */
export function loadBody(editor: Editor, doc: RichTextDoc): void {
  const next = editor.schema.nodeFromJSON(doc)
  const current = editor.state.doc
  const start = current.content.findDiffStart(next.content)
  if (start === null) return
  const end = current.content.findDiffEnd(next.content) ?? { a: current.content.size, b: next.content.size }
  // When the change repeats what is beside it, the two ends can cross: move them past the start.
  const overlap = start - Math.min(end.a, end.b)
  const [endA, endB] = overlap > 0 ? [end.a + overlap, end.b + overlap] : [end.a, end.b]
  const transaction = editor.state.tr.replace(start, endA, next.slice(start, endB))
  editor.view.dispatch(transaction.setMeta(loadedMeta, true).setMeta('addToHistory', false))
}
