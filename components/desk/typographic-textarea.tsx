'use client'

import { type ComponentProps, useLayoutEffect, useRef } from 'react'
import { typographicEdit } from '@/lib/typography'

type TypographicTextareaProps = Omit<ComponentProps<'textarea'>, 'value' | 'onChange'> & {
  value: string
  onChange: (value: string) => void
}

/**
 * A textarea that sets what is typed or pasted with typographic quotes, apostrophes and dashes,
 * as the story body does (lib/typography.ts), keeping the caret where the writer is.
 */
export function TypographicTextarea({ value, onChange, ...props }: TypographicTextareaProps) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const caret = useRef<number | null>(null)

  useLayoutEffect(() => {
    if (caret.current === null || !ref.current) return
    ref.current.setSelectionRange(caret.current, caret.current)
    caret.current = null
  })

  return (
    <textarea
      {...props}
      ref={ref}
      value={value}
      onChange={(event) => {
        const field = event.target
        const edit = typographicEdit(value, field.value, field.selectionEnd)
        if (edit.text !== field.value) caret.current = edit.caret
        onChange(edit.text)
      }}
    />
  )
}
