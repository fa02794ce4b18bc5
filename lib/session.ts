import 'server-only'
import { eq } from 'drizzle-orm'
import { notFound, redirect } from 'next/navigation'
import { cache } from 'react'
import { getDb } from '@/db'
import { users } from '@/db/schema'
import { auth } from './auth'
import { type Actor, type Capability, can } from './permissions'

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

/** The signed-in person if they may do this; for anyone else the page does not exist (404). */
export async function requireCapability(capability: Capability): Promise<CurrentUser> {
  const user = await requireUser()
  if (!can(user, capability)) notFound()
  return user
}
