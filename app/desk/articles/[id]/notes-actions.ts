'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { getDb } from '@/db'
import { type ActionState, invalid, ok, toActionState } from '@/lib/errors'
import { addNote, setNoteResolved } from '@/lib/notes'
import { requireUser } from '@/lib/session'

const noteSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  parentId: z.coerce.number().int().positive().optional(),
  body: z.string(),
})

export async function addNoteAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser()
  const raw = Object.fromEntries(form)
  const input = noteSchema.safeParse({ ...raw, parentId: raw.parentId || undefined })
  if (!input.success) return invalid(input.error)
  const result = await addNote(getDb(), user, input.data.articleId, { body: input.data.body, parentId: input.data.parentId })
  if (!result.ok) return toActionState(result)
  revalidatePath(`/desk/articles/${input.data.articleId}`)
  return ok(input.data.parentId ? 'Reply added.' : 'Note added.')
}

const resolveSchema = z.object({ noteId: z.coerce.number().int().positive(), resolved: z.enum(['yes', 'no']) })

export async function resolveNoteAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser()
  const input = resolveSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalid(input.error)
  const resolved = input.data.resolved === 'yes'
  const result = await setNoteResolved(getDb(), user, input.data.noteId, resolved)
  if (!result.ok) return toActionState(result)
  revalidatePath(`/desk/articles/${result.articleId}`)
  return ok(resolved ? 'Thread resolved.' : 'Thread reopened.')
}
