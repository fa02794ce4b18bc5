import { isAllowedHref } from './story-schema/urls'

declare const safeUrlBrand: unique symbol

/**
 * An address that may go into an `href` or `src`: an `http(s):` address with a host, a `mailto:`
 * address, or a path on this site (`/…`, never `//host` or `/\host`), with no control characters.
 * Only `safeUrl` makes one.
 */
export type SafeUrl = string & { readonly [safeUrlBrand]: true }

/** `value` as a `SafeUrl`, or null for anything else (`javascript:`, `data:`, `//host`, a relative path…). */
export function safeUrl(value: string): SafeUrl | null {
  return isAllowedHref(value) ? (value as SafeUrl) : null
}
