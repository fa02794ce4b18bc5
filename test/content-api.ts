import type { Db } from '@/db'
import { GET as unknownAddress } from '@/app/api/v1/[[...rest]]/route'
import { serveAuthors } from '@/lib/content-api/authors'
import { type Caller, authenticateTokenRequest, privateAnswer, readerCaller, tokenAnswer } from '@/lib/content-api/callers'
import { createDraft, updateDraft } from '@/lib/content-api/draft-writes'
import { serveDraft, serveDrafts } from '@/lib/content-api/drafts'
import { serveDeliveries } from '@/lib/content-api/webhook-log'
import { serveCorrections } from '@/lib/content-api/corrections'
import { serveOpenApi } from '@/lib/content-api/openapi'
import { serveSections } from '@/lib/content-api/sections'
import { serveStories, serveStory, serveStoryByPath } from '@/lib/content-api/stories'
import { serveTags } from '@/lib/content-api/tags'
import { collectShown } from '@/lib/page-keys'
import type { VerifiedToken } from '@/lib/api-tokens/verify'
import type { TokenRoute } from '@/lib/mutating-routes'

// The Content API as a client gets it, for data tests: each address goes to the handler its
// route file calls (app/api/v1/), with the test's database.

/** What a client gets: status, media type, the body parsed, the raw text, and every header. */
export type ApiAnswer = {
  status: number
  contentType: string
  location: string | null
  json: unknown
  text: string
  headers: Headers
}

function route(db: Db, request: Request): Promise<Response> | Response {
  const { pathname } = new URL(request.url)
  // As apiRead does, without keeping answers: a reader's request as it was, a token's made for it.
  const read = (make: (caller: Caller) => Promise<Response>) =>
    request.headers.has('authorization')
      ? tokenAnswer(db, request, 'read:published', (token) => make({ kind: 'token', token }))
      : make(readerCaller)
  const id = /^\/api\/v1\/stories\/([^/]+)$/.exec(pathname)?.[1]
  const draftId = /^\/api\/v1\/drafts\/([^/]+)$/.exec(pathname)?.[1]
  if (pathname === '/api/v1/stories') return read((caller) => serveStories(db, request, caller))
  if (pathname === '/api/v1/stories/by-path') return read((caller) => serveStoryByPath(db, request, caller))
  if (id !== undefined) return read((caller) => serveStory(db, request, id, caller))
  if (pathname === '/api/v1/sections') return read(() => serveSections(db, request))
  if (pathname === '/api/v1/authors') return read(() => serveAuthors(db, request))
  if (pathname === '/api/v1/tags') return read(() => serveTags(db, request))
  if (pathname === '/api/v1/corrections') return read((caller) => serveCorrections(db, request, caller))
  if (pathname === '/api/v1/openapi.json') return serveOpenApi(request)
  if (pathname === '/api/v1/drafts' && request.method === 'POST')
    return write(db, request, 'POST /api/v1/drafts', (token) => createDraft(db, request, token))
  if (pathname === '/api/v1/drafts') return tokenAnswer(db, request, 'read:drafts', (token) => serveDrafts(db, request, token))
  if (draftId !== undefined && request.method === 'PATCH')
    return write(db, request, 'PATCH /api/v1/drafts/[id]', (token) => updateDraft(db, request, draftId, token))
  if (draftId !== undefined) return tokenAnswer(db, request, 'read:drafts', (token) => serveDraft(db, request, draftId, token))
  if (pathname === '/api/v1/webhooks/deliveries')
    return tokenAnswer(db, request, 'webhooks', (token) => serveDeliveries(db, request, token))
  return unknownAddress(request)
}

/** A write as its route file makes it (app/api/v1/drafts/). */
async function write(db: Db, request: Request, routeKey: TokenRoute, make: (token: VerifiedToken) => Promise<Response>): Promise<Response> {
  const checked = await authenticateTokenRequest(request, routeKey, db)
  if (!checked.ok) return checked.response
  return privateAnswer(await make(checked.token), checked.headers)
}

/** Asks the API for an address (`/api/v1/stories?tag=x`), with these request headers, and a method and JSON body for a write. */
export async function askApi(
  db: Db,
  address: string,
  headers: Record<string, string> = {},
  init: { method?: 'GET' | 'POST' | 'PATCH'; body?: unknown } = {},
): Promise<ApiAnswer> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body)
  const sent = body === undefined ? headers : { 'content-type': 'application/json', ...headers }
  const response = await route(db, new Request(`http://copydesk.test${address}`, { method: init.method ?? 'GET', headers: sent, body }))
  const text = await response.text()
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    location: response.headers.get('location'),
    json: text ? (JSON.parse(text) as unknown) : null,
    text,
    headers: response.headers,
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
