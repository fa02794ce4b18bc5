import 'server-only'
import { errorPage } from '@/components/reader/list-pages'
import type { Db } from '@/db'
import { htmlDocument, movedPermanently } from '@/lib/http'
import { readerChrome } from '@/lib/reader-chrome'

// What every reader's route shares: how an address's segments are read, the 404 page, and lists
// that run over pages.

/** A path segment readers can meet: slugs, page numbers, `feed.xml`. Anything else is a 404 without a query. */
const segmentPattern = /^[a-z0-9][a-z0-9._-]{0,199}$/
const maxSegments = 12

/**
 * A reader's route's `generateStaticParams`: no address is made at build time (the build has no
 * database); each is made on its first request and kept in Next's full-route cache until a
 * publication concerning it refreshes it (lib/public-pages.ts). Even an address with nothing to
 * fill in (`/feed.xml`) takes an optional `[[...rest]]` for this, since a route handler without
 * one is either made at build time or on every request.
 */
export async function onFirstRequest(): Promise<never[]> {
  return []
}

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
