'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { getDb } from '@/db'
import { addCorrection, correctionKinds, retractCorrection } from '@/lib/corrections'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { pageKey } from '@/lib/page-keys'
import { announceChange } from '@/lib/reader-changes'
import { requireUser } from '@/lib/session'

const correctionSchema = z.object({ articleId: z.coerce.number().int().positive(), kind: z.enum(correctionKinds), body: z.string() })

export async function addCorrectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser()
  const input = correctionSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await addCorrection(getDb(), user, input.data.articleId, { kind: input.data.kind, body: input.data.body })
  if (!result.ok) return toActionState(result)
  await refreshStory(input.data.articleId)
  return ok(
    result.article.isLive
      ? 'The correction is on the story and the corrections page.'
      : 'The correction is recorded; readers will see it if the story goes live again.',
  )
}

const retractSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  correctionId: z.coerce.number().int().positive(),
  note: z.string(),
})

export async function retractCorrectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser()
  const input = retractSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const result = await retractCorrection(getDb(), user, input.data.correctionId, { note: input.data.note })
  if (!result.ok) return toActionState(result)
  await refreshStory(input.data.articleId)
  return ok('The correction is marked as withdrawn.')
}

/** The story's page, the public corrections list and the desk's view of the story. */
async function refreshStory(articleId: number): Promise<void> {
  await announceChange(getDb(), [pageKey.storyCorrections(articleId), pageKey.corrections])
  revalidatePath(`/desk/articles/${articleId}`)
}
