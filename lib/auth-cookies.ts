/** The session cookie's name without a prefix. */
export const sessionCookieBase = 'authjs.session-token'

/** Any session cookie's name: plain, `__Secure-` or `__Host-` prefixed, and its `.0`, `.1`… chunks. */
export const sessionCookieName = /^(__Secure-|__Host-)?authjs\.session-token(\.\d+)?$/

type CookieOptions = { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean }

/**
 * Auth.js's cookie settings for a site served at `siteUrl` (AUTH_URL, else SITE_URL). Over HTTPS
 * every cookie is `Secure`, and the session cookie is `__Host-` prefixed, so a sibling subdomain
 * or a plain-HTTP page cannot set or overwrite it; over HTTP (the local demo) neither prefix can be
 * used. Always `HttpOnly` and `SameSite=Lax`. Decided from the configuration, not from the request,
 * so a proxy that forgets X-Forwarded-Proto cannot downgrade them.
 */
export function authCookies(siteUrl: string): {
  useSecureCookies: boolean
  cookies: { sessionToken: { name: string; options: CookieOptions } }
} {
  const secure = new URL(siteUrl).protocol === 'https:'
  return {
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: `${secure ? '__Host-' : ''}${sessionCookieBase}`,
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
  }
}

/** The address the site is served at, as Auth.js cookies see it. */
export function authSiteUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.AUTH_URL?.trim() || env.SITE_URL?.trim() || 'http://localhost:3000'
}
