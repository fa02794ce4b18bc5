import 'server-only'
import { sessionCookieName } from './auth-cookies'
import { trustedProxyHops } from './env'
import { json, refusalResponse } from './http'
import { type BodyType, type MutatingRoute, mutatingRoutes } from './mutating-routes'
import { refusal } from './refusal'
import { siteSettings } from './site'

/**
 * THE check that a request changing something comes from the site's own pages. The session
 * cookie is `SameSite=Lax`, which lets a page on a sibling origin of the same site (another port,
 * another subdomain) send it along, and a `text/plain` or form post needs no CORS preflight: so
 * every state-changing route handler asks this first (the table is lib/mutating-routes.ts).
 * Server actions keep Next.js's own check of `Origin` against the host.
 */

export type OriginSettings = {
  /** SITE_URL: the address people use, whatever proxies stand in front. */
  siteUrl: string
  /** TRUSTED_PROXY_HOPS: how many proxies of ours forward the request (0: none). */
  proxyHops: number
}

const foreignMessage =
  'This request came from a page that is not part of this site, so it was refused and nothing was changed. Work from the desk itself.'
const nullOriginMessage =
  'This request came from a page with no address of its own (a sandboxed frame, a file or a redirect), so it was refused and nothing was changed.'
const unsaidMessage =
  'This request carries a session cookie but does not say which page sent it, so it was refused and nothing was changed. ' +
  'A script acting for someone must send an Origin header with this site’s address.'

/**
 * The origins this site answers as: SITE_URL's, and the one the request was addressed to. That
 * is the `Host` header over plain HTTP (server.mjs speaks nothing else) unless proxies of ours are
 * in front (TRUSTED_PROXY_HOPS > 0): then the scheme and host they forwarded, the value the
 * outermost of them wrote (as lib/client-address.ts reads X-Forwarded-For). A page on another site
 * cannot set these headers on a request it sends (they would need a CORS preflight, which this
 * site never grants), so they cannot smuggle a foreign origin in; they are only wrong when a proxy
 * rewrites the host: set SITE_URL to the public address behind a TLS-terminating proxy, or trust it.
 */
export function ownOrigins(headers: Headers, settings: OriginSettings): string[] {
  const origins = new Set<string>()
  const site = originOf(settings.siteUrl)
  if (site) origins.add(site)
  const forwarded = (name: string) => (settings.proxyHops > 0 ? outermost(headers.get(name), settings.proxyHops) : undefined)
  const host = forwarded('x-forwarded-host') ?? headers.get('host')
  const scheme = forwarded('x-forwarded-proto') ?? 'http'
  const addressed = host && /^https?$/.test(scheme) ? originOf(`${scheme}://${host}`) : null
  if (addressed) origins.add(addressed)
  return [...origins]
}

/**
 * Why a state-changing request is refused as coming from elsewhere, or null when it came from
 * one of `own`. `Origin` must be one of them (`null` never is); when a browser sends no Origin,
 * `Sec-Fetch-Site` must say `same-origin`. A request with neither is not from a current browser:
 * a script, let through unless it carries a session cookie (then it must say where it is from).
 */
export function foreignOriginProblem(headers: Headers, own: readonly string[]): string | null {
  const origin = headers.get('origin')
  const fetchSite = headers.get('sec-fetch-site')
  if (origin !== null) {
    if (origin.trim() === 'null') return nullOriginMessage
    const normalised = originOf(origin)
    if (!normalised || !own.includes(normalised)) return foreignMessage
  }
  if (fetchSite !== null && fetchSite.trim().toLowerCase() !== 'same-origin') return foreignMessage
  if (origin === null && fetchSite === null && carriesSession(headers)) return unsaidMessage
  return null
}

/** Why a request's declared body type is not the one `body` documents, or null when it is. */
export function bodyTypeProblem(headers: Headers, body: BodyType): string | null {
  const declared = (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const expected = body === 'none' ? '' : body
  if (declared === expected) return null
  const wanted = body === 'none' ? 'no body' : `a ${body} body`
  return `This address takes ${wanted}, not ${declared ? declared.slice(0, 100) : 'a body without a type'}; nothing was read or changed.`
}

/**
 * The answer refusing a request to `route` from another origin (403) or with a body type the
 * route does not document (415), or null to go on. Called first in every handler, so a refused
 * request is neither authorized, nor read, nor acted on.
 */
export function refuseForeignRequest(request: Request, route: MutatingRoute, settings: OriginSettings = originSettings()): Response | null {
  const foreign = foreignOriginProblem(request.headers, ownOrigins(request.headers, settings))
  if (foreign) return refusalResponse(refusal('forbidden', foreign))
  const wrongBody = bodyTypeProblem(request.headers, mutatingRoutes[route].body)
  if (wrongBody) return json({ ok: false, reason: 'unsupported-media-type', message: wrongBody }, 415)
  return null
}

/** SITE_URL and TRUSTED_PROXY_HOPS, as every same-origin check here reads them (the sync server's upgrades too). */
export function originSettings(): OriginSettings {
  return { siteUrl: siteSettings().url, proxyHops: trustedProxyHops() }
}

function originOf(address: string): string | null {
  try {
    const { origin } = new URL(address.trim())
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}

/** With `hops` proxies each appending to a list header, the value the outermost one wrote. */
function outermost(value: string | null, hops: number): string | undefined {
  const values = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  return values.at(-hops) ?? values[0]
}

function carriesSession(headers: Headers): boolean {
  return (headers.get('cookie') ?? '').split(';').some((pair) => sessionCookieName.test(pair.split('=')[0]?.trim() ?? ''))
}
