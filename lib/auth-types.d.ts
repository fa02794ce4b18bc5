import 'next-auth'

declare module 'next-auth' {
  interface User {
    /** The server-side session sign-in opened (db/schema/security.ts `sessions`). */
    sessionId?: string
  }
  interface Session {
    /** '' for a token without one, which no request accepts. */
    sessionId: string
  }
}
