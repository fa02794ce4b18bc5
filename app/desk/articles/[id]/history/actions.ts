'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { getDb } from '@/db'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { restoreRevision } from '@/lib/revisions'
import { requireUser } from '@/lib/session'

const restoreSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  number: z.coerce.number().int().positive(),
  baseVersion: z.coerce.number().int().positive(),
})

export async function restoreRevisionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser()
  const input = restoreSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const { articleId, number, baseVersion } = input.data
  const result = await restoreRevision(getDb(), user, articleId, number, baseVersion)
  if (!result.ok) return toActionState(result)
  revalidatePath(`/desk/articles/${articleId}`, 'layout')
  return ok(`Revision ${number} is restored as revision ${result.revisionNumber}.`)
}
