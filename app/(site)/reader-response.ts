import 'server-only'
import { errorPage } from '@/components/reader/list-pages'
import { readerSecurityHeaders } from '@/components/reader/security-policy'
import { type Db, getDb } from '@/db'
import { edgeNodes, isRefresh } from '@/lib/edge/nodes'
import { htmlDocument, movedPermanently } from '@/lib/http'
import { collectShown } from '@/lib/page-keys'
import { recordPage } from '@/lib/page-record'
import { type KeptPage, addressOf, answerWithPage, cacheGeneration, etagOf, keepPage, keptPage } from '@/lib/reader-cache'
import { readerChrome } from '@/lib/reader-chrome'

// What every reader's route shares: the cache in front of it, how an address's segments are
// read, the 404 page, and lists that run over pages.

/** Statuses worth keeping: pages that exist, moves and takedowns. A 404 is never kept (made-up addresses would fill the cache). */
const keptStatuses = new Set([200, 301, 410])

/**
 * Every reader's route answers through this: a page kept in this process's cache
 * (lib/reader-cache.ts) when there is one, otherwise `make()`'s answer, with every page key its
 * queries noted (lib/page-keys.ts) kept beside it, recorded for the edge (lib/page-record.ts)
 * and sent as `Surrogate-Key`, with the security headers (components/reader/security-policy.ts)
 * kept beside it too, so that server.mjs and the edge send them with every copy. A refresh from
 * the app itself (lib/edge/nodes.ts) always makes the page again. It is kept under `addressOf` its URL; `maxAgeSeconds` bounds a page that changes with
 * time alone (the news sitemap); `edge: false` keeps it out of the edge's cache (search).
 */
export async function readerPage(
  request: Request,
  make: () => Promise<Response>,
  options: { maxAgeSeconds?: number; edge?: boolean } = {},
): Promise<Response> {
  const address = addressOf(new URL(request.url))
  const refresh = isRefresh(request)
  const kept = refresh ? undefined : keptPage(address)
  if (kept) return answerWithPage(request, kept)

  const madeAt = cacheGeneration()
  const { result: response, keys } = await collectShown(make)
  const body = Buffer.from(await response.arrayBuffer())
  const keepable = keptStatuses.has(response.status)
  // A refresh is asked for after a change committed, so what it made is at least that new, even
  // if this process heard of the change while making it: the edge keeps it (a 404 too, replacing
  // a list's last page that emptied). Any other page made meanwhile may predate the change.
  const edgeMayKeep = (refresh ? keepable || response.status === 404 : keepable && cacheGeneration() === madeAt) && options.edge !== false
  const headers: Record<string, string> = {
    ...Object.fromEntries(response.headers),
    ...readerSecurityHeaders(),
    // Browsers and shared caches ask again every time; only the edge, which the app purges
    // (lib/edge), keeps pages, and only as long as X-Accel-Expires allows.
    'cache-control': 'public, max-age=0, must-revalidate',
    etag: etagOf(body),
    'surrogate-key': keys.join(' '),
  }
  if (!edgeMayKeep) headers['x-accel-expires'] = '0'
  else if (options.maxAgeSeconds) headers['x-accel-expires'] = String(options.maxAgeSeconds)
  const page: KeptPage = {
    status: response.status,
    headers,
    body,
    keys,
    expiresAt: options.maxAgeSeconds ? Date.now() + options.maxAgeSeconds * 1000 : null,
  }
  if (keepable) keepPage(address, page, madeAt)
  if (edgeMayKeep && edgeNodes().length > 0) await recordPage(getDb(), address, keys, response.status === 404)
  return answerWithPage(request, page)
}

/** A path segment readers can meet: slugs, page numbers, `feed.xml`. Anything else is a 404 without a query. */
const segmentPattern = /^[a-z0-9][a-z0-9._-]{0,199}$/
const maxSegments = 12

/** Segments as Next passes them (still percent-encoded), decoded; null when one is not a segment readers can meet. */
export function decodeSegments(rawSegments: readonly string[]): string[] | null {
  if (rawSegments.length > maxSegments) return null
  const segments: string[] = []
  for (const raw of rawSegments) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (!segmentPattern.test(segment)) return null
    segments.push(segment)
  }
  return segments
}

/** The reader's 404 page. */
export async function notFound(db: Db): Promise<Response> {
  return htmlDocument(errorPage(404, await readerChrome(db)), 404)
}

/**
 * A list that runs over pages: `base` is page 1, `base/page/N` the others. `/page/1` moves to
 * `base`; page numbers that are not whole numbers from 2, or past the last page, are not found.
 */
export async function servePaged(
  db: Db,
  basePath: string,
  tail: readonly string[],
  render: (page: number) => Promise<string | null>,
): Promise<Response> {
  let page = 1
  if (tail.length > 0) {
    if (tail.length !== 2 || tail[0] !== 'page' || !/^[1-9][0-9]{0,5}$/.test(tail[1] ?? '')) return notFound(db)
    page = Number(tail[1])
    if (page === 1) return movedPermanently(basePath)
  }
  const document = await render(page)
  return document === null ? notFound(db) : htmlDocument(document)
}
