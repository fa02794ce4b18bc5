'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getDb } from '@/db'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { sectionChangeSchema, sectionCreateSchema, sectionReorderSchema, sectionRetireSchema } from '@/lib/section-admin'
import { changeSection, createSection, reorderSection } from '@/lib/section-changes'
import { retireSection } from '@/lib/section-retire'
import { requestClient, requireUser } from '@/lib/session'

export async function createSectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = sectionCreateSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await createSection(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/sections', 'layout')
  return ok(`Created “${result.name}” at ${result.path}.`)
}

export async function changeSectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = sectionChangeSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await changeSection(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/sections', 'layout')
  const moved =
    result.path === result.formerPath
      ? ''
      : ` Its address is now ${result.path}; ${result.formerPath} and the addresses under it lead there.`
  return ok(`Saved “${result.name}”.${moved}`)
}

export async function reorderSectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = sectionReorderSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await reorderSection(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/sections', 'layout')
  return ok(`Moved “${result.name}” ${input.data.direction}.`)
}

export async function retireSectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = sectionRetireSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await retireSection(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/admin/sections', 'layout')
  // The retired section has no page any more: the desk goes back to the tree.
  redirect('/desk/admin/sections')
}
