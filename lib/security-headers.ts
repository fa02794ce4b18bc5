import crypto from 'node:crypto'
import { embedFrameOrigins } from './embeds'

// THE security headers of every response, in one place. Who sends them:
// - the desk and the sign-in page: proxy.ts, per request (a fresh CSP nonce each time);
// - reader's pages, feeds, sitemaps and the desk's preview: their route handlers
//   (app/(site)/reader-response.ts keeps them with the page, so server.mjs and the edge pass them on);
// - everything else Next answers (built assets, media, the sign-in API): next.config.ts `headers()`.
// No path gets them from two of these: one would silently replace the other (the proxy's win over
// a handler's), or both would be sent, and two Content-Security-Policy headers are both enforced.
// This module is imported by next.config.ts too, so it imports nothing through the `@/` alias.

/** A policy's directives: each name with its sources (no sources for a bare directive). */
export type PolicyDirectives = Record<string, readonly string[]>

/** Directives as a header value, in the order given. */
export function contentSecurityPolicy(directives: PolicyDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')
}

/** The CSP source that allows exactly this inline script or style. */
export function sha256Source(text: string): string {
  return `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/** What every policy says, whatever the page: no plugins, no `<base>` rewriting every link, forms only to us, never framed. */
const lockedDown: PolicyDirectives = {
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
}

// Style attributes are allowed (`style-src-attr 'unsafe-inline'`) on every page, style elements are
// not. The desk needs them: React's server rendering prints `style` props as attributes (the focal
// point marker) and ProseMirror sets node attributes, a figure's `object-position` among them, with
// setAttribute; the reader's pictures carry their focal point the same way. An attribute cannot run
// script or select other elements (so it cannot read the page out through attribute selectors),
// and any `url()` in one is still bound by img-src and font-src. Scripts stay strict everywhere.

/**
 * The desk's and sign-in page's policy: Next's own scripts carry `nonce` (Next reads it from this
 * header on the request) and what they load is trusted through 'strict-dynamic'. `next dev`
 * needs eval (React rebuilds server error stacks with it) and injects unnonced styles.
 */
export function deskContentSecurityPolicy(nonce: string, development = process.env.NODE_ENV === 'development'): string {
  return contentSecurityPolicy({
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    'style-src-attr': ["'unsafe-inline'"],
    // Upload previews show the chosen file before it is sent (blob:).
    'img-src': ["'self'", 'blob:', 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    // The editor shows embeds as cards: the desk frames nothing.
    'frame-src': ["'none'"],
    ...lockedDown,
  })
}

/**
 * A reader's page's policy: nothing but its own images, the inline stylesheet and script whose
 * hashes are given, and frames of the allowed embed services.
 */
export function readerContentSecurityPolicy(inline: { scripts: readonly string[]; styles: readonly string[] }): string {
  return contentSecurityPolicy({
    'default-src': ["'none'"],
    'script-src': inline.scripts.map(sha256Source),
    'style-src': inline.styles.map(sha256Source),
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'"],
    'frame-src': embedFrameOrigins,
    ...lockedDown,
  })
}

/** Browser features no page of Copydesk uses, switched off for it and anything it frames. */
const unusedFeatures = [
  'accelerometer',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
]

/**
 * The headers every response carries besides its CSP. HSTS only when the site is served over
 * HTTPS (`SITE_URL`): over plain HTTP a browser ignores it, and a local demo must stay reachable.
 */
export function securityHeaders(siteUrl = process.env.SITE_URL ?? ''): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': unusedFeatures.map((feature) => `${feature}=()`).join(', '),
    ...(/^https:\/\//i.test(siteUrl.trim()) ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  }
}

/** What the desk and the sign-in page add: no window of another site keeps a handle on them, and no site frames them. */
export const deskOnlyHeaders: Readonly<Record<string, string>> = {
  'cross-origin-opener-policy': 'same-origin',
  // For browsers that predate frame-ancestors.
  'x-frame-options': 'DENY',
}
