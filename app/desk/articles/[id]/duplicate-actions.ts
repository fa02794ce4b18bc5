'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { getDb } from '@/db'
import { duplicateArticle } from '@/lib/article-duplicates'
import { type ActionState, invalid, toActionState } from '@/lib/errors'
import { requireUser } from '@/lib/session'

const duplicateSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  number: z.coerce.number({ message: 'Choose a revision.' }).int().positive('Choose a revision.'),
})

export async function duplicateStoryAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser()
  const input = duplicateSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await duplicateArticle(getDb(), user, input.data.articleId, input.data.number)
  if (!result.ok) return toActionState(result)
  redirect(`/desk/articles/${result.articleId}`)
}
