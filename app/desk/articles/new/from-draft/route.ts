import { z } from 'zod'
import { getDb } from '@/db'
import { saveArticle } from '@/lib/article-drafts'
import { createArticle } from '@/lib/article-create'
import { articleInputSchema } from '@/lib/article-input'
import { checkBylines } from '@/lib/article-editing'
import { getArticleForEditing } from '@/lib/editable-article'
import { json, refusalResponse } from '@/lib/http'
import { readTextWithin } from '@/lib/request-body'
import { sanitizeDoc } from '@/lib/rich-text'
import { invalidInput, refusal } from '@/lib/refusal'
import { refuseForeignRequest } from '@/lib/same-origin'
import { authorizeRequest } from '@/lib/session'
import { type NewStoryResponse, maxSaveBytes } from '@/lib/story-draft'

const requestSchema = z.object({ draft: z.unknown() })

const tooLarge = (message: string) => json<NewStoryResponse>({ ok: false, message }, 413)
const invalidDraft = (message: string) => refusalResponse(refusal('invalid', message))

/**
 * Saves an editor's text as a new story: for a story deleted while someone was writing it, so
 * that their words are not lost with it. The new story is the writer's, with the text's fields.
 */
export async function POST(request: Request): Promise<Response> {
  const foreign = refuseForeignRequest(request, 'POST /desk/articles/new/from-draft')
  if (foreign) return foreign
  const signedIn = await authorizeRequest('article.create')
  if (!signedIn.ok) return refusalResponse(signedIn)
  const { user } = signedIn
  const text = await readTextWithin(request, maxSaveBytes)
  if (text === null) return tooLarge('This story is too large to save. Remove some pasted material and try again.')
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return invalidDraft('The request was garbled on the way. Try again.')
  }
  const parsed = requestSchema.safeParse(raw)
  const input = articleInputSchema.safeParse(parsed.success ? parsed.data.draft : undefined)
  if (!input.success) return refusalResponse(invalidInput(input.error))
  // Checked before anything is created, so that a refusal leaves no half-made story behind.
  const body = sanitizeDoc(input.data.body)
  if (!body.ok) return invalidDraft(body.message)
  // A new story starts credited to its creator (`createArticle`).
  const bylines = checkBylines(user, [{ userId: user.id }], input.data.bylines)
  if (!bylines.ok) return refusalResponse(refusal('forbidden', bylines.message, 'bylines'))

  const db = getDb()
  const created = await createArticle(db, user, { headline: input.data.headline, sectionId: input.data.sectionId })
  if (!created.ok) return refusalResponse(created)
  const opened = await getArticleForEditing(db, user, created.articleId)
  if (!opened) throw new Error(`Story ${created.articleId} vanished as it was created.`)
  // The old story's slug may have been taken meanwhile; the new story then takes one from its headline.
  const save = (slug: string) =>
    saveArticle(db, user, created.articleId, { ...input.data, slug }, { baseVersion: opened.version, kind: 'save' })
  let saved = await save(input.data.slug)
  if (!saved.ok && saved.field === 'slug') saved = await save('')
  if (!saved.ok) return invalidDraft(`A new story was started, but its text was not saved: ${saved.message}`)
  return json<NewStoryResponse>({ ok: true, articleId: created.articleId })
}
