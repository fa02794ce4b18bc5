import 'server-only'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { getDb } from '@/db'
import { authCookies, authSiteUrl } from './auth-cookies'
import { clientAddress } from './client-address'
import { authSecret, sessionLifetimes, trustedProxyHops } from './env'
import { endSession } from './sessions'
import { signInWithPassword } from './sign-in'
import { sessionTokenReader } from './session-token'

const proxyHops = trustedProxyHops()
const cookies = authCookies(authSiteUrl())
const secret = authSecret()

/**
 * The id of the server-side session a request's Cookie header names, or null: what `auth()` would
 * read from it for a page (lib/session-token.ts), without Auth.js's whole round trip.
 */
export const sessionIdFromCookies = sessionTokenReader({ cookieName: cookies.cookies.sessionToken.name, secret })

/** Told to the sign-in form as `code`, so it can say "try again later" instead of "wrong password". */
class SignInThrottled extends CredentialsSignin {
  override code = 'throttled'
}

export const { handlers, signIn, signOut } = NextAuth({
  secret,
  trustHost: true,
  // The token only names a server-side session (lib/sessions.ts), which decides when it ends; the
  // cookie need not outlive that session's absolute lifetime.
  session: { strategy: 'jwt', maxAge: Math.floor(sessionLifetimes().absoluteMs / 1000) },
  ...cookies,
  pages: { signIn: '/login' },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id
        token.sid = user.sessionId
      }
      return token
    },
    session({ session, token }) {
      session.user.id = token.sub ?? ''
      session.sessionId = typeof token.sid === 'string' ? token.sid : ''
      return session
    },
  },
  events: {
    // Auth.js clears the cookie; this ends the session it named, so a copy of the cookie is worthless.
    async signOut(message) {
      const token = 'token' in message ? message.token : null
      if (typeof token?.sid !== 'string') return
      await endSession(getDb(), token.sid, 'signed-out', { actorId: Number(token.sub) || null })
    },
  },
  logger: {
    // A refused sign-in is an expected answer, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return
      console.error(error)
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'E-mail' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const from = { client: clientAddress(request.headers, proxyHops), userAgent: request.headers.get('user-agent') ?? '' }
        const result = await signInWithPassword(getDb(), credentials, from)
        if (result.ok) return { id: String(result.user.id), name: result.user.name, email: result.user.email, sessionId: result.sessionId }
        if (result.reason === 'throttled') throw new SignInThrottled()
        return null
      },
    }),
  ],
})
