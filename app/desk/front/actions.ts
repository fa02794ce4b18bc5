'use server'

import { revalidatePath } from 'next/cache'
import { getDb } from '@/db'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { pinInputSchema, pinOnFront } from '@/lib/pins'
import { pinInSection, sectionPinSchema } from '@/lib/section-pins'
import { requestClient, requireUser } from '@/lib/session'

const done = {
  lead: (headline: string) => `“${headline}” now leads the front page.`,
  below: (headline: string) => `“${headline}” is now pinned under the lead.`,
  none: (headline: string) => `“${headline}” is no longer pinned: the rules place it now.`,
} as const

export async function pinAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = pinInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await pinOnFront(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk/front')
  return ok(done[input.data.as](result.headline))
}

export async function pinInSectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = sectionPinSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await pinInSection(getDb(), actor, input.data, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath(`/desk/front/sections/${input.data.sectionId}`)
  return ok(
    input.data.as === 'top'
      ? `“${result.headline}” is now pinned to the top of ${result.section}.`
      : `“${result.headline}” is no longer pinned: ${result.section} shows its newest stories first.`,
  )
}
