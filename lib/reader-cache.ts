import 'server-only'
import crypto from 'node:crypto'
import { contentApiAddress, isContentApiPath } from './content-api/format'

// The reader's pages this process has made, kept in memory until a change drops them. Each page
// is filed under the keys of what it shows (lib/page-keys.ts), so dropping a key drops exactly
// the pages showing it. Bounded in bytes, least recently used first out: made-up addresses are
// never kept (only pages that exist are), and cannot push the real ones out.

export type KeptPage = {
  status: number
  headers: Record<string, string>
  body: Buffer
  keys: readonly string[]
  /** Milliseconds since the epoch after which the page is made again; null for never. */
  expiresAt: number | null
}

type Cache = {
  /**
   * The page kept for a request's URL (path and query) and Accept header, for the HTTP server in
   * front of Next (server.mjs), which answers kept pages itself.
   */
  lookup: (url: string, accept?: string) => KeptPage | undefined
  pages: Map<string, KeptPage>
  byKey: Map<string, Set<string>>
  bytes: number
  /** Counts drops: a page whose making overlapped one may show what was just changed, and is not kept. */
  generation: number
}

const defaultMaxBytes = 64 * 1024 * 1024

// On globalThis: every route is its own bundle, and all of them (and the start-up code that
// hears other instances) must share one cache.
const holder = globalThis as typeof globalThis & { __copydeskReaderCache?: Cache }

function cache(): Cache {
  holder.__copydeskReaderCache ??= {
    lookup: (url, accept) => keptPage(addressOf(new URL(url, 'http://copydesk'), accept ?? null)),
    pages: new Map(),
    byKey: new Map(),
    bytes: 0,
    generation: 0,
  }
  return holder.__copydeskReaderCache
}

function maxBytes(): number {
  const megabytes = Number(process.env.READER_CACHE_MB)
  return Number.isFinite(megabytes) && megabytes >= 0 ? megabytes * 1024 * 1024 : defaultMaxBytes
}

/**
 * The address a reader's page is kept under: its path, since query strings (tracking parameters)
 * change nothing on a page; for search, the words and page number that make it; for the Content
 * API, every parameter and the format asked for (`contentApiAddress`).
 */
export function addressOf(url: URL, accept: string | null = null): string {
  if (isContentApiPath(url.pathname)) return contentApiAddress(url, accept)
  if (url.pathname !== '/search') return url.pathname
  const { searchParams } = url
  return `/search?${new URLSearchParams({ q: searchParams.get('q') ?? '', page: searchParams.get('page') ?? '' })}`
}

/** The page kept for this address, or undefined; a hit makes it the most recently used. */
export function keptPage(address: string, now = Date.now()): KeptPage | undefined {
  const { pages } = cache()
  const page = pages.get(address)
  if (!page) return undefined
  if (page.expiresAt !== null && page.expiresAt <= now) {
    forget(address)
    return undefined
  }
  pages.delete(address)
  pages.set(address, page)
  return page
}

/** A kept page's entity tag, from its bytes. */
export function etagOf(body: Buffer): string {
  return `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`
}

/** A kept page as the answer to a request: 304 when the request names the page's entity tag. */
export function answerWithPage(request: Request, page: KeptPage): Response {
  if (page.status === 200 && request.headers.get('if-none-match') === page.headers.etag) {
    return new Response(null, {
      status: 304,
      headers: { etag: page.headers.etag ?? '', 'cache-control': page.headers['cache-control'] ?? '' },
    })
  }
  return new Response(new Uint8Array(page.body), { status: page.status, headers: page.headers })
}

/** The current generation: take it before making a page, and hand it to `keepPage`. */
export function cacheGeneration(): number {
  return cache().generation
}

/**
 * Keeps a page made while the generation was `madeAt`. Says whether it did: not when something
 * was dropped meanwhile (the page may show what was just changed), nor when it is too large.
 */
export function keepPage(address: string, page: KeptPage, madeAt: number): boolean {
  const current = cache()
  const limit = maxBytes()
  if (current.generation !== madeAt || page.body.length > limit / 4) return false
  forget(address)
  current.pages.set(address, page)
  current.bytes += page.body.length
  for (const key of page.keys) {
    const addresses = current.byKey.get(key) ?? new Set<string>()
    addresses.add(address)
    current.byKey.set(key, addresses)
  }
  for (const [oldest] of current.pages) {
    if (current.bytes <= limit) break
    forget(oldest)
  }
  return true
}

/** Drops every kept page showing one of these keys; pages being made now will not be kept. */
export function dropPagesShowing(keys: Iterable<string>): void {
  const current = cache()
  current.generation++
  for (const key of keys) {
    for (const address of current.byKey.get(key) ?? []) forget(address)
  }
}

/** Drops every kept page: when this process may have missed a change (a lost connection to the others). */
export function dropAllPages(): void {
  const current = cache()
  current.generation++
  current.pages.clear()
  current.byKey.clear()
  current.bytes = 0
}

/** How many pages are kept and their size, for tests and the benchmark. */
export function readerCacheSize(): { pages: number; bytes: number } {
  const { pages, bytes } = cache()
  return { pages: pages.size, bytes }
}

function forget(address: string): void {
  const current = cache()
  const page = current.pages.get(address)
  if (!page) return
  current.pages.delete(address)
  current.bytes -= page.body.length
  for (const key of page.keys) {
    const addresses = current.byKey.get(key)
    addresses?.delete(address)
    if (addresses?.size === 0) current.byKey.delete(key)
  }
}
