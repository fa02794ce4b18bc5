import type { Db } from '@/db'
import { GET as unknownAddress } from '@/app/api/v1/[[...rest]]/route'
import { serveAuthors } from '@/lib/content-api/authors'
import { serveCorrections } from '@/lib/content-api/corrections'
import { serveOpenApi } from '@/lib/content-api/openapi'
import { serveSections } from '@/lib/content-api/sections'
import { serveStories, serveStory, serveStoryByPath } from '@/lib/content-api/stories'
import { serveTags } from '@/lib/content-api/tags'
import { collectShown } from '@/lib/page-keys'

// The Content API as a client gets it, for data tests: each address goes to the handler its
// route file calls (app/api/v1/), with the test's database.

/** What a client gets: status, media type, the body parsed, and the raw text. */
export type ApiAnswer = { status: number; contentType: string; location: string | null; json: unknown; text: string }

function route(db: Db, request: Request): Promise<Response> | Response {
  const { pathname } = new URL(request.url)
  const id = /^\/api\/v1\/stories\/([^/]+)$/.exec(pathname)?.[1]
  if (pathname === '/api/v1/stories') return serveStories(db, request)
  if (pathname === '/api/v1/stories/by-path') return serveStoryByPath(db, request)
  if (id !== undefined) return serveStory(db, request, id)
  if (pathname === '/api/v1/sections') return serveSections(db, request)
  if (pathname === '/api/v1/authors') return serveAuthors(db, request)
  if (pathname === '/api/v1/tags') return serveTags(db, request)
  if (pathname === '/api/v1/corrections') return serveCorrections(db, request)
  if (pathname === '/api/v1/openapi.json') return serveOpenApi(request)
  return unknownAddress(request)
}

/** Asks the API for an address (`/api/v1/stories?tag=x`), with these request headers. */
export async function askApi(db: Db, address: string, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  const response = await route(db, new Request(`http://copydesk.test${address}`, { headers }))
  const text = await response.text()
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    location: response.headers.get('location'),
    json: text ? (JSON.parse(text) as unknown) : null,
    text,
  }
}

/** The answer with the page keys its making noted (lib/page-keys.ts). */
export function askApiShown(db: Db, address: string, headers: Record<string, string> = {}) {
  return collectShown(() => askApi(db, address, headers))
}

type Page<T> = { data: T[]; nextCursor: string | null; next: string | null }

/** Every item of a list, following `next` from the first page; fails on a page that is not 200. */
export async function walkList<T>(db: Db, first: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = []
  let pages = 0
  for (let address: string | null = first; address !== null; pages++) {
    const answer = await askApi(db, address)
    if (answer.status !== 200) throw new Error(`${address} answered ${answer.status}: ${answer.text}`)
    const page = answer.json as Page<T>
    items.push(...page.data)
    address = page.next
  }
  return { items, pages }
}
