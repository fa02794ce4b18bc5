'use client'

import { unstable_rethrow } from 'next/navigation'
import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useRef } from 'react'
import { type ActionState, fail } from '@/lib/errors'

/** What a refused action said of each field, by the field's name. */
export type FieldErrors = Record<string, string[]>

type ActionFormProps = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>
  submitLabel: string
  /** The fields; as a function, given the field errors to show beside each field (instead of in a list above them). */
  children?: ReactNode | ((fieldErrors: FieldErrors) => ReactNode)
  className?: string
  variant?: 'primary' | 'secondary' | 'danger'
  /** Empty the fields after a success (a form that adds something). */
  resetOnSuccess?: boolean
}

/** Shown when the action threw or its request failed, so that the form never fails silently. */
const actionFailedMessage =
  'This did not go through and may not have been saved. Reload the page to see where things stand, then try again.'

/**
 * A form bound to a server action, showing the action's message and field errors. After a
 * refusal the fields keep what was typed.
 */
export function ActionForm({ action, submitLabel, children, className, variant = 'primary', resetOnSuccess = false }: ActionFormProps) {
  const [state, formAction, isPending] = useActionState(async (previous: ActionState, form: FormData) => {
    try {
      return await action(previous, form)
    } catch (error) {
      // A redirect or a not-found from the action is the router's to carry out.
      unstable_rethrow(error)
      console.error(error)
      return fail(actionFailedMessage)
    }
  }, null)
  const formRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset()
  }, [state, resetOnSuccess])

  // Submitting by hand, not through the form's action, keeps React from clearing the fields.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    startTransition(() => formAction(data))
  }

  return (
    // noValidate: the server's checks are the rule, and its messages are the ones people see.
    <form ref={formRef} action={formAction} onSubmit={submit} className={className} noValidate>
      {state && (
        <div className={`message ${state.ok ? 'success' : 'error'}`} role="status">
          <p className="flush">{state.message}</p>
          {state.fieldErrors && typeof children !== 'function' && (
            <ul>
              {Object.entries(state.fieldErrors).map(([field, errors]) => (
                <li key={field}>{errors.join(' ')}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {typeof children === 'function' ? children(state?.fieldErrors ?? {}) : children}
      <button type="submit" className={`button ${variant === 'primary' ? '' : variant}`} disabled={isPending}>
        {submitLabel}
      </button>
    </form>
  )
}
