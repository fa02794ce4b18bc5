import 'server-only'
import type { Db } from '@/db'
import type { VerifiedToken } from '../api-tokens/verify'
import { createArticleFromDraft } from '../article-create'
import { shareSavedDraft } from '../collab/saved-elsewhere'
import { saveArticle } from '../article-drafts'
import { articleInputSchema } from '../article-input'
import { type EditableArticle, pickSnapshot } from '../editable-article'
import type { Refusal } from '../refusal'
import { readTextWithin } from '../request-body'
import { maxSaveBytes } from '../story-draft'
import { type ApiError, apiErrorResponse } from './errors'
import { draftAnswer, draftFor, draftHref, tokenActor, versionTag } from './drafts'
import { idParam } from './query'

// Drafts written through the API (`write:drafts`): `POST /api/v1/drafts` starts a story and
// `PATCH /api/v1/drafts/{id}` saves a new revision of one, each through the desk's own path
// (`createArticleFromDraft`, `saveArticle`): the same checks, revisions and permissions, as the
// admin who made the token. A write never publishes and never changes a story's status: a
// published story's edit is a new draft revision, and readers go on seeing the published one.

/** The fields a write may send: the desk's story fields, no other (status, publishing: never). */
const writable = Object.keys(articleInputSchema.shape)
const workflowFields = new Set(['status', 'publish', 'published', 'publishedAt', 'scheduledAt', 'publishAt', 'version'])

type ReadBody = { ok: true; fields: Record<string, unknown> } | { ok: false; error: ApiError }

/** The request's JSON object, refusing a body too large, not JSON, or with a field the API does not take. */
async function readFields(request: Request): Promise<ReadBody> {
  const text = await readTextWithin(request, maxSaveBytes)
  if (text === null)
    return { ok: false, error: { code: 'payload_too_large', message: `The body is over ${maxSaveBytes / 1024 / 1024} MB.` } }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, error: { code: 'invalid_body', message: 'The body is not JSON.' } }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: { code: 'invalid_body', message: 'The body must be a JSON object of the story’s fields.' } }
  const fields = raw as Record<string, unknown>
  const unknown = Object.keys(fields).find((name) => !writable.includes(name))
  if (unknown !== undefined) {
    const message = workflowFields.has(unknown)
      ? `"${unknown}" cannot be set through the API: it writes drafts only, and publishing stays a person’s act in the desk.`
      : `Unknown field "${unknown}". A draft takes: ${writable.join(', ')}.`
    return { ok: false, error: { code: 'invalid_body', message, field: unknown } }
  }
  return { ok: true, fields }
}

/** A desk refusal as the API's: a field at fault is a 422 naming it. */
function refused(result: Refusal): Response {
  const code = (
    {
      unauthenticated: 'unauthorized',
      forbidden: 'forbidden',
      missing: 'not_found',
      conflict: 'conflict',
      invalid: 'unprocessable',
    } as const
  )[result.reason]
  return apiErrorResponse({ code, message: result.message, ...(result.field === undefined ? {} : { field: result.field }) })
}

function parsed(fields: Record<string, unknown>) {
  const input = articleInputSchema.safeParse(fields)
  if (input.success) return { ok: true as const, input: input.data }
  const [issue] = input.error.issues
  const field = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined
  return {
    ok: false as const,
    response: apiErrorResponse({ code: 'invalid_body', message: issue?.message ?? 'Check the fields.', ...(field ? { field } : {}) }),
  }
}

const outsideSections = (sectionId: number) =>
  apiErrorResponse({ code: 'forbidden', message: `Section ${sectionId} is outside this token’s sections.`, field: 'sectionId' })
const noActor = () => apiErrorResponse({ code: 'forbidden', message: 'The admin who made this token may no longer write stories.' })

/** `POST /api/v1/drafts`: a new story, its first revision these fields; 201 with its address. */
export async function createDraft(db: Db, request: Request, token: VerifiedToken): Promise<Response> {
  const body = await readFields(request)
  if (!body.ok) return apiErrorResponse(body.error)
  const actor = await tokenActor(db, token)
  if (!actor) return noActor()
  const input = parsed({ bylines: [{ userId: actor.id }], body: { type: 'doc', content: [{ type: 'paragraph' }] }, ...body.fields })
  if (!input.ok) return input.response
  if (token.sectionIds !== null && !token.sectionIds.includes(input.input.sectionId)) return outsideSections(input.input.sectionId)
  const created = await createArticleFromDraft(db, actor, input.input)
  if (!created.ok) return refused(created)
  const article = await draftFor(db, token, actor, created.articleId)
  if (!article) throw new Error(`Story ${created.articleId} vanished as it was created.`)
  return draftAnswer(article, 201, { location: draftHref(article.id) })
}

/** The version an If-Match header names (`"v12"`, as the ETag gives it, or `12`), or null. */
export function ifMatchVersion(header: string): number | null {
  const match = /^\s*(?:W\/)?"?v?([0-9]{1,9})"?\s*$/.exec(header)
  return match?.[1] ? Number(match[1]) : null
}

/** The fields of the story's newest revision, as a write would send them. */
function currentFields(article: EditableArticle): Record<string, unknown> {
  const bylines = article.bylines.map((byline) => ('userId' in byline ? { userId: byline.userId } : byline))
  return { ...pickSnapshot(article), bylines }
}

/**
 * `PATCH /api/v1/drafts/{id}`: the fields given replace those of the newest revision, the others
 * stay, saved as a new revision. If-Match must name the story's version: 428 without it, 412 when
 * someone saved since (the answer's ETag is the version now).
 */
export async function updateDraft(db: Db, request: Request, rawId: string, token: VerifiedToken): Promise<Response> {
  const id = idParam('id').safeParse(rawId)
  if (!id.success) return apiErrorResponse({ code: 'not_found', message: `There is no story ${rawId}.` })
  const header = request.headers.get('if-match')
  if (header === null)
    return apiErrorResponse({
      code: 'precondition_required',
      message: 'Send If-Match with the story’s version (its ETag), so that no one’s save is overwritten.',
    })
  const version = ifMatchVersion(header)
  if (version === null)
    return apiErrorResponse({ code: 'invalid_body', message: 'If-Match must be the ETag the draft was read with, such as "v3".' })
  const body = await readFields(request)
  if (!body.ok) return apiErrorResponse(body.error)
  const actor = await tokenActor(db, token)
  if (!actor) return noActor()
  const article = await draftFor(db, token, actor, id.data)
  if (!article) return apiErrorResponse({ code: 'not_found', message: `There is no story ${id.data} this token may see.` })
  const stale = (now: number) =>
    apiErrorResponse(
      {
        code: 'precondition_failed',
        message: `The story was saved since version ${version}: read it again, then send its changes with If-Match ${versionTag(now)}.`,
      },
      { etag: versionTag(now) },
    )
  if (article.version !== version) return stale(article.version)
  const input = parsed({ ...currentFields(article), ...body.fields })
  if (!input.ok) return input.response
  if (token.sectionIds !== null && !token.sectionIds.includes(input.input.sectionId)) return outsideSections(input.input.sectionId)
  const saved = await saveArticle(db, actor, id.data, input.input, { baseVersion: version, kind: 'save' })
  // Someone saved between the check above and the save's lock.
  if (!saved.ok) return saved.reason === 'conflict' ? stale(saved.current.version) : refused(saved)
  await shareSavedDraft(db, id.data)
  const after = await draftFor(db, token, actor, id.data)
  if (!after) throw new Error(`Story ${id.data} vanished as it was saved.`)
  return draftAnswer(after)
}
