import 'server-only'
import { eq } from 'drizzle-orm'
import { notFound, redirect } from 'next/navigation'
import { cache } from 'react'
import { getDb } from '@/db'
import { users } from '@/db/schema'
import { auth } from './auth'
import { decide } from './authorize'
import type { Actor, Capability } from './permissions'
import { type Result, refusal } from './refusal'

export type CurrentUser = Actor & { email: string; name: string }

/**
 * The signed-in person as the database knows them now, or null. Role and disabled flag come
 * from the database on every request, so a demotion or a disabled account counts at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth()
  const id = Number(session?.user?.id)
  if (!session || !Number.isInteger(id) || id <= 0) return null
  const [user] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      isDisabled: users.isDisabled,
      sessionEpoch: users.sessionEpoch,
    })
    .from(users)
    .where(eq(users.id, id))
  if (!user || user.isDisabled || user.sessionEpoch !== session.epoch) return null
  return { id: user.id, email: user.email, name: user.name, role: user.role }
})

/** The signed-in person, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser()
  if (!user) redirect('/login?reason=ended')
  return user
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
