'use client'

import { signIn } from 'next-auth/react'
import { type FormEvent, useState } from 'react'
import { Field } from '@/components/ui/field'

type LoginFormProps = { callbackPath: string }

const messages = {
  invalid: 'That e-mail and password do not match an active account.',
  throttled: 'Too many failed sign-ins. Wait 15 minutes and try again.',
  network: 'The server could not be reached. Check your connection and try again.',
} as const

/** Signs in through Auth.js's own CSRF-protected credentials route. */
export function LoginForm({ callbackPath }: LoginFormProps) {
  const [error, setError] = useState<keyof typeof messages | null>(null)
  const [isPending, setIsPending] = useState(false)

  // A submit handler rather than a form action: React would clear the fields after an action.
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setIsPending(true)
    setError(null)
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      })
      if (result?.ok && !result.error) {
        window.location.assign(callbackPath)
        return
      }
      setError(result?.code === 'throttled' ? 'throttled' : 'invalid')
    } catch {
      setError('network')
    }
    setIsPending(false)
  }

  return (
    <form onSubmit={submit} noValidate>
      {error && (
        <p className="message error" role="status" aria-live="polite">
          {messages[error]}
        </p>
      )}
      <Field id="email" label="E-mail">
        {(control) => <input {...control} name="email" type="email" autoComplete="username" required />}
      </Field>
      <Field id="password" label="Password">
        {(control) => <input {...control} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  )
}
