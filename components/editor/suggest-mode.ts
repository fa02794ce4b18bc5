import { type Editor, Extension } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { isLoadedBody } from './load-body'
import { type Suggester, directChangeMeta, suggestTransaction } from './suggest-changes'

/** Whether this person's edits are suggestions, who they are, and what to say when an edit cannot be one. */
export type SuggestModeStorage = { isOn: boolean; who: Suggester | null; onRefused: (() => void) | null }

declare module '@tiptap/core' {
  interface Storage {
    suggestMode: SuggestModeStorage
  }
}

/** Tells the toolbar to read the mode again: a transaction that changes nothing. */
const modeMeta = 'suggestModeChanged'

/**
 * Suggestion mode: while it is on, this person's typing and deleting in the body become
 * suggestions (suggest-changes.ts) instead of changes. Others' edits arriving through the shared
 * document, bodies loaded from a save, accepting and rejecting, and anchoring comments pass as
 * they are; any other edit (a new paragraph, formatting, a figure) is refused while it is on.
 */
export const SuggestMode = Extension.create<Record<string, never>, SuggestModeStorage>({
  name: 'suggestMode',

  addStorage: () => ({ isOn: false, who: null, onRefused: null }),

  dispatchTransaction({ transaction, next }) {
    const { isOn, who, onRefused } = this.storage
    if (!isOn || !who || passesAsItIs(transaction)) return next(transaction)
    const suggestion = suggestTransaction(this.editor.state, transaction, who, new Date(), newSuggestionId)
    if (suggestion) next(suggestion)
    else onRefused?.()
  },
})

function passesAsItIs(transaction: Transaction): boolean {
  if (
    !transaction.docChanged ||
    transaction.getMeta(directChangeMeta) ||
    transaction.getMeta(ySyncPluginKey) ||
    isLoadedBody(transaction)
  ) {
    return true
  }
  // A comment anchored on words is a note on them, not an edit.
  return transaction.steps.every(
    (step) => (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === 'comment',
  )
}

/** Turns suggestion mode on or off for this editor, as `who`. */
export function setSuggesting(editor: Editor, isOn: boolean, who: Suggester | null): void {
  Object.assign(editor.storage.suggestMode, { isOn, who })
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(modeMeta, isOn).setMeta('addToHistory', false))
}

export function isSuggesting(editor: Editor): boolean {
  return editor.storage.suggestMode?.isOn ?? false
}

function newSuggestionId(): string {
  return Math.random().toString(36).slice(2, 12)
}
