import { type NextRequest, NextResponse } from 'next/server'

/** Auth.js's session cookie, plain or `__Secure-` over HTTPS, and its `.0`, `.1`… chunks. */
const sessionCookie = /^(__Secure-)?authjs\.session-token(\.\d+)?$/

/**
 * Sends visitors of the desk who have no session cookie to sign in, and back afterwards. Only a
 * courtesy: every desk page, action and handler checks the person against the database. It
 * reads the cookie without touching it, so it can never undo a sign-out.
 */
export function proxy(request: NextRequest): NextResponse {
  if (request.cookies.getAll().some((cookie) => sessionCookie.test(cookie.name))) return NextResponse.next()
  const login = new URL('/login', request.nextUrl)
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.redirect(login)
}

export const config = { matcher: ['/desk', '/desk/:path*'] }
