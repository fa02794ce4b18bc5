'use client'

import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { type KeyboardEvent, useRef, useState } from 'react'
import type { PanelKind } from './panels'
import { describeShortcut, isMacPlatform } from './shortcuts'

type ToolbarState = Record<
  'bold' | 'italic' | 'underline' | 'strike' | 'h2' | 'h3' | 'h4' | 'bulletList' | 'orderedList' | 'blockquote' | 'pullQuote' | 'link' | 'figure' | 'embed' | 'canUndo' | 'canRedo',
  boolean
>

function readState(editor: Editor): ToolbarState {
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    strike: editor.isActive('strike'),
    h2: editor.isActive('heading', { level: 2 }),
    h3: editor.isActive('heading', { level: 3 }),
    h4: editor.isActive('heading', { level: 4 }),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    pullQuote: editor.isActive('pullQuote'),
    link: editor.isActive('link'),
    figure: editor.isActive('figure'),
    embed: editor.isActive('embed'),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  }
}

type Item = {
  label: string
  /** What the button shows; the label is its accessible name. */
  glyph: string
  keys?: string
  /** A toggle: its pressed state. */
  pressed?: (state: ToolbarState) => boolean
  /** Not a toggle, but shown as active (the cursor is in a link). */
  isActive?: (state: ToolbarState) => boolean
  /** Opens a panel instead of acting at once. */
  panel?: PanelKind
  isDisabled?: (state: ToolbarState) => boolean
  run?: (editor: Editor) => void
}

const groups: Item[][] = [
  [
    { label: 'Bold', glyph: 'B', keys: 'Mod-b', pressed: (s) => s.bold, run: (e) => e.chain().focus().toggleBold().run() },
    { label: 'Italic', glyph: 'I', keys: 'Mod-i', pressed: (s) => s.italic, run: (e) => e.chain().focus().toggleItalic().run() },
    { label: 'Underline', glyph: 'U', keys: 'Mod-u', pressed: (s) => s.underline, run: (e) => e.chain().focus().toggleUnderline().run() },
    { label: 'Strikethrough', glyph: 'S', keys: 'Mod-Shift-s', pressed: (s) => s.strike, run: (e) => e.chain().focus().toggleStrike().run() },
    { label: 'Link', glyph: 'Link', keys: 'Mod-k', isActive: (s) => s.link, panel: 'link' },
  ],
  [
    { label: 'Heading 2', glyph: 'H2', keys: 'Mod-Alt-2', pressed: (s) => s.h2, run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
    { label: 'Heading 3', glyph: 'H3', keys: 'Mod-Alt-3', pressed: (s) => s.h3, run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
    { label: 'Heading 4', glyph: 'H4', keys: 'Mod-Alt-4', pressed: (s) => s.h4, run: (e) => e.chain().focus().toggleHeading({ level: 4 }).run() },
  ],
  [
    { label: 'Bulleted list', glyph: '• List', keys: 'Mod-Shift-8', pressed: (s) => s.bulletList, run: (e) => e.chain().focus().toggleBulletList().run() },
    { label: 'Numbered list', glyph: '1. List', keys: 'Mod-Shift-7', pressed: (s) => s.orderedList, run: (e) => e.chain().focus().toggleOrderedList().run() },
    { label: 'Block quote', glyph: '“Quote”', keys: 'Mod-Shift-b', pressed: (s) => s.blockquote, run: (e) => e.chain().focus().toggleBlockquote().run() },
    { label: 'Pull quote', glyph: 'Pull quote', pressed: (s) => s.pullQuote, run: (e) => e.chain().focus().togglePullQuote().run() },
  ],
  [
    { label: 'Figure', glyph: 'Figure', panel: 'figure' },
    { label: 'Embed', glyph: 'Embed', panel: 'embed' },
    { label: 'Horizontal rule', glyph: '―', run: (e) => e.chain().focus().setHorizontalRule().run() },
  ],
  [
    { label: 'Undo', glyph: '↶', keys: 'Mod-z', isDisabled: (s) => !s.canUndo, run: (e) => e.chain().focus().undo().run() },
    { label: 'Redo', glyph: '↷', keys: 'Mod-Shift-z', isDisabled: (s) => !s.canRedo, run: (e) => e.chain().focus().redo().run() },
  ],
]

const items = groups.flat()

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
  const state = useEditorState({ editor, selector: ({ editor: current }) => readState(current) })
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
      {groups.map((group, groupIndex) => (
        <div className="editor-toolbar-group" key={groupIndex}>
          {group.map((item) => {
            const itemIndex = items.indexOf(item)
            const shortcut = item.keys ? describeShortcut(item.keys, isMac) : null
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
                title={shortcut ? `${item.label} (${shortcut.label})` : item.label}
                aria-keyshortcuts={shortcut?.aria}
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
