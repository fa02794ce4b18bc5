import NextAuth from 'next-auth'
import { NextResponse } from 'next/server'
import { authConfig } from '@/lib/auth.config'

const { auth } = NextAuth(authConfig)

/**
 * Sends anonymous visitors of the desk to sign in, and back afterwards. A courtesy only: every
 * desk page, action and handler checks the person again against the database.
 */
export const proxy = auth((request) => {
  if (request.auth) return NextResponse.next()
  const login = new URL('/login', request.nextUrl)
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.redirect(login)
})

export const config = { matcher: ['/desk', '/desk/:path*'] }
