// The shapes search engines ask an article's image in (Google: 16:9, 4:3 and 1:1, at least 1200
// pixels wide where the upload allows), cut around the image's focal point.

export const cropAspects = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] } as const
export type CropAspect = keyof typeof cropAspects
export const cropAspectNames = Object.keys(cropAspects) as CropAspect[]

/** How wide a crop is made: the width Google asks for, or less when the upload is narrower. */
export const cropWidth = 1200

export type Region = { left: number; top: number; width: number; height: number }

/**
 * The largest part of a `width` × `height` image with this aspect, centred on the focal point
 * (fractions across and down) as far as the image's edges allow.
 */
export function cropRegion(width: number, height: number, aspect: CropAspect, focalX: number, focalY: number): Region {
  const [across, down] = cropAspects[aspect]
  const regionWidth = Math.max(1, Math.min(width, Math.round((height * across) / down)))
  const regionHeight = Math.max(1, Math.min(height, Math.round((regionWidth * down) / across)))
  const clamp = (value: number, max: number) => Math.min(Math.max(0, value), max)
  return {
    left: clamp(Math.round(focalX * width - regionWidth / 2), width - regionWidth),
    top: clamp(Math.round(focalY * height - regionHeight / 2), height - regionHeight),
    width: regionWidth,
    height: regionHeight,
  }
}
