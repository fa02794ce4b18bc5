import 'server-only'
import { collectShown } from '../page-keys'
import { type KeptPage, answerWithPage, cacheGeneration, etagOf, keepPage, keptPage } from '../reader-cache'
import { apiHeaders } from './errors'
import { contentApiAddress } from './format'

// How the Content API's answers are kept fresh: exactly as reader's pages are. While an answer
// is made, every query that puts something in it notes a page key (lib/page-keys.ts); the answer
// is kept in this process's reader cache under those keys, and a change that names one of them
// (lib/reader-changes.ts: an unpublish, an embargoed story's publication, a correction, a move)
// drops it here and, through PostgreSQL, on every other instance. Browsers and shared caches are
// told to ask again every time (`max-age=0, must-revalidate`); the ETag makes asking cheap.

/** Kept statuses: answers that exist, moves and takedowns. A 4xx for a made-up request is never kept. */
const keptStatuses = new Set([200, 301, 410])

/**
 * Parameters whose values a client can make up without end (any instant, any position): answers
 * to them are made every time, so that they cannot push what readers see out of the cache.
 */
const unkeptParameters = ['cursor', 'updated_since']

/** Stored by anyone, used only after asking again: exact, since only the app knows when an answer changes. */
export const revalidateEveryTime = 'public, max-age=0, must-revalidate'

/** A successful answer: the body as JSON, in `contentType`. */
export function apiBody(body: unknown, contentType?: string): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { ...apiHeaders(contentType), 'cache-control': revalidateEveryTime } })
}

/** A permanent move (a story's old address), with where it lives now in the body too. */
export function apiMoved(location: string): Response {
  const headers = { ...apiHeaders(), 'cache-control': revalidateEveryTime, location }
  return new Response(JSON.stringify({ location }), { status: 301, headers })
}

/**
 * Every Content API route answers through this: the answer kept for this request's address
 * (`contentApiAddress`: path, parameters and format) when there is one, otherwise `make()`'s,
 * kept with the page keys its queries noted (also sent as `Surrogate-Key`) unless it has an
 * unkept parameter, and with an ETag; a request naming that ETag in If-None-Match gets 304.
 */
export async function keptApiAnswer(request: Request, make: () => Promise<Response>): Promise<Response> {
  const url = new URL(request.url)
  const address = contentApiAddress(url, request.headers.get('accept'))
  const keepable = !unkeptParameters.some((name) => url.searchParams.has(name))
  const kept = keepable ? keptPage(address) : undefined
  if (kept) return answerWithPage(request, kept)

  const madeAt = cacheGeneration()
  const { result, keys } = await collectShown(make)
  const body = Buffer.from(await result.arrayBuffer())
  const headers: Record<string, string> = Object.fromEntries(result.headers)
  if (keys.length > 0) headers['surrogate-key'] = keys.join(' ')
  if (result.status === 200) headers.etag = etagOf(body)
  const page: KeptPage = { status: result.status, headers, body, keys, expiresAt: null }
  if (keepable && keptStatuses.has(result.status)) keepPage(address, page, madeAt)
  return answerWithPage(request, page)
}
