import { emptyFileMessage } from './limits'
import { type Refusal, refusal } from '../refusal'

/** The image formats the library accepts, named as sharp names its encoders. */
export const imageFormats = ['jpeg', 'png', 'webp', 'avif', 'gif'] as const
export type ImageFormat = (typeof imageFormats)[number]

export const notAnImageMessage = 'This file is not an image Copydesk accepts (JPEG, PNG, WebP, AVIF or GIF).'

export type SniffResult = { ok: true; format: ImageFormat } | Refusal

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte)

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

/**
 * The image format from the file's first bytes (its magic number), never from its name or the
 * type the browser declared. SVG (a script can hide in it), PDF, text and everything else are refused.
 */
export function sniffImageFormat(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return refusal('invalid', emptyFileMessage)
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, format: 'jpeg' }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, format: 'png' }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return { ok: true, format: 'webp' }
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return { ok: true, format: 'gif' }
  if (isAvif(bytes)) return { ok: true, format: 'avif' }
  return refusal('invalid', notAnImageMessage)
}

/**
 * An ISO-BMFF `ftyp` box whose major or compatible brands name AVIF. HEIC (the same container
 * with HEVC inside) names only `heic`/`mif1` brands and is refused.
 */
function isAvif(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii('ftyp'), 4)) return false
  const boxSize = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)
  const end = Math.min(boxSize >>> 0, bytes.length, 256)
  if (end < 16) return false
  const brands = new Set<string>()
  // Major brand at 8, minor version at 12, compatible brands from 16, four bytes each.
  for (const offset of [8, ...range(16, end, 4)]) {
    brands.add(String.fromCharCode(...bytes.subarray(offset, offset + 4)))
  }
  return brands.has('avif') || brands.has('avis')
}

function range(start: number, end: number, step: number): number[] {
  const values: number[] = []
  for (let value = start; value + step <= end; value += step) values.push(value)
  return values
}

const mimeTypes: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
}

const extensions: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' }

export function mimeTypeOf(format: ImageFormat): string {
  return mimeTypes[format]
}

export function extensionOf(format: ImageFormat): string {
  return extensions[format]
}

/** The format a stored file's extension names, or null for one the library did not write. */
export function formatOfExtension(extension: string): ImageFormat | null {
  return imageFormats.find((format) => extensions[format] === extension) ?? null
}
