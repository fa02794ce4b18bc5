import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { isFromSharedDocument } from './collab-binding'

// Bold, italic or underline turned on with nothing selected are kept by ProseMirror for the next words
// typed (its "stored marks"), and dropped by any change of the text: a key someone else typed
// anywhere in the story took them away before this person typed.

const keptMarksKey = new PluginKey('keptMarks')

/** Whether `transactions` only brought others' changes from the shared document. */
const onlyOthers = (transactions: readonly Transaction[]) => transactions.every(isFromSharedDocument)

/** Gives back the marks chosen to type with when only others' changes dropped them, the caret still a caret. */
export function keptMarks(): Plugin {
  return new Plugin({
    key: keptMarksKey,
    appendTransaction: (transactions, before, after) => {
      if (!before.storedMarks || after.storedMarks || !after.selection.empty || !onlyOthers(transactions)) return null
      return after.tr.setStoredMarks(before.storedMarks).setMeta('addToHistory', false)
    },
  })
}

/** `keptMarks` for an editor writing together. */
export const KeptMarks = Extension.create({
  name: 'keptMarks',
  addProseMirrorPlugins: () => [keptMarks()],
})
