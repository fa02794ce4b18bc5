import 'server-only'
import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { cache } from 'react'
import { getDb } from '@/db'
import { sessionIdFromCookies } from './auth'
import { decide } from './authorize'
import { clientAddress } from './client-address'
import { sessionLifetimes, trustedProxyHops } from './env'
import type { Capability } from './permissions'
import { type Result, refusal } from './refusal'
import type { OwnSession } from './account'
import { type SessionUser, type SignInReason, checkSession } from './sessions'

export type CurrentUser = SessionUser

const lifetimes = sessionLifetimes()
const proxyHops = trustedProxyHops()

/**
 * This request's session as the database knows it now: the person and the session's id, or why
 * there is none. Checked on every request (lib/sessions.ts `checkSession`), so a sign-out, an
 * ended session, a demotion or a disabled account counts at once.
 */
export const getCurrentSession = cache(
  async (): Promise<{ user: CurrentUser; sessionId: string } | { user: null; reason: SignInReason }> => {
    const sessionId = await sessionIdFromCookies((await headers()).get('cookie') ?? '')
    if (!sessionId) return { user: null, reason: 'ended' }
    const checked = await checkSession(getDb(), sessionId, lifetimes)
    return checked.ok ? { user: checked.user, sessionId } : { user: null, reason: checked.reason }
  },
)

/** The signed-in person as the database knows them now, or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  return (await getCurrentSession()).user
}

/** The signed-in person, or a redirect to the sign-in page that says why the session ended. */
export async function requireUser(): Promise<CurrentUser> {
  const current = await getCurrentSession()
  if (!current.user) redirect(`/login?reason=${current.reason}`)
  return current.user
}

/** The signed-in person's own session and where this request came from, for acting on their own account. */
export async function requireOwnSession(): Promise<OwnSession> {
  const current = await getCurrentSession()
  if (!current.user) redirect(`/login?reason=${current.reason}`)
  return { actor: current.user, sessionId: current.sessionId, client: await requestClient() }
}

/** The address this request came from (lib/client-address.ts), for the audit log. */
export async function requestClient(): Promise<string> {
  return clientAddress(await headers(), proxyHops)
}

/**
 * The signed-in person if the permission table lets them do this; for anyone else the page does
 * not exist (404). `getCurrentUser` has just read them from the database, so `decide` asks the
 * table without reading them again.
 */
export async function requireCapability(capability: Capability): Promise<CurrentUser> {
  const user = await requireUser()
  shownUnlessRefused(decide(user, capability))
  return user
}

/**
 * THE mapping from a refusal to a desk page: a person whose account ended signs in again; for
 * anything else refused, the page does not exist (404), so it tells nothing of what is there.
 */
export function shownUnlessRefused<T>(result: Result<T>): { ok: true } & T {
  if (result.ok) return result
  if (result.reason === 'unauthenticated') redirect('/login?reason=ended')
  notFound()
}

/**
 * For route handlers: the signed-in person if the permission table lets them do this, or the refusal to
 * answer with (lib/http.ts `refusalResponse`): 401 when nobody is signed in. Asked without a
 * record, so a capability someone has only on their own records (`own`) is refused here: ask for
 * `desk.enter` and let the data function decide on the record.
 */
export async function authorizeRequest(capability: Capability): Promise<Result<{ user: CurrentUser }>> {
  const user = await getCurrentUser()
  if (!user) return refusal('unauthenticated', 'Your session has ended; sign in again.')
  const allowed = decide(user, capability)
  return allowed.ok ? { ok: true, user } : allowed
}
