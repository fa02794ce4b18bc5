'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { getDb } from '@/db'
import { createArticle } from '@/lib/article-create'
import { headlineSchema } from '@/lib/article-input'
import { type ActionState, invalid, toActionState } from '@/lib/errors'
import { requireUser } from '@/lib/session'

const newStorySchema = z.object({
  headline: headlineSchema,
  sectionId: z.coerce.number().int().positive('Choose a section.'),
})

export async function startStory(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser()
  const input = newStorySchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await createArticle(getDb(), user, input.data)
  if (!result.ok) return toActionState(result)
  redirect(`/desk/articles/${result.articleId}`)
}
