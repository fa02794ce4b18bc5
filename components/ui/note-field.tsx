'use client'

import { maxNoteLength } from '@/lib/workflow-input'
import { Field } from './field'

type NoteFieldProps = {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
  rows: number
  className?: string
}

/** A box for a note, a comment or a reply: it stops at the longest note the server takes. */
export function NoteField({ id, label, value, onChange, error, rows, className }: NoteFieldProps) {
  return (
    <Field id={id} label={label} error={error} className={className}>
      {(control) => (
        <textarea {...control} rows={rows} maxLength={maxNoteLength} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  )
}
