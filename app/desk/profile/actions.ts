'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { getDb } from '@/db'
import { changeOwnPassword, passwordChangeSchema, signOutEverywhere } from '@/lib/account'
import { signOut } from '@/lib/auth'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { requireOwnSession } from '@/lib/session'
import { saveProfile } from '@/lib/profiles'
import { chooseOwnTimeZone } from '@/lib/settings'
import { formatWhen } from '@/lib/clock'
import { countOf } from '@/lib/words'

export async function changePasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  const own = await requireOwnSession()
  const input = passwordChangeSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await changeOwnPassword(getDb(), own, input.data)
  if (!result.ok) return toActionState(result)
  const others = countOf(result.ended, 'other session')
  return ok(`Your password is changed. ${others} ended; you stay signed in here.`)
}

export async function signOutEverywhereAction(): Promise<void> {
  await signOutEverywhere(getDb(), await requireOwnSession())
  await signOut({ redirectTo: '/login?reason=signed-out-everywhere' })
}

export async function chooseTimeZoneAction(_: ActionState, form: FormData): Promise<ActionState> {
  const own = await requireOwnSession()
  const result = await chooseOwnTimeZone(getDb(), own.actor, form.get('timeZone'))
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk', 'layout')
  return ok(`The desk now shows your times in ${result.timeZone}: it is ${formatWhen(new Date(), result.timeZone)}.`)
}

const profileOwnerSchema = z.object({ userId: z.coerce.number().int().positive() })

/** Saves a profile: one's own, or anyone's for an admin (the permission table decides, on the server). */
export async function saveProfileAction(_: ActionState, form: FormData): Promise<ActionState> {
  const own = await requireOwnSession()
  const owner = profileOwnerSchema.safeParse({ userId: form.get('userId') })
  if (!owner.success) return invalid(owner.error)
  const result = await saveProfile(getDb(), own.actor, owner.data.userId, Object.fromEntries(form), own.client)
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk', 'layout')
  return ok(`The profile is saved. The author page is /authors/${result.slug}.`)
}
