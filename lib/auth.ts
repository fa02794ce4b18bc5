import 'server-only'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { getDb } from '@/db'
import { clientAddress } from './client-address'
import { authSecret, trustedProxyHops } from './env'
import { checkCredentials } from './sign-in'

const proxyHops = trustedProxyHops()

/** Told to the sign-in form as `code`, so it can say "try again later" instead of "wrong password". */
class SignInThrottled extends CredentialsSignin {
  override code = 'throttled'
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
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
        const result = await checkCredentials(getDb(), credentials, clientAddress(request.headers, proxyHops))
        if (result.ok)
          return { id: String(result.user.id), name: result.user.name, email: result.user.email, epoch: result.user.sessionEpoch }
        if (result.reason === 'throttled') throw new SignInThrottled()
        return null
      },
    }),
  ],
})
