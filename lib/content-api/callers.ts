import 'server-only'
import type { Db } from '@/db'
import { RateLimiter, rateLimitHeaders } from '../api-tokens/rate-limit'
import type { ApiScope } from '../api-tokens/scopes'
import { type VerifiedToken, verifyBearer } from '../api-tokens/verify'
import { type TokenRoute, tokenRoutes } from '../mutating-routes'
import { bodyTypeProblem } from '../same-origin'
import { apiErrorResponse } from './errors'
import { keptApiAnswer } from './respond'

// Who is calling the Content API, settled once per request from its Authorization header. Without
// one: a reader, who gets what the site shows, kept and cacheable, exactly as before tokens. With
// one: that token, or a 401 (unknown, revoked, expired), a 429 (over its rate) or a 403 (without
// the scope the address needs). A token's answers are its own: `private, no-store`, never kept.
// A session cookie is never read here: only a token authenticates beyond what readers see.

/** A reader, or a token with its scopes and sections. */
export type Caller = { kind: 'reader' } | { kind: 'token'; token: VerifiedToken }

export const readerCaller: Caller = { kind: 'reader' }

type Limits = { limiter: RateLimiter }
const globalLimits = globalThis as unknown as { __copydeskTokenLimits?: Limits }

/** This process's rate limiter; one per instance. */
function limiter(): RateLimiter {
  globalLimits.__copydeskTokenLimits ??= { limiter: new RateLimiter() }
  return globalLimits.__copydeskTokenLimits.limiter
}

/** Replaces the limiter, for tests. */
export function setRateLimiter(replacement: RateLimiter): void {
  globalLimits.__copydeskTokenLimits = { limiter: replacement }
}

const challenge = 'Bearer realm="copydesk"'

export type TokenCheck = { ok: true; token: VerifiedToken; headers: Record<string, string> } | { ok: false; response: Response }

/** The request's token, if it may use `scope` now; otherwise the answer refusing it. */
export async function checkToken(db: Db, request: Request, scope: ApiScope): Promise<TokenCheck> {
  const verified = await verifyBearer(db, request.headers.get('authorization'))
  if (!verified.ok) {
    const invalid = request.headers.has('authorization') ? `${challenge}, error="invalid_token"` : challenge
    return { ok: false, response: apiErrorResponse({ code: 'unauthorized', message: verified.message }, { 'www-authenticate': invalid }) }
  }
  const { token } = verified
  const rate = limiter().take(token.id)
  const headers = rateLimitHeaders(rate)
  if (!rate.allowed) {
    const message = `This token made more than ${rate.limit} requests this minute: try again in ${rate.resetSeconds} s.`
    return { ok: false, response: apiErrorResponse({ code: 'rate_limited', message }, headers) }
  }
  if (!token.scopes.includes(scope)) {
    const message = `This token does not have the ${scope} scope: an admin can make one that does at /desk/admin/tokens.`
    const refused = { ...headers, 'www-authenticate': `${challenge}, error="insufficient_scope", scope="${scope}"` }
    return { ok: false, response: apiErrorResponse({ code: 'insufficient_scope', message }, refused) }
  }
  return { ok: true, token, headers }
}

/** An answer made for one token: never stored by anyone, with its rate limit's headers. */
export function privateAnswer(response: Response, headers: Record<string, string>): Response {
  const answer = new Response(response.body, response)
  answer.headers.set('cache-control', 'private, no-store')
  answer.headers.delete('surrogate-key')
  answer.headers.set('vary', 'Accept, Authorization')
  for (const [name, value] of Object.entries(headers)) answer.headers.set(name, value)
  return answer
}

/**
 * Every reading address of the API answers through this: a reader's request as before (kept,
 * cacheable: `keptApiAnswer`), a token's with `read:published` made for it alone.
 */
export async function apiRead(db: Db, request: Request, make: (caller: Caller) => Promise<Response>): Promise<Response> {
  if (!request.headers.has('authorization')) return keptApiAnswer(request, () => make(readerCaller))
  return tokenAnswer(db, request, 'read:published', (token) => make({ kind: 'token', token }))
}

/** An address only a token with `scope` may use. */
export async function tokenAnswer(
  db: Db,
  request: Request,
  scope: ApiScope,
  make: (token: VerifiedToken) => Promise<Response>,
): Promise<Response> {
  const checked = await checkToken(db, request, scope)
  if (!checked.ok) return checked.response
  return privateAnswer(await make(checked.token), checked.headers)
}

/** Whether the caller may see a story filed in this section: readers and unlimited tokens everywhere. */
export function seesSection(caller: Caller, sectionId: number): boolean {
  return caller.kind === 'reader' || caller.token.sectionIds === null || caller.token.sectionIds.includes(sectionId)
}

/** The sections the caller is limited to, or null for all. */
export function sectionLimit(caller: Caller): readonly number[] | null {
  return caller.kind === 'reader' ? null : caller.token.sectionIds
}

/**
 * THE first check of a Content API write (`tokenRoutes` in lib/mutating-routes.ts): its token
 * and the route's scope (401, 429, 403), then its body type (415), before the body is read.
 * Cookies play no part: a browser's session never writes through the API.
 */
export async function authenticateTokenRequest(request: Request, route: TokenRoute, db: Db): Promise<TokenCheck> {
  const { body, scope } = tokenRoutes[route]
  const checked = await checkToken(db, request, scope)
  if (!checked.ok) return checked
  const wrongBody = bodyTypeProblem(request.headers, body)
  if (wrongBody)
    return { ok: false, response: privateAnswer(apiErrorResponse({ code: 'unsupported_media_type', message: wrongBody }), checked.headers) }
  return checked
}
