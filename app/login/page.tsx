import type { Metadata } from 'next'
import Link from 'next/link'
import { LoginForm } from '@/components/login-form'
import { safeCallbackPath } from '@/lib/redirects'
import { getCurrentUser } from '@/lib/session'
import { parseSignInReason, signInReasonMessages } from '@/lib/sessions'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } }

type LoginPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams
  const callbackPath = safeCallbackPath(params.callbackUrl)
  // No automatic redirect for someone already signed in: right after signing out, this page can
  // still see the old cookie in the same request, and would bounce the person back to the desk.
  const user = await getCurrentUser()
  // Why the desk sent the person here: read off the ended session's row (lib/session.ts requireUser).
  const reason = parseSignInReason(params.reason)
  return (
    <main id="main" className="page narrow">
      <h1>Sign in</h1>
      <p className="muted">The Copydesk newsroom.</p>
      {reason && (
        <p className={`message ${reason === 'signed-out' || reason === 'signed-out-everywhere' ? 'info' : 'error'}`} role="status">
          {signInReasonMessages[reason]}
        </p>
      )}
      {user && (
        <p className="message info">
          You are signed in as {user.email}. <Link href={callbackPath}>Continue to the desk</Link>, or sign in as someone else.
        </p>
      )}
      <LoginForm callbackPath={callbackPath} />
    </main>
  )
}
