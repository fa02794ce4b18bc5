'use client'

import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useState } from 'react'
import { Field } from '@/components/ui/field'
import { quoteAtSelection, toAttribution } from '@/lib/story-schema/nodes/blockquote'

/**
 * Shown while the cursor is in a block quote: who is quoted, edited as the writer types. Enter,
 * Escape or Shift+Tab go back to the text with the caret where it was (caret-memory.ts).
 */
export function AttributionField({ id, editor }: { id: string; editor: Editor }) {
  const quote = useEditorState({ editor, selector: ({ editor: current }) => quoteAtSelection(current.state) })
  if (!quote) return null
  return <AttributionInput key={quote.pos} id={id} editor={editor} stored={quote.attribution} />
}

function AttributionInput({ id, editor, stored }: { id: string; editor: Editor; stored: string }) {
  // Typed text is kept as typed (with its trailing space) while the quote stores it tidied.
  const [typed, setTyped] = useState(stored)
  const shown = toAttribution(typed) === stored ? typed : stored
  return (
    <Field id={id} label="Attribution" className="editor-attribution">
      {(control) => (
        <input
          {...control}
          type="text"
          value={shown}
          placeholder="Who said it, e.g. Tessera News Agency"
          onChange={(event) => {
            setTyped(event.target.value)
            editor.commands.setAttribution(event.target.value)
          }}
          // Enter, Escape or Tab (the text is next in the page's order): back to the quote, the caret
          // where it was. Shift+Tab goes back to the toolbar as usual.
          onKeyDown={(event) => {
            const isBack = event.key === 'Enter' || event.key === 'Escape' || (event.key === 'Tab' && !event.shiftKey)
            if (!isBack) return
            event.preventDefault()
            // At once, not on the next frame as the focus command does, nor after the browser has moved
            // the focus with its caret at the top: what is typed next goes to the text.
            editor.view.focus()
          }}
        />
      )}
    </Field>
  )
}
