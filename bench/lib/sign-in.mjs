// Signs in through Auth.js's own routes, as a script would: the CSRF token, then the
// credentials callback, keeping the cookies.
import { BenchError } from './processes.mjs'
import { request } from './http.mjs'

/** The demo newsroom's password (seed/newsroom.ts); the synthetic seed creates the demo accounts too. */
export const demoPassword = 'copydesk-demo'

/** Resolves with a cookie jar (a Map) holding the session cookie of `email`. */
export async function signIn(base, email, password = demoPassword) {
  const jar = new Map()
  const csrf = await request(`${base}/api/auth/csrf`, { jar })
  const csrfToken = csrf.status === 200 ? JSON.parse(csrf.body).csrfToken : undefined
  if (!csrfToken) throw new BenchError(`Signing in as ${email}: GET /api/auth/csrf answered ${csrf.status} without a token.`)
  const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/desk` })
  const answer = await request(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    jar,
  })
  const signedIn = [...jar.keys()].some((name) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name))
  if (!signedIn) {
    const where = answer.headers.location ? ` (sent to ${answer.headers.location})` : ''
    throw new BenchError(
      `Signing in as ${email} failed: the credentials callback answered ${answer.status} without a session cookie${where}.`,
    )
  }
  return jar
}
