'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { getDb } from '@/db'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { requireUser } from '@/lib/session'
import { trashRetentionDays } from '@/lib/settings'
import { moveToTrash, restoreFromTrash } from '@/lib/trash'
import { countOf } from '@/lib/words'

const storySchema = z.object({ articleId: z.coerce.number().int().positive() })

export async function moveToTrashAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser()
  const input = storySchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const db = getDb()
  const result = await moveToTrash(db, user, input.data.articleId)
  if (!result.ok) return toActionState(result)
  // Off every desk list, onto the trash's; its page says so.
  revalidatePath('/desk', 'layout')
  return ok(`Moved to the trash. It can be restored for ${countOf(await trashRetentionDays(db), 'day')}.`)
}

export async function restoreFromTrashAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser()
  const input = storySchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await restoreFromTrash(getDb(), user, input.data.articleId)
  if (!result.ok) return toActionState(result)
  revalidatePath('/desk', 'layout')
  return ok('Restored from the trash, with its revisions and notes.')
}
