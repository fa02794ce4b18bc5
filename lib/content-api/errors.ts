import { securityHeaders } from '../security-headers'

// The Content API's one way to say no: `{ "error": { "code", "message" } }` with its status.
// The codes are the API's contract (documented in openapi.ts); messages are for the person
// reading the answer.

/** Each refusal the API gives, with its HTTP status. */
export const apiErrorStatus = {
  invalid_query: 400,
  bad_cursor: 400,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  gone: 410,
} as const

export type ApiErrorCode = keyof typeof apiErrorStatus

export type ApiErrorBody = { error: { code: ApiErrorCode; message: string } }

/** A refusal as a value, before it becomes a response. */
export type ApiError = { code: ApiErrorCode; message: string }

/** The headers every Content API answer carries: readers' data is public, so any site may read it. */
export function apiHeaders(contentType = 'application/json; charset=utf-8'): Record<string, string> {
  return { 'content-type': contentType, 'access-control-allow-origin': '*', vary: 'Accept', ...securityHeaders() }
}

/** The answer to a refusal. A refusal is never kept by a cache, except a takedown (410), which the story's key refreshes. */
export function apiErrorResponse({ code, message }: ApiError): Response {
  const status = apiErrorStatus[code]
  const body: ApiErrorBody = { error: { code, message } }
  const headers = apiHeaders()
  headers['cache-control'] = status === 410 ? 'public, max-age=0, must-revalidate' : 'no-store'
  if (status === 405) headers.allow = 'GET, HEAD'
  return new Response(JSON.stringify(body), { status, headers })
}
