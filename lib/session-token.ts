import 'server-only'
import { getToken } from 'next-auth/jwt'

/** The session cookie's name (also the token's salt) and the secret it is encrypted with. */
export type SessionTokenKeys = { cookieName: string; secret: string }

type Read = { sessionId: string; expiresAt: number }

const maxRemembered = 1000

/**
 * Reads the server-side session's id from a request's Cookie header: the Auth.js session token
 * decrypted, as `auth()` would, but without re-encrypting a fresh cookie that a page could not set
 * anyway. The answer is a pure function of the exact header (and the keys), so it is remembered
 * per process, and only until the token's own expiry. Whether that session still counts is for
 * the database to say on every request (lib/sessions.ts `checkSession`).
 */
export function sessionTokenReader(keys: SessionTokenKeys): (cookieHeader: string) => Promise<string | null> {
  const remembered = new Map<string, Read>()
  return async (cookieHeader) => {
    const known = remembered.get(cookieHeader)
    if (known && known.expiresAt > Date.now()) return known.sessionId
    remembered.delete(cookieHeader)
    const read = await decodeSessionToken(keys, cookieHeader)
    if (!read) return null
    if (remembered.size >= maxRemembered) remembered.delete(remembered.keys().next().value ?? '')
    remembered.set(cookieHeader, read)
    return read.sessionId
  }
}

async function decodeSessionToken({ cookieName, secret }: SessionTokenKeys, cookieHeader: string): Promise<Read | null> {
  if (!cookieHeader) return null
  const token = await getToken({ req: { headers: { cookie: cookieHeader } }, secret, cookieName, salt: cookieName })
  if (typeof token?.sid !== 'string' || !token.sid || typeof token.exp !== 'number') return null
  return { sessionId: token.sid, expiresAt: token.exp * 1000 }
}
