import 'server-only'
import type { MediaRow } from './library'
import { type ResponsiveImage, type SrcSetOptions, srcSetFor } from './srcset'
import { getMediaStorage } from './storage'

type ShownImage = Pick<MediaRow, 'storageKey' | 'mimeType' | 'width' | 'height' | 'variants' | 'focalX' | 'focalY'>

/**
 * The address of a stored file. The demo newsroom's drawn images are the exception: they live in
 * `public/demo/`, outside the library's storage, and keep their `demo/…` keys.
 */
export function mediaUrl(key: string): string {
  if (key.startsWith('demo/')) return `/${key}`
  return getMediaStorage().url(key)
}

/** One address to show an image at about `width` pixels: the narrowest WebP that wide, else the widest. */
export function displaySrc(image: Pick<MediaRow, 'storageKey' | 'variants'>, width = 1280): string {
  const webp = image.variants.filter((variant) => variant.format === 'webp').sort((a, b) => a.width - b.width)
  const chosen = webp.find((variant) => variant.width >= width) ?? webp.at(-1)
  return mediaUrl(chosen?.key ?? image.storageKey)
}

/** `srcset`/`sizes` for an image, with addresses from the configured storage. */
export function responsiveImage(image: ShownImage, sizes: string): ResponsiveImage {
  const options: SrcSetOptions = { sizes, url: mediaUrl }
  return srcSetFor(image, options)
}
