import { z } from 'zod'
import { getDb } from '@/db'
import { saveArticle } from '@/lib/article-drafts'
import { articleInputSchema } from '@/lib/article-input'
import { parseId, json } from '@/lib/http'
import { readTextWithin } from '@/lib/request-body'
import { getCurrentUser } from '@/lib/session'
import { type SaveResponse, maxSaveBytes, toOtherVersion } from '@/lib/story-draft'

const saveRequestSchema = z.object({
  draft: z.unknown(),
  baseVersion: z.number().int().positive(),
  kind: z.enum(['autosave', 'save']),
})

const statusFor = {
  conflict: 409,
  forbidden: 403,
  missing: 404,
  invalid: 422,
  'slug-taken': 422,
  'signed-out': 401,
  'too-large': 413,
} as const

function refuse(reason: keyof typeof statusFor, message: string): Response {
  return json<SaveResponse>({ ok: false, reason, message } as SaveResponse, statusFor[reason])
}

/** Saves the story form: an autosave or an explicit save, against the version the editor had. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser()
  if (!user) return refuse('signed-out', 'You are signed out. Sign in again to save.')
  const articleId = parseId((await params).id)
  if (!articleId) return refuse('missing', 'This story no longer exists.')

  const text = await readTextWithin(request, maxSaveBytes)
  if (text === null) {
    return refuse(
      'too-large',
      `This story is too large to save (over ${maxSaveBytes / 1024 / 1024} MB). Remove some pasted material and try again.`,
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return refuse('invalid', 'The save was garbled on the way. Try again.')
  }
  const request_ = saveRequestSchema.safeParse(raw)
  if (!request_.success) return refuse('invalid', 'The save was garbled on the way. Try again.')
  const input = articleInputSchema.safeParse(request_.data.draft)
  if (!input.success) return refuse('invalid', input.error.issues.map((issue) => issue.message).join(' '))

  const { baseVersion, kind } = request_.data
  const result = await saveArticle(getDb(), user, articleId, input.data, { baseVersion, kind })
  if (result.ok) {
    return json<SaveResponse>({
      ok: true,
      version: result.version,
      revisionNumber: result.revisionNumber,
      savedAt: result.savedAt.toISOString(),
      slug: result.slug,
    })
  }
  if (result.reason === 'conflict') {
    return json<SaveResponse>({ ok: false, reason: 'conflict', message: result.message, current: toOtherVersion(result.current) }, 409)
  }
  return refuse(result.reason, result.message)
}
