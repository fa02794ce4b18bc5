'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { getDb } from '@/db'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { requestClient, requireUser } from '@/lib/session'
import { endSessionsForAdmin } from '@/lib/sessions'
import {
  changeRole,
  createUser,
  newUserSchema,
  resetPassword,
  roleSchema,
  sectionDeskInputSchema,
  setDisabled,
  setSectionDesk,
} from '@/lib/users'
import { countOf, withArticle } from '@/lib/words'

const userRefSchema = z.object({ userId: z.coerce.number().int().positive() })

export async function addPerson(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const raw = Object.fromEntries(form)
  const input = newUserSchema.safeParse({ ...raw, password: raw.password || undefined })
  if (!input.success) return invalid(input.error)
  const result = await createUser(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/users')
  return input.data.password
    ? ok(`Account created for ${result.person.email}.`)
    : ok(`Account created for ${result.person.email}. Temporary password: ${result.password} (shown once: pass it on safely).`)
}

export async function saveRole(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = userRefSchema.extend({ role: roleSchema }).safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await changeRole(getDb(), actor, input.data.userId, input.data.role, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/users', 'layout')
  return ok(`${result.person.name} is now ${withArticle(result.person.role)}.`)
}

export async function saveSectionDesk(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = sectionDeskInputSchema.safeParse({ userId: form.get('userId'), sectionIds: form.getAll('sectionIds') })
  if (!input.success) return invalid(input.error)
  const result = await setSectionDesk(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/users', 'layout')
  return ok(
    result.sections.length === 0
      ? `${result.name} now approves and publishes across the whole newsroom.`
      : `${result.name} now approves and publishes only in ${result.sections.join(', ')} (and the sections under them).`,
  )
}

export async function disableAccount(_: ActionState, form: FormData): Promise<ActionState> {
  return setAccountDisabled(form, true)
}

export async function enableAccount(_: ActionState, form: FormData): Promise<ActionState> {
  return setAccountDisabled(form, false)
}

async function setAccountDisabled(form: FormData, isDisabled: boolean): Promise<ActionState> {
  const actor = await requireUser()
  const input = userRefSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await setDisabled(getDb(), actor, input.data.userId, isDisabled, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/users', 'layout')
  return ok(isDisabled ? `${result.person.name} can no longer sign in.` : `${result.person.name} can sign in again.`)
}

export async function resetPasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = userRefSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await resetPassword(getDb(), actor, input.data.userId, await requestClient())
  if (!result.ok) return toActionState(result)
  return ok(`New password for ${result.person.email}: ${result.password} (shown once; their other sessions have ended).`)
}

export async function signOutPersonEverywhere(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = userRefSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await endSessionsForAdmin(getDb(), actor, input.data.userId, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/users', 'layout')
  return ok(`${countOf(result.ended, 'session')} ended.`)
}
