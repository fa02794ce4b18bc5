import type { NextAuthConfig } from 'next-auth'
import { authSecret } from './env'

/**
 * The part of the Auth.js configuration that needs no database: enough to read a session cookie
 * in the proxy. `lib/auth.ts` adds the credentials provider.
 */
export const authConfig = {
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id
        token.epoch = user.epoch
      }
      return token
    },
    session({ session, token }) {
      session.user.id = token.sub ?? ''
      session.epoch = typeof token.epoch === 'number' ? token.epoch : -1
      return session
    },
  },
} satisfies NextAuthConfig
