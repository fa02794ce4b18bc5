import { Extension } from '@tiptap/core'

/**
 * The key that inserts a horizontal rule (⌘⌥-, Ctrl+Alt+-): StarterKit's rule has none, and the
 * toolbar promises one for every button.
 */
export const horizontalRuleShortcut = 'Mod-Alt--'

/** Binds `horizontalRuleShortcut` to the rule of StarterKit. */
export const HorizontalRuleShortcut = Extension.create({
  name: 'horizontalRuleShortcut',

  addKeyboardShortcuts() {
    return { [horizontalRuleShortcut]: () => this.editor.commands.setHorizontalRule() }
  },
})
