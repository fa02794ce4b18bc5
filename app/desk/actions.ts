'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { getDb } from '@/db'
import { signOut } from '@/lib/auth'
import { markDeskSeen } from '@/lib/desk-news'
import { type ActionState, ok, toActionState } from '@/lib/errors'
import { requireUser } from '@/lib/session'

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login?reason=signed-out' })
}

export async function markNewsSeen(): Promise<ActionState> {
  const user = await requireUser()
  const result = await markDeskSeen(getDb(), user)
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk')
  return ok('Marked as seen.')
}

/**
 * The list of changes was on screen, its newest at `newestShown`: that much is seen. The page
 * is not refreshed, so the list stays for this visit; whatever came later still counts.
 */
export async function markNewsShown(newestShown: string): Promise<void> {
  const user = await requireUser()
  const shown = z.coerce.date().safeParse(newestShown)
  if (!shown.success) return
  // One millisecond on: the database keeps microseconds, the page's time stops at milliseconds.
  await markDeskSeen(getDb(), user, new Date(Math.min(shown.data.getTime() + 1, Date.now())))
}
