'use client'

import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { type KeyboardEvent, useRef, useState } from 'react'
import type { PanelKind } from './panel'
import { describeShortcut, isMacPlatform } from './shortcuts'
import { readToolbarState, toolbarGroups, toolbarItems as items } from './toolbar-items'

export type ToolbarProps = {
  editor: Editor
  /** The panel that is open, if any; its button is shown expanded. */
  openPanel: PanelKind | null
  panelId: (panel: PanelKind) => string
  onOpenPanel: (panel: PanelKind) => void
}

/**
 * The formatting buttons. One tab stop: the arrow keys, Home and End move between buttons, as in
 * any toolbar. It re-renders when what the buttons show changes, not on every keystroke.
 */
export function Toolbar({ editor, openPanel, panelId, onOpenPanel }: ToolbarProps) {
  const state = useEditorState({ editor, selector: ({ editor: current }) => readToolbarState(current) })
  const [focusIndex, setFocusIndex] = useState(0)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const [isMac] = useState(isMacPlatform)

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: items.length - 1 }
    if (!(event.key in moves)) return
    event.preventDefault()
    const next = ((moves[event.key] ?? 0) + items.length) % items.length
    setFocusIndex(next)
    buttons.current[next]?.focus()
  }

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting" onKeyDown={move}>
      {toolbarGroups.map((group, groupIndex) => (
        <div className="editor-toolbar-group" key={groupIndex}>
          {group.map((item) => {
            const itemIndex = items.indexOf(item)
            const shortcut = describeShortcut(item.keys, isMac)
            const isDisabled = item.isDisabled?.(state) ?? false
            const isOpen = item.panel !== undefined && openPanel === item.panel
            return (
              <button
                key={item.label}
                ref={(button) => {
                  buttons.current[itemIndex] = button
                }}
                type="button"
                className="editor-button"
                data-active={(item.pressed ?? item.isActive)?.(state) || undefined}
                tabIndex={itemIndex === focusIndex ? 0 : -1}
                aria-label={item.label}
                title={`${item.label} (${shortcut.label})`}
                aria-keyshortcuts={shortcut.aria}
                aria-pressed={item.pressed ? item.pressed(state) : undefined}
                aria-expanded={item.panel ? isOpen : undefined}
                aria-controls={item.panel && isOpen ? panelId(item.panel) : undefined}
                aria-disabled={isDisabled || undefined}
                onFocus={() => setFocusIndex(itemIndex)}
                // Keeps the editor's selection while the button is pressed.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  if (isDisabled) return
                  if (item.panel) onOpenPanel(item.panel)
                  else item.run?.(editor)
                }}
              >
                <span aria-hidden="true">{item.glyph}</span>
              </button>
            )
          })}
        </div>
      ))}
    </div>
  )
}
