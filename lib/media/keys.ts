import { type ImageFormat, extensionOf, formatOfExtension, mimeTypeOf } from './sniff'

/**
 * A storage key: lowercase letters, digits, `-`, `_` and `.` in `/`-separated segments, each
 * starting with a letter or digit (so no `..`, no hidden files, no absolute paths, no
 * backslashes or control characters). The library only ever writes keys it made itself from a
 * content hash; the check guards the storage and the route that serves `/media/<key>`.
 */
const keyPattern = /^[a-z0-9][a-z0-9_.-]*(?:\/[a-z0-9][a-z0-9_.-]*)*$/
const maxKeyLength = 200

export function isValidMediaKey(key: string): boolean {
  return key.length <= maxKeyLength && keyPattern.test(key) && !key.includes('..')
}

export function assertValidMediaKey(key: string): void {
  if (!isValidMediaKey(key)) throw new Error(`Invalid media storage key: ${JSON.stringify(key.slice(0, maxKeyLength))}`)
}

/**
 * Where a rendition of an upload is stored: `ab/abcdef…64 hex….jpg` for the full-size image,
 * `ab/abcdef…-640.webp` for a width. Derived from the content hash only, so the same upload
 * always lands on the same names and a name never changes meaning (safe to cache forever).
 */
export function mediaKey(contentHash: string, format: ImageFormat, width?: number): string {
  if (!/^[0-9a-f]{64}$/.test(contentHash)) throw new Error('A media key needs a sha256 hex content hash.')
  const suffix = width === undefined ? '' : `-${width}`
  return `${contentHash.slice(0, 2)}/${contentHash}${suffix}.${extensionOf(format)}`
}

/** The `Content-Type` to serve a stored file with, from its key; null for anything else. */
export function contentTypeOfKey(key: string): string | null {
  const extension = key.slice(key.lastIndexOf('.') + 1)
  const format = key.includes('.') ? formatOfExtension(extension) : null
  return format ? mimeTypeOf(format) : null
}

/** The path the app serves stored files under (a route reads them back through `MediaStorage.get`). */
export const mediaUrlPrefix = '/media'

/** Every stored file is named by its content: it may be cached for a year and never revalidated. */
export const immutableCacheControl = 'public, max-age=31536000, immutable'
