'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { getDb } from '@/db'
import { announceComments } from '@/lib/collab/saved-elsewhere'
import { addNote, setNoteResolved } from '@/lib/notes'
import { requireUser } from '@/lib/session'

// The comments on the words beside the story's text (components/desk/comments-rail.tsx). They are
// note threads with a quote (lib/notes.ts): the same rules, mentions and notifications as notes.

type Refused = { ok: false; message: string }
type Answer = { ok: true } | Refused

const unreadable: Refused = { ok: false, message: 'This comment could not be read. Reload the page and try again.' }

const addSchema = z.object({ articleId: z.number().int().positive(), quote: z.string(), body: z.string() })

/** Writes a comment on the words; the editor then marks them with the thread's id. */
export async function addCommentAction(input: unknown): Promise<{ ok: true; noteId: number } | Refused> {
  const user = await requireUser()
  const parsed = addSchema.safeParse(input)
  if (!parsed.success) return unreadable
  const { articleId, quote, body } = parsed.data
  const result = await addNote(getDb(), user, articleId, { body, quote })
  if (!result.ok) return { ok: false, message: result.message }
  revalidatePath(`/desk/articles/${articleId}`)
  return { ok: true, noteId: result.noteId }
}

const replySchema = z.object({ articleId: z.number().int().positive(), threadId: z.number().int().positive(), body: z.string() })

export async function replyToCommentAction(input: unknown): Promise<Answer> {
  const user = await requireUser()
  const parsed = replySchema.safeParse(input)
  if (!parsed.success) return unreadable
  const { articleId, threadId, body } = parsed.data
  const result = await addNote(getDb(), user, articleId, { body, parentId: threadId })
  if (!result.ok) return { ok: false, message: result.message }
  revalidatePath(`/desk/articles/${articleId}`)
  await announceComments(articleId)
  return { ok: true }
}

const resolveSchema = z.object({ noteId: z.number().int().positive(), resolved: z.boolean() })

export async function resolveCommentAction(input: unknown): Promise<Answer> {
  const user = await requireUser()
  const parsed = resolveSchema.safeParse(input)
  if (!parsed.success) return unreadable
  const result = await setNoteResolved(getDb(), user, parsed.data.noteId, parsed.data.resolved)
  if (!result.ok) return { ok: false, message: result.message }
  revalidatePath(`/desk/articles/${result.articleId}`)
  await announceComments(result.articleId)
  return { ok: true }
}
