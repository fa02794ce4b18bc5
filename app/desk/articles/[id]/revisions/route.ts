import { z } from 'zod'
import { getDb } from '@/db'
import { articleInputSchema } from '@/lib/article-input'
import { saveStoryForm } from '@/lib/collab/form-saves'
import { json, parseId, refusalResponse } from '@/lib/http'
import { readTextWithin } from '@/lib/request-body'
import { invalidInput, refusal } from '@/lib/refusal'
import { refuseForeignRequest } from '@/lib/same-origin'
import { authorizeRequest } from '@/lib/session'
import { type SaveResponse, maxSaveBytes, toOtherVersion } from '@/lib/story-draft'

const saveRequestSchema = z.object({
  draft: z.unknown(),
  baseVersion: z.number().int().positive(),
  kind: z.enum(['autosave', 'save']),
  setAside: z.unknown().optional(),
  approveAgain: z.boolean().optional(),
  /** Sent by a browser that could not reach the sync server (lib/collab/form-saves.ts). */
  alone: z.boolean().optional(),
})

const garbled = 'The save was garbled on the way. Try again.'

/** Saves the story form: an autosave or an explicit save, against the version the editor had. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const foreign = refuseForeignRequest(request, 'POST /desk/articles/[id]/revisions')
  if (foreign) return foreign
  const signedIn = await authorizeRequest('desk.enter')
  if (!signedIn.ok) return refusalResponse(signedIn)
  const articleId = parseId((await params).id)
  if (!articleId) return refusalResponse(refusal('missing', 'This story no longer exists.'))

  const text = await readTextWithin(request, maxSaveBytes)
  if (text === null) {
    const message = `This story is too large to save (over ${maxSaveBytes / 1024 / 1024} MB). Remove some pasted material and try again.`
    return json<SaveResponse>({ ok: false, reason: 'too-large', message }, 413)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return refusalResponse(refusal('invalid', garbled))
  }
  const request_ = saveRequestSchema.safeParse(raw)
  if (!request_.success) return refusalResponse(refusal('invalid', garbled))
  const input = articleInputSchema.safeParse(request_.data.draft)
  if (!input.success) return refusalResponse(invalidInput(input.error))

  const aside = request_.data.setAside === undefined ? undefined : articleInputSchema.safeParse(request_.data.setAside)
  if (aside && !aside.success) return refusalResponse(invalidInput(aside.error))

  const { baseVersion, kind, approveAgain, alone } = request_.data
  const result = await saveStoryForm(getDb(), signedIn.user, articleId, input.data, {
    baseVersion,
    kind,
    approveAgain,
    isAlone: alone,
    setAside: aside?.data,
  })
  if (result.ok) {
    return json<SaveResponse>({
      ok: true,
      version: result.version,
      revisionNumber: result.revisionNumber,
      savedAt: result.savedAt.toISOString(),
      slug: result.slug,
      approval: result.approval,
    })
  }
  if (result.reason === 'conflict') {
    return json<SaveResponse>({ ok: false, reason: 'conflict', message: result.message, current: toOtherVersion(result.current) }, 409)
  }
  return refusalResponse(result)
}
