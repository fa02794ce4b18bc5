import 'server-only'
import { type CropAspect, cropAspectNames, cropAspects, cropWidth } from './crop-region'
import type { MediaRow } from './library'
import { type ResponsiveImage, type SrcSetOptions, displayKey, srcSetFor } from './srcset'
import { getMediaStorage } from './storage'

type ShownImage = Pick<MediaRow, 'storageKey' | 'mimeType' | 'width' | 'height' | 'variants' | 'focalX' | 'focalY'>

/** The address of a stored file. */
export function mediaUrl(key: string): string {
  return getMediaStorage().url(key)
}

/** One address to show an image at about `width` pixels: the narrowest WebP that wide, else the widest. */
export function displaySrc(image: Pick<MediaRow, 'storageKey' | 'variants'>, width = 1280): string {
  return mediaUrl(displayKey(image, width))
}

/** `srcset`/`sizes` for an image, with addresses from the configured storage. */
export function responsiveImage(image: ShownImage, sizes: string): ResponsiveImage {
  const options: SrcSetOptions = { sizes, url: mediaUrl }
  return srcSetFor(image, options)
}

/** One rendition of an image with its size: the narrowest WebP at least `width` pixels wide, else the widest, else the stored file. */
export function sizedRendition(
  image: Pick<MediaRow, 'storageKey' | 'variants' | 'width' | 'height'>,
  width: number,
): { src: string; width: number; height: number } {
  const key = displayKey(image, width)
  const rendition = image.variants.find((variant) => variant.key === key)
  const shownWidth = rendition?.width ?? image.width
  return { src: mediaUrl(key), width: shownWidth, height: Math.round((shownWidth * image.height) / image.width) }
}

/**
 * The image as search engines are given it: its crops in the shapes they ask for (16:9, 4:3,
 * 1:1, around the focal point), or, for an image that has none yet, one rendition at least
 * as wide as a crop where the upload is.
 */
export function searchImages(
  image: Pick<MediaRow, 'storageKey' | 'variants' | 'width' | 'height'>,
): { src: string; width: number; height: number }[] {
  const crops = cropAspectNames.flatMap((aspect) => {
    const crop = image.variants.find((variant) => variant.aspect === aspect)
    return crop ? [{ src: mediaUrl(crop.key), width: crop.width, height: heightOf(crop.width, aspect) }] : []
  })
  return crops.length > 0 ? crops : [sizedRendition(image, cropWidth)]
}

function heightOf(width: number, aspect: CropAspect): number {
  const [across, down] = cropAspects[aspect]
  return Math.round((width * down) / across)
}
