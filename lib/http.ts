import { z } from 'zod'
import { type Refusal, httpStatus } from './refusal'

/** A route segment `[id]` as a positive whole number, or null. */
export function parseId(value: string): number | null {
  const parsed = z.coerce.number().int().positive().safeParse(value)
  return parsed.success ? parsed.data : null
}

export function json<T>(body: T, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
}

/** THE answer to a refusal in a route handler: `{ ok: false, reason, message, field? }` with its status (401/403/404/409/422). */
export function refusalResponse(refused: Refusal): Response {
  const { ok, reason, message, field } = refused
  return json({ ok, reason, message, ...(field === undefined ? {} : { field }) }, httpStatus(refused))
}

/** A whole HTML document (the reader's pages). */
export function htmlDocument(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } })
}

/** A feed or a sitemap. */
export function xmlDocument(body: string, contentType = 'application/xml'): Response {
  return new Response(body, { headers: { 'content-type': `${contentType}; charset=utf-8` } })
}

export function textDocument(body: string): Response {
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}

/** A permanent move: an old story address after a slug or section change. */
export function movedPermanently(location: string): Response {
  return new Response(null, { status: 301, headers: { location } })
}
