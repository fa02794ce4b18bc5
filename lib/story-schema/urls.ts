/**
 * The addresses a story body may point at. Shared by the editor's extensions (so the browser and
 * the server renderer agree) and by the sanitizer in lib/rich-text.ts.
 */

// Browsers ignore tabs and newlines inside URLs and strip other control characters, which lets
// `java\tscript:` through naive checks; a stored address has none of them.
const controlOrSpace = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/

/** A path on this site: `/…`, but not `//host` or `/\host`, which browsers read as another site. */
function isSitePath(value: string): boolean {
  return /^\/(?![/\\])/.test(value)
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

/** An absolute `http:` or `https:` address with a host, written out in full. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || controlOrSpace.test(value)) return false
  if (!/^https?:\/\//i.test(value)) return false
  const url = parseUrl(value)
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
}

/**
 * Whether `value` may be a link's target: an `http(s):` or `mailto:` address, or a path on this
 * site. Everything else (`javascript:`, `data:`, `vbscript:`, `file:`, protocol-relative `//host`,
 * addresses hiding control characters) is refused.
 */
export function isAllowedHref(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || controlOrSpace.test(value)) return false
  if (isSitePath(value)) return true
  if (/^mailto:/i.test(value)) return parseUrl(value)?.protocol === 'mailto:' && value.length > 'mailto:'.length
  return isHttpUrl(value)
}

/** Whether `value` may be a figure's image: a path on this site or an `http(s):` address. */
export function isAllowedImageSrc(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || controlOrSpace.test(value)) return false
  return isSitePath(value) || isHttpUrl(value)
}

/** Whether a link goes to another site (and so gets `rel="noopener noreferrer nofollow"`). */
export function isExternalHref(href: string): boolean {
  return !isSitePath(href)
}

/**
 * What a writer typed into a link box, made into an address when it plainly is one
 * (`example.org/page` → `https://example.org/page`, `name@example.org` → `mailto:…`), or null
 * when it is not an address we accept.
 */
export function normalizeTypedHref(typed: string): string | null {
  const value = typed.trim()
  if (value === '') return null
  if (isSitePath(value)) return isAllowedHref(value) ? value : null
  if (/^[^\s@/:]+@[^\s@/:]+\.[a-z]{2,}$/i.test(value)) return `mailto:${value}`
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`
  if (/^mailto:/i.test(withScheme)) return isAllowedHref(withScheme) ? withScheme : null
  if (!/^https?:\/\//i.test(withScheme)) return null
  const url = parseUrl(withScheme)
  if (!url || (!url.hostname.includes('.') && url.hostname !== 'localhost')) return null
  return isAllowedHref(url.href) ? url.href : null
}
