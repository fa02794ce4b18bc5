'use server'

import { revalidatePath } from 'next/cache'
import { getDb } from '@/db'
import { signOut } from '@/lib/auth'
import { markDeskSeen } from '@/lib/desk-queues'
import { type ActionState, ok } from '@/lib/errors'
import { requireUser } from '@/lib/session'

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' })
}

export async function markNewsSeen(): Promise<ActionState> {
  const user = await requireUser()
  await markDeskSeen(getDb(), user)
  revalidatePath('/desk')
  return ok('Marked as seen.')
}
