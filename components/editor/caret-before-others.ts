import type { HocuspocusProvider } from '@hocuspocus/provider'
import { Extension } from '@tiptap/core'
import { type EditorState, Plugin, PluginKey, type Selection, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

// Keys such as End, Home or the arrows move the browser's caret at once; the editor reads it only on
// the `selectionchange` event, a moment later. An update of the editor in between (others' keys
// applied by the shared document's binding, their carets redrawn) was drawn with the caret the editor
// still held, which put the browser's caret back there: what the person typed next landed where the
// caret had been. So the editor takes the browser's caret first.

export const caretBeforeOthersKey = new PluginKey('caretBeforeOthers')

/**
 * This person's caret taken from the browser before anything from the sync server is applied, and
 * by any update of the editor that does not itself say where the caret goes: the others' carets
 * are redrawn a moment after their news came (`setMeta` of `@tiptap/y-tiptap` waits for a timeout).
 */
export const CaretBeforeOthers = Extension.create<{ provider: HocuspocusProvider | null }>({
  name: 'caretBeforeOthers',
  addOptions: () => ({ provider: null }),
  addProseMirrorPlugins() {
    const { provider } = this.options
    return provider ? [takenOnEveryMessage(provider)] : []
  },
  dispatchTransaction({ transaction, next }) {
    const caret = transaction.docChanged || transaction.selectionSet ? null : browserCaret(this.editor.view, transaction)
    next(caret ? transaction.setSelection(caret) : transaction)
  },
})

/** Takes the browser's caret whenever the provider has a message, before the message is applied. */
function takenOnEveryMessage(provider: HocuspocusProvider): Plugin {
  return new Plugin({
    key: caretBeforeOthersKey,
    view: (view) => {
      const take = () => {
        const caret = browserCaret(view, view.state)
        if (caret) view.dispatch(view.state.tr.setSelection(caret).setMeta('addToHistory', false))
      }
      provider.on('message', take)
      return { destroy: () => provider.off('message', take) }
    },
  })
}

/**
 * The caret or selection the browser shows in `view`, if `at` (its state, or a transaction about to
 * be applied to it) holds another one. Not while a word is being composed: the editor reads that
 * itself, as it always does.
 */
function browserCaret(view: EditorView, at: Pick<EditorState, 'doc' | 'selection'>): Selection | null {
  if (!view.hasFocus() || view.composing) return null
  const shown = view.dom.ownerDocument.getSelection()
  const { anchorNode, focusNode } = shown ?? {}
  if (!shown || !anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return null
  return movedCaret(at, view.posAtDOM(anchorNode, shown.anchorOffset, 1), view.posAtDOM(focusNode, shown.focusOffset, 1))
}

/**
 * The text caret or selection from `anchor` to `head` (where the browser shows it), if `at` holds
 * another one; null if it holds that one already, or holds no text caret or selection (a figure
 * selected whole: the editor put the browser's selection there itself).
 */
export function movedCaret(at: Pick<EditorState, 'doc' | 'selection'>, anchor: number, head: number): Selection | null {
  const { selection, doc } = at
  if (!(selection instanceof TextSelection) || anchor < 0 || head < 0) return null
  if (anchor === selection.anchor && head === selection.head) return null
  const caret = TextSelection.between(doc.resolve(anchor), doc.resolve(head))
  return caret.eq(selection) ? null : caret
}
