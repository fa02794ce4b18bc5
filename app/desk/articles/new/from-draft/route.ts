import { z } from 'zod'
import { getDb } from '@/db'
import { createArticleFromDraft } from '@/lib/article-create'
import { articleInputSchema } from '@/lib/article-input'
import { json, refusalResponse } from '@/lib/http'
import { readTextWithin } from '@/lib/request-body'
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
  const created = await createArticleFromDraft(getDb(), user, input.data)
  if (!created.ok) return created.reason === 'invalid' ? invalidDraft(created.message) : refusalResponse(created)
  return json<NewStoryResponse>({ ok: true, articleId: created.articleId })
}
