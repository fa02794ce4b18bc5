import { Extension, InputRule } from '@tiptap/core'
import { typographicInput } from '@/lib/typography'

/**
 * Typographic quotes, apostrophes, em dashes and ellipses as the writer types (lib/typography.ts).
 * Backspace right after, or Ctrl+Z (⌘Z), gives back the straight character as typed. Input rules
 * never run in code, which a story does not have; a web address being typed is left alone.
 */
export const Typography = Extension.create({
  name: 'typography',
  // Before the history's Ctrl+Z, so that the first undo after a replacement restores the typed character.
  priority: 1000,

  addInputRules() {
    return [
      new InputRule({
        find: /["'.-]$/,
        handler: ({ state, range, match }) => {
          const $from = state.doc.resolve(range.from)
          const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc')
          const replacement = typographicInput(before, match[0])
          if (!replacement) return null
          state.tr.insertText(replacement.text, range.from - (replacement.length - 1), range.to)
        },
      }),
    ]
  },

  addKeyboardShortcuts() {
    return { 'Mod-z': () => this.editor.commands.undoInputRule() }
  },
})
