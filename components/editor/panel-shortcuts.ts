import { Extension } from '@tiptap/core'
import type { PanelKind } from './panel'
import { panelShortcuts } from './toolbar-items'

export type PanelShortcutsOptions = {
  /** Opens the toolbar's panel for a link, a figure or an embed. */
  open: (panel: PanelKind) => void
}

/**
 * The shortcuts of the toolbar buttons that open a panel (Link, Figure, Embed). Only the browser
 * editor adds it: the panels are part of the page around the editor, not of the story's schema.
 */
export const PanelShortcuts = Extension.create<PanelShortcutsOptions>({
  name: 'panelShortcuts',

  addOptions() {
    return { open: () => undefined }
  },

  addKeyboardShortcuts() {
    return Object.fromEntries(
      panelShortcuts.map(({ keys, panel }) => [
        keys,
        () => {
          this.options.open(panel)
          return true
        },
      ]),
    )
  },
})
