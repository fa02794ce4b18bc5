import { Extension } from '@tiptap/core'
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { isFromSharedDocument } from './collab-binding'

// Another person's key reaches this page as a transaction of the shared document's binding, and
// their caret as another. Neither changes what this person's own selection shows when the key
// lands after it: the words at the caret, its place on the screen, the toolbar's buttons.

/** Whether the last transaction left the selection alone, and since when it has been (an object kept as long as it is). */
type LeftAlone = { isLeftAlone: boolean; since: object }

const othersElsewhereKey = new PluginKey<LeftAlone>('othersElsewhere')

/**
 * Whether `transaction`, from `before` to `after`, only brings others' news that leaves this
 * person's selection as it was: their changes, all after the selection, or their carets drawn
 * again (a transaction with the meta of `caretsKey`, the carets' plugin). Not if it drops the
 * marks to type with (any change of the text does). The binding sets the selection again with
 * every change it brings: what counts is whether it is still the same.
 */
export function leavesSelectionAlone(transaction: Transaction, before: EditorState, after: EditorState, caretsKey: PluginKey): boolean {
  if (!after.selection.eq(before.selection) || before.storedMarks !== after.storedMarks) return false
  if (!transaction.docChanged) return transaction.getMeta(caretsKey) !== undefined
  if (!isFromSharedDocument(transaction)) return false
  const changedFrom = transaction.before.content.findDiffStart(transaction.doc.content)
  return changedFrom === null || changedFrom > transaction.selection.to
}

/** Whether the transaction that made `state` left this person's selection as it was (`leavesSelectionAlone`). */
export function isSelectionLeftAlone(state: EditorState): boolean {
  return othersElsewhereKey.getState(state)?.isLeftAlone ?? false
}

/**
 * The same object from one state to the next as long as nothing but others' news that leaves
 * this person's selection alone came in: what was read at the selection still holds while it is.
 * Null for an editor that does not write together.
 */
export function leftAloneSince(state: EditorState): object | null {
  return othersElsewhereKey.getState(state)?.since ?? null
}

/**
 * Remembers, with each state, whether its transaction left this person's selection alone, and
 * then keeps the page from scrolling to the selection. The shared document's binding
 * (`@tiptap/y-tiptap`) asks for that scroll with every change of others while the caret is in
 * view, so that words arriving above it cannot push it out of sight; scrolling measures the
 * caret, which makes the browser lay the page out there and then, inside each remote key, and
 * again for the next frame. A change after the caret cannot move it: nothing to measure.
 */
export const OthersElsewhere = Extension.create<{ caretsKey: PluginKey | null }>({
  name: 'othersElsewhere',
  addOptions: () => ({ caretsKey: null }),
  addProseMirrorPlugins() {
    const { caretsKey } = this.options
    return caretsKey ? [othersElsewhere(caretsKey)] : []
  },
})

/** The plugin of `OthersElsewhere`, the others' carets drawn by the plugin of `caretsKey`. */
export function othersElsewhere(caretsKey: PluginKey): Plugin<LeftAlone> {
  return new Plugin<LeftAlone>({
    key: othersElsewhereKey,
    state: {
      init: () => ({ isLeftAlone: false, since: {} }),
      apply: (transaction, value, before, after) =>
        leavesSelectionAlone(transaction, before, after, caretsKey)
          ? { isLeftAlone: true, since: value.since }
          : { isLeftAlone: false, since: {} },
    },
    props: { handleScrollToSelection: (view) => isSelectionLeftAlone(view.state) },
  })
}
