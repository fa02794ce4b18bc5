import { type NextRequest, NextResponse } from 'next/server'
import { sessionCookieName } from '@/lib/auth-cookies'
import { apiErrorResponse } from '@/lib/content-api/errors'
import { isContentApiPath } from '@/lib/content-api/format'
import { allowedMethods } from '@/lib/content-api/methods'
import { deskContentSecurityPolicy, deskOnlyHeaders, securityHeaders } from '@/lib/security-headers'

/** Desk addresses that answer a reader's document with the reader's own policy (its hashes, not a nonce). */
const ownPolicy = /^\/desk\/articles\/[^/]+\/preview$/

/**
 * Four courtesies before any page runs. An address whose %-escapes do not decode gets a plain 404
 * (Next would answer 500). The Content API (/api/v1/) answers a method an address does not take with
 * its own 405 in JSON, naming the ones it takes in Allow (Next's has no body): only drafts are written (lib/content-api/methods.ts).
 * Visitors of the desk who have no session cookie are sent to sign in, and back afterwards: every
 * desk page, action and handler still checks the person against the database. The cookie is read, never touched, so this can never undo a sign-out. And the desk and
 * the sign-in page get their security headers, with a fresh CSP nonce per request that Next reads
 * from the request's policy and puts on its own scripts (lib/security-headers.ts).
 */
export function proxy(request: NextRequest): Response {
  if (!decodes(request.nextUrl.pathname))
    return new NextResponse('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders() } })
  const { pathname } = request.nextUrl
  if (isContentApiPath(pathname)) {
    const allowed = allowedMethods(pathname)
    if (allowed.includes(request.method)) return NextResponse.next()
    return apiErrorResponse(
      { code: 'method_not_allowed', message: `${request.method} is not allowed here: this address takes ${allowed.join(', ')}.` },
      { allow: allowed.join(', ') },
    )
  }
  if (!pathname.startsWith('/desk') && pathname !== '/login') return NextResponse.next()
  if (pathname.startsWith('/desk') && !request.cookies.getAll().some((cookie) => sessionCookieName.test(cookie.name))) {
    const login = new URL('/login', request.nextUrl)
    login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search)
    return withDeskHeaders(NextResponse.redirect(login))
  }
  if (ownPolicy.test(pathname)) return withDeskHeaders(NextResponse.next())
  const policy = deskContentSecurityPolicy(nonce())
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('content-security-policy', policy)
  const response = withDeskHeaders(NextResponse.next({ request: { headers: requestHeaders } }))
  response.headers.set('content-security-policy', policy)
  return response
}

function withDeskHeaders(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries({ ...securityHeaders(), ...deskOnlyHeaders })) response.headers.set(name, value)
  return response
}

/** 128 random bits, base64. */
function nonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

// The desk, the sign-in page, the Content API, and any address with a %-escape in it. Not the upload route: a
// request through the proxy has its whole body buffered in memory first, and uploads stream to
// disk (the route answers 401 itself; its headers come from next.config.ts).
export const config = { matcher: ['/desk', '/desk/((?!media/upload$).*)', '/login', '/api/v1/:path*', '/:path(.*%.*)'] }
