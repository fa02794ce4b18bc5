import type { ReactNode } from 'react'
import styles from './field.module.css'

/** What a field's control takes: spread it onto the input, select or textarea. */
export type FieldControl = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }

type FieldProps = {
  /** The control's id; the hint and the error take `${id}-hint` and `${id}-error`. */
  id: string
  label: ReactNode
  /** Help under the control, which it is described by. */
  hint?: ReactNode
  /** What is wrong with the value: shown under the control, which is then marked invalid. */
  error?: string
  /** Marks the control invalid without an error message, the hint saying why (a count over its limit). */
  isInvalid?: boolean
  /** The wrapper's class: `field` unless a screen lays its fields out otherwise. */
  className?: string
  /** Renders the control with the attributes it is given. */
  children: (control: FieldControl) => ReactNode
}

/**
 * A label, its control, a hint and an error, wired together: the label names the control, the
 * hint and the error describe it, an error marks it invalid. The error line is always there
 * (empty and hidden when there is none), so that a screen reader announces a new error.
 */
export function Field({ id, label, hint, error, isInvalid = false, className = 'field', children }: FieldProps) {
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ')
  const isMarkedInvalid = isInvalid || Boolean(error)
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': isMarkedInvalid || undefined })}
      <p id={errorId} className={styles.error} aria-live="polite">
        {error}
      </p>
      {hint && (
        <p id={hintId} className={`${styles.hint} ${isInvalid ? styles.warning : ''}`}>
          {hint}
        </p>
      )}
    </div>
  )
}
