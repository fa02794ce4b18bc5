'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { getDb } from '@/db'
import { formatWhen, fromFieldValue } from '@/lib/clock'
import { embargoInputSchema, liftEmbargo, setEmbargo } from '@/lib/embargo'
import { type ActionState, fail, invalid, ok, toActionState } from '@/lib/errors'
import { requestClient, requireUser } from '@/lib/session'
import { viewerTimeZone } from '@/lib/settings'

export async function setEmbargoAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = embargoInputSchema.extend({ embargoUntil: z.string() }).safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const zone = await viewerTimeZone(getDb(), actor)
  const until = fromFieldValue(input.data.embargoUntil, zone)
  if (!until.ok) return fail(until.message, { embargoUntil: [until.message] })
  const result = await setEmbargo(getDb(), actor, input.data.articleId, until.at, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath(`/desk/articles/${input.data.articleId}`)
  return ok(`Under embargo until ${formatWhen(until.at, zone)}: nobody can publish it before then.`)
}

export async function liftEmbargoAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireUser()
  const input = embargoInputSchema.extend({ reason: z.string() }).safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await liftEmbargo(getDb(), actor, input.data.articleId, input.data.reason, await requestClient())
  if (!result.ok) return toActionState(result)
  revalidatePath(`/desk/articles/${input.data.articleId}`)
  return ok('The embargo is lifted: the story can be published now.')
}
