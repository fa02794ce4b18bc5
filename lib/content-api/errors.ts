import { securityHeaders } from '../security-headers'

// The Content API's one way to say no: `{ "error": { "code", "message" } }` with its status, and
// `field` when one field of a request's body is at fault. The codes are the API's contract
// (documented in openapi.ts); messages are for the person reading the answer.

/** Each refusal the API gives, with its HTTP status. */
export const apiErrorStatus = {
  invalid_query: 400,
  bad_cursor: 400,
  invalid_body: 400,
  unauthorized: 401,
  insufficient_scope: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  precondition_required: 428,
  rate_limited: 429,
} as const

export type ApiErrorCode = keyof typeof apiErrorStatus

export type ApiErrorBody = { error: { code: ApiErrorCode; message: string; field?: string } }

/** A refusal as a value, before it becomes a response; `field`: the body's field at fault. */
export type ApiError = { code: ApiErrorCode; message: string; field?: string }

/** The headers every Content API answer carries: readers' data is public, so any site may read it. */
export function apiHeaders(contentType = 'application/json; charset=utf-8'): Record<string, string> {
  return { 'content-type': contentType, 'access-control-allow-origin': '*', vary: 'Accept', ...securityHeaders() }
}

/**
 * The answer to a refusal, with any `headers` it needs (WWW-Authenticate, Allow, Retry-After…). A
 * refusal is never kept by a cache, except a takedown (410), which the story's key refreshes.
 */
export function apiErrorResponse({ code, message, field }: ApiError, headers: Record<string, string> = {}): Response {
  const status = apiErrorStatus[code]
  const body: ApiErrorBody = { error: { code, message, ...(field === undefined ? {} : { field }) } }
  const all: Record<string, string> = {
    ...apiHeaders(),
    'cache-control': status === 410 ? 'public, max-age=0, must-revalidate' : 'no-store',
    ...headers,
  }
  if (status === 405 && all.allow === undefined) all.allow = 'GET, HEAD'
  return new Response(JSON.stringify(body), { status, headers: all })
}
