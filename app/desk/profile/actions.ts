'use server'

import { revalidatePath } from 'next/cache'
import { getDb } from '@/db'
import { changeOwnPassword, passwordChangeSchema, signOutEverywhere } from '@/lib/account'
import { signOut } from '@/lib/auth'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { requireOwnSession } from '@/lib/session'
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
