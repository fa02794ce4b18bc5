'use server'

import { revalidatePath } from 'next/cache'
import { getDb } from '@/db'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { pinInputSchema, pinOnFront } from '@/lib/pins'
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
