import { type NextRequest, NextResponse } from 'next/server'

/** Auth.js's session cookie, plain or `__Secure-` over HTTPS, and its `.0`, `.1`… chunks. */
const sessionCookie = /^(__Secure-)?authjs\.session-token(\.\d+)?$/

/**
 * Two courtesies before any page runs. An address whose %-escapes do not decode gets a plain 404
 * (Next would answer 500). Visitors of the desk who have no session cookie are sent to sign in,
 * and back afterwards: every desk page, action and handler still checks the person against the
 * database. The cookie is read, never touched, so this can never undo a sign-out.
 */
export function proxy(request: NextRequest): NextResponse {
  if (!decodes(request.nextUrl.pathname))
    return new NextResponse('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  if (!request.nextUrl.pathname.startsWith('/desk')) return NextResponse.next()
  if (request.cookies.getAll().some((cookie) => sessionCookie.test(cookie.name))) return NextResponse.next()
  const login = new URL('/login', request.nextUrl)
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.redirect(login)
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

// The desk, and any address with a %-escape in it. Not the upload route: a request through the
// proxy has its whole body buffered in memory first, and uploads stream to disk (the route
// answers 401 itself).
export const config = { matcher: ['/desk', '/desk/((?!media/upload$).*)', '/:path(.*%.*)'] }
