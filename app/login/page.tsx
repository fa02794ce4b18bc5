import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { LoginForm } from '@/components/login-form'
import { safeCallbackPath } from '@/lib/redirects'
import { getCurrentUser } from '@/lib/session'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } }

type LoginPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams
  const callbackPath = safeCallbackPath(params.callbackUrl)
  if (await getCurrentUser()) redirect(callbackPath)
  return (
    <main className="page narrow">
      <h1>Sign in</h1>
      <p className="muted">The Copydesk newsroom.</p>
      {params.reason === 'ended' && (
        <p className="message error">Your session has ended. Please sign in again.</p>
      )}
      <LoginForm callbackPath={callbackPath} />
    </main>
  )
}
