import type { media } from '@/db/schema'
import { mediaUrlPrefix } from './keys'

type MediaRow = typeof media.$inferSelect

/** What a page needs of a `media` row to show it. */
export type MediaImage = Pick<MediaRow, 'storageKey' | 'mimeType' | 'width' | 'height' | 'variants' | 'focalX' | 'focalY'>

/** Attributes for `<picture>`/`<img>`: the `sources` first (AVIF, then WebP), then the `<img>` with the rest. */
export type ResponsiveImage = {
  /** The `<img src>`: the widest rendition in the upload's own format (or the stored file when there are none). */
  src: string
  /** WebP renditions, `url 640w, …`: enough on its own for an `<img srcset>`. */
  srcSet: string
  /** For `<picture>`: `<source type srcset>` in order of preference. */
  sources: { type: string; srcSet: string }[]
  /** The upload's own format, for the `<img srcset>` inside a `<picture>`. */
  fallbackSrcSet: string
  sizes: string
  /** The intrinsic size, for `width`/`height` (no layout shift). */
  width: number
  height: number
  /** The focal point as CSS `object-position`, for crops (`object-fit: cover`). */
  objectPosition: string
}

export type SrcSetOptions = {
  /** The `sizes` attribute: how wide the image is shown. Default: the full viewport width. */
  sizes?: string
  /** Turns a storage key into an address; default: the app's `/media/<key>` route. Pass `storage.url` for a public bucket. */
  url?: (key: string) => string
}

const defaultUrl = (key: string) => `${mediaUrlPrefix}/${key}`

/** Responsive image attributes for a library image. */
export function srcSetFor(image: MediaImage, options: SrcSetOptions = {}): ResponsiveImage {
  const url = options.url ?? defaultUrl
  const widthsOf = (mimeSubtype: string) =>
    widthRenditions(image)
      .filter((variant) => variant.format === mimeSubtype)
      .sort((a, b) => a.width - b.width)
  const setOf = (mimeSubtype: string) =>
    widthsOf(mimeSubtype)
      .map((variant) => `${url(variant.key)} ${variant.width}w`)
      .join(', ')
  const ownFormat = image.mimeType.replace(/^image\//, '')
  const sources = (['avif', 'webp'] as const)
    .map((format) => ({ type: `image/${format}`, srcSet: setOf(format) }))
    .filter((source) => source.srcSet !== '')
  return {
    src: url(largestFile(image).key),
    srcSet: setOf('webp'),
    sources,
    fallbackSrcSet: setOf(ownFormat),
    sizes: options.sizes ?? '100vw',
    width: image.width,
    height: image.height,
    objectPosition: `${percent(image.focalX)} ${percent(image.focalY)}`,
  }
}

/**
 * The widest rendition in the upload's own format (or the stored file when there are none), with
 * its size: the `<img src>`, and the file link previews (Open Graph, Twitter cards) show.
 */
export function largestFile(image: MediaImage): { key: string; width: number; height: number } {
  const ownFormat = image.mimeType.replace(/^image\//, '')
  const widest = widthRenditions(image)
    .filter((variant) => variant.format === ownFormat)
    .sort((a, b) => a.width - b.width)
    .at(-1)
  if (!widest) return { key: image.storageKey, width: image.width, height: image.height }
  return { key: widest.key, width: widest.width, height: Math.round((image.height * widest.width) / image.width) }
}

/** The stored file to show an image at about `width` pixels: the narrowest WebP that wide, else the widest, else the full-size file. */
export function displayKey(image: Pick<MediaImage, 'storageKey' | 'variants'>, width = 1280): string {
  const webp = widthRenditions(image)
    .filter((variant) => variant.format === 'webp')
    .sort((a, b) => a.width - b.width)
  const chosen = webp.find((variant) => variant.width >= width) ?? webp.at(-1)
  return chosen?.key ?? image.storageKey
}

/** The renditions of the whole image at a width: not the crops for search engines. */
export function widthRenditions(image: Pick<MediaImage, 'variants'>): MediaImage['variants'] {
  return image.variants.filter((variant) => variant.aspect === undefined)
}

function percent(fraction: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0.5))
  return `${Math.round(clamped * 1000) / 10}%`
}
