'use client'

import { type ComponentProps, type KeyboardEvent, useLayoutEffect, useRef } from 'react'
import { typographicEdit } from '@/lib/typography'

type TypographicTextareaProps = Omit<ComponentProps<'textarea'>, 'value' | 'onChange'> & {
  value: string
  onChange: (value: string) => void
}

/** The last typographic change, while nothing has been typed since: what undo gives back. */
type LastChange = { set: string; asTyped: string; caret: number }

/**
 * A textarea that sets what is typed or pasted with typographic quotes, apostrophes and dashes,
 * as the story body does (lib/typography.ts), keeping the caret where the writer is. Undo
 * (Ctrl/⌘+Z) straight after gives back what was typed, the straight quote, as in the body.
 */
export function TypographicTextarea({ value, onChange, onKeyDown, ...props }: TypographicTextareaProps) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const caret = useRef<number | null>(null)
  const lastChange = useRef<LastChange | null>(null)

  useLayoutEffect(() => {
    if (caret.current === null || !ref.current) return
    ref.current.setSelectionRange(caret.current, caret.current)
    caret.current = null
  })

  function undoTypography(event: KeyboardEvent<HTMLTextAreaElement>) {
    onKeyDown?.(event)
    const change = lastChange.current
    const isUndo = (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z'
    if (!isUndo || !change || change.set !== value) return
    event.preventDefault()
    lastChange.current = null
    caret.current = change.caret
    onChange(change.asTyped)
  }

  return (
    <textarea
      {...props}
      ref={ref}
      value={value}
      onKeyDown={undoTypography}
      onChange={(event) => {
        const field = event.target
        const edit = typographicEdit(value, field.value, field.selectionEnd)
        lastChange.current = edit.text === field.value ? null : { set: edit.text, asTyped: field.value, caret: field.selectionEnd }
        if (edit.text !== field.value) caret.current = edit.caret
        onChange(edit.text)
      }}
    />
  )
}
