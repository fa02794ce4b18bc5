import { type Editor, Extension } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform'
import { isFromSharedDocument } from './collab-binding'
import { isLoadedBody } from './load-body'
import { settlesOthersSuggestion } from './settle-guard'
import { type Suggester, directChangeMeta, suggestTransaction } from './suggest-changes'

/** Why an edit was not made: it cannot be a suggestion, or it would settle someone else's without the right to review. */
export type RefusedEdit = 'not-a-suggestion' | 'settles-others'

/**
 * Whether this person's edits are suggestions, who they are, whether they may accept and reject
 * others' suggestions (`suggestion.review`), and what to say when an edit is not made.
 */
export type SuggestModeStorage = {
  isOn: boolean
  who: Suggester | null
  mayReview: boolean
  onRefused: ((why: RefusedEdit) => void) | null
}

declare module '@tiptap/core' {
  interface Storage {
    suggestMode: SuggestModeStorage
  }
}

/** Tells the toolbar to read the mode again: a transaction that changes nothing. */
const modeMeta = 'suggestModeChanged'

/**
 * Suggestion mode: while it is on, this person's typing and deleting in the body, the
 * paragraphs they start or join, their bold, italic, underline, strikethrough and links, and the paragraphs they make
 * headings or list items (or back) become suggestions (suggest-changes.ts) instead of changes.
 * Others' edits arriving through the shared document, bodies loaded from a save, accepting and
 * rejecting, and anchoring comments pass as they are; an edit that cannot be a suggestion
 * (`suggestTransaction` gives none) is refused while it is on, and the person told so.
 * Whether on or not, an edit that would settle someone else's suggestion is not made for a person
 * who may not review (settle-guard.ts): the server would refuse it.
 */
export const SuggestMode = Extension.create<Record<string, never>, SuggestModeStorage>({
  name: 'suggestMode',

  addStorage: () => ({ isOn: false, who: null, mayReview: true, onRefused: null }),

  dispatchTransaction({ transaction, next }) {
    const { isOn, who, mayReview, onRefused } = this.storage
    let made = transaction
    if (isOn && who && !passesAsItIs(transaction)) {
      const suggestion = suggestTransaction(this.editor.state, transaction, who, new Date(), newSuggestionId)
      if (!suggestion) return onRefused?.('not-a-suggestion')
      made = suggestion
    }
    if (!mayReview && who && isOwnEdit(made) && settlesOthersSuggestion(made, who.id)) return onRefused?.('settles-others')
    next(made)
  },
})

/** A change of the body typed here: not one arriving through the shared document, nor a body loaded. */
function isOwnEdit(transaction: Transaction): boolean {
  return transaction.docChanged && !isFromSharedDocument(transaction) && !isLoadedBody(transaction)
}

function passesAsItIs(transaction: Transaction): boolean {
  if (!transaction.docChanged || transaction.getMeta(directChangeMeta) || isFromSharedDocument(transaction) || isLoadedBody(transaction)) {
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
