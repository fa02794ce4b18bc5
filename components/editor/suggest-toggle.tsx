'use client'

import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { isSuggesting, setSuggesting } from './suggest-mode'
import type { Suggester } from './suggest-changes'

/** The "Suggest changes" toggle: while pressed, this person's edits to the body are suggestions. */
export function SuggestToggle({ editor, who }: { editor: Editor; who: Suggester }) {
  const isOn = useEditorState({ editor, selector: ({ editor: current }) => isSuggesting(current) })
  return (
    <button
      type="button"
      className="button secondary small suggest-toggle"
      aria-pressed={isOn}
      title="While on, what you type and delete in the body is shown as a suggestion for an editor to accept or reject."
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => setSuggesting(editor, !isOn, who)}
    >
      Suggest changes
    </button>
  )
}
