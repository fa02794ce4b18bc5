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

/**
 * Where a crop of an upload is stored: `ab/abcdef…-16x9-f500-300.jpg` for a 16:9 crop around the
 * focal point (0.5, 0.3). A new focal point is a new name, so a name still never changes meaning.
 */
export function cropKey(contentHash: string, format: ImageFormat, aspect: string, focalX: number, focalY: number): string {
  const permille = (fraction: number) => Math.round(Math.min(1, Math.max(0, fraction)) * 1000)
  return mediaKey(contentHash, format).replace(/\.[a-z]+$/, `-${aspect}-f${permille(focalX)}-${permille(focalY)}$&`)
}

/** The `Content-Type` to serve a stored file with, from its key; null for anything else. */
export function contentTypeOfKey(key: string): string | null {
  const extension = key.slice(key.lastIndexOf('.') + 1)
  const format = key.includes('.') ? formatOfExtension(extension) : null
  return format ? mimeTypeOf(format) : null
}

/** The path the app serves stored files under (a route reads them back through `MediaStorage.get`). */
export const mediaUrlPrefix = '/media'

/**
 * A public image (one a published story shows). Its name is its content, so within this time it
 * is never revalidated; but unpublishing the story makes it private again, and no one can take
 * it back from a browser's own cache or a shared cache the site does not control. An hour is how
 * long such a copy may outlive unpublishing; Copydesk's edge nodes are refreshed at once
 * (lib/reader-changes.ts), and everyone else gets 404 from then on.
 */
export const publicMediaCacheControl = 'public, max-age=3600, immutable'

/** A private image, answered to the newsroom only: never kept by a shared cache, nor by the browser. */
export const privateMediaCacheControl = 'private, no-store'
