'use client'

import type { Editor } from '@tiptap/core'
import { NodeSelection, type SelectionBookmark } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { type RefObject, useCallback, useRef, useState } from 'react'
import type { PanelKind } from './panel'

/** The open panel, and how far below the top of the editor it sits: just under the caret's line. */
export type OpenPanel = { kind: PanelKind; top: number }

/**
 * The Link, Figure and Embed panels, opened at the caret. Cancelling puts the caret back where it
 * was; applying leaves it where the panel's change put it (after the link or the new figure).
 */
export function useCaretPanel(editor: RefObject<Editor | null>, frame: RefObject<HTMLElement | null>) {
  const [panel, setPanel] = useState<OpenPanel | null>(null)
  const saved = useRef<SelectionBookmark | null>(null)

  const open = useCallback(
    (kind: PanelKind) => {
      const current = editor.current
      const box = frame.current
      if (!current || current.isDestroyed || !box) return
      saved.current = current.state.selection.getBookmark()
      setPanel({ kind, top: Math.max(0, caretBottom(current.view) - box.getBoundingClientRect().top) + 6 })
    },
    [editor, frame],
  )

  /**
   * Closes the panel after it changed the text: the change has placed the caret. The text takes
   * the focus at once, as TipTap's own focus waits for the next frame and keys typed meanwhile
   * would go nowhere.
   */
  const close = useCallback(() => {
    setPanel(null)
    const current = editor.current
    if (current && !current.isDestroyed) current.view.focus()
  }, [editor])

  /** Closes the panel without a change: the caret goes back where it was. */
  const cancel = useCallback(() => {
    setPanel(null)
    const current = editor.current
    if (!current || current.isDestroyed) return
    const kept = saved.current
    if (kept) current.view.dispatch(current.state.tr.setSelection(kept.resolve(current.state.doc)).scrollIntoView())
    current.view.focus()
  }, [editor])

  return { panel, open, close, cancel }
}

/** The bottom of the caret's line, or of the selected figure or embed, in the window. */
function caretBottom(view: EditorView): number {
  const { selection } = view.state
  if (selection instanceof NodeSelection) {
    const node = view.nodeDOM(selection.from)
    if (node instanceof HTMLElement) return node.getBoundingClientRect().bottom
  }
  return view.coordsAtPos(selection.head).bottom
}
