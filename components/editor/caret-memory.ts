import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'

/**
 * Keeps the caret where it was when the writer comes back to the text from the keyboard (Tab or
 * Shift+Tab from the attribution field or a panel): the browser would put it at the start of the
 * story. A click or a tap places the caret itself, and is left alone.
 */
export const CaretMemory = Extension.create({
  name: 'caretMemory',

  addProseMirrorPlugins() {
    let isPointerFocus = false
    return [
      new Plugin({
        key: new PluginKey('caretMemory'),
        props: {
          handleDOMEvents: {
            pointerdown: () => {
              isPointerFocus = true
              return false
            },
            focus: (view) => {
              if (isPointerFocus) {
                isPointerFocus = false
                return false
              }
              // The selection from before the focus; the browser's caret is read into the state just after.
              // Once the writer has typed, the caret is where the typing put it: left alone.
              const kept = view.state.selection.getBookmark()
              const before = view.state.doc
              setTimeout(() => {
                if (view.isDestroyed || !view.hasFocus() || view.state.doc !== before) return
                view.dispatch(view.state.tr.setSelection(kept.resolve(view.state.doc)).scrollIntoView())
              }, 0)
              return false
            },
          },
        },
      }),
    ]
  },
})
