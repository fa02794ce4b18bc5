import { Auth, type AuthConfig } from '@auth/core'
import Credentials from '@auth/core/providers/credentials'
import { describe, expect, it } from 'vitest'
import { authCookies, authSiteUrl } from './auth-cookies'

/** Signs in through Auth.js itself with this site's cookie settings and answers the Set-Cookie lines of the sign-in. */
async function signInSetCookies(siteUrl: string): Promise<string[]> {
  const config: AuthConfig = {
    secret: 'unit-test-secret-0123456789abcdef',
    trustHost: true,
    basePath: '/api/auth',
    session: { strategy: 'jwt' },
    ...authCookies(siteUrl),
    providers: [Credentials({ credentials: { email: {} }, authorize: () => ({ id: '1', email: 'a@example.test' }) })],
  }
  const csrf = await Auth(new Request(`${siteUrl}/api/auth/csrf`), config)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  const signIn = await Auth(
    new Request(`${siteUrl}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ csrfToken, email: 'a@example.test', callbackUrl: siteUrl }),
    }),
    config,
  )
  return [...csrf.headers.getSetCookie(), ...signIn.headers.getSetCookie()]
}

const sessionLine = (lines: string[]) => lines.find((line) => /^(__Host-)?authjs\.session-token=/.test(line)) ?? ''

describe('session cookies', () => {
  it('over HTTPS: the session cookie is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, for the whole site', async () => {
    const lines = await signInSetCookies('https://news.example.org')
    const session = sessionLine(lines)
    expect(session).toMatch(/^__Host-authjs\.session-token=/)
    expect(session).toMatch(/; Secure/i)
    expect(session).toMatch(/; HttpOnly/i)
    expect(session).toMatch(/; SameSite=Lax/i)
    expect(session).toMatch(/; Path=\//i)
    expect(session).not.toMatch(/; Domain=/i)
    // Every other cookie Auth.js sets is Secure and prefixed too.
    for (const line of lines) {
      expect(line).toMatch(/^__(Host|Secure)-/)
      expect(line).toMatch(/; Secure/i)
      expect(line).toMatch(/; HttpOnly/i)
    }
  })

  it('over plain HTTP (the local demo): no prefix and no Secure, which a browser would drop, still HttpOnly and SameSite=Lax', async () => {
    const session = sessionLine(await signInSetCookies('http://localhost:3000'))
    expect(session).toMatch(/^authjs\.session-token=/)
    expect(session).not.toMatch(/; Secure/i)
    expect(session).toMatch(/; HttpOnly/i)
    expect(session).toMatch(/; SameSite=Lax/i)
  })

  it('reads the site address from AUTH_URL, then SITE_URL', () => {
    expect(authSiteUrl({ NODE_ENV: 'test', SITE_URL: 'https://a.example', AUTH_URL: 'https://b.example' })).toBe('https://b.example')
    expect(authSiteUrl({ NODE_ENV: 'test', SITE_URL: 'https://a.example' })).toBe('https://a.example')
    expect(authCookies(authSiteUrl({ NODE_ENV: 'test' })).useSecureCookies).toBe(false)
  })
})
