import { cropKey, mediaKey } from './keys'
import { type ProcessedCrop, type ProcessedImage, variantWidths } from './process'
import { mimeTypeOf } from './sniff'
import type { MediaStorage } from './storage'

/** A file to write for a processed image. */
export type PlannedFile = { key: string; buffer: Buffer; contentType: string }

/** The files to store and the `media` row (without its words and uploader) for a processed image. */
export function planMediaFiles(processed: ProcessedImage) {
  const { contentHash, original } = processed
  const storageKey = mediaKey(contentHash, original.format)
  const files: PlannedFile[] = [
    { key: storageKey, buffer: original.buffer, contentType: mimeTypeOf(original.format) },
    ...processed.variants.map((variant) => ({
      key: mediaKey(contentHash, variant.format, variant.width),
      buffer: variant.buffer,
      contentType: mimeTypeOf(variant.format),
    })),
    ...cropFiles(contentHash, processed.crops, 0.5, 0.5),
  ]
  const variants = processed.variants.map((variant) => ({
    width: variant.width,
    format: variant.format as string,
    key: mediaKey(contentHash, variant.format, variant.width),
  }))
  // An image no wider than the widest rendition is its own format's widest rendition: not stored twice.
  if (original.width <= variantWidths[variantWidths.length - 1]!) {
    variants.push({ width: original.width, format: original.format, key: storageKey })
  }
  variants.sort((a, b) => a.format.localeCompare(b.format) || a.width - b.width)
  const row = {
    storageKey,
    contentHash,
    mimeType: mimeTypeOf(original.format),
    byteSize: original.buffer.length,
    width: original.width,
    height: original.height,
    variants: [...variants, ...cropVariants(contentHash, processed.crops, 0.5, 0.5)],
  }
  return { files, row }
}

/** The files of an image's crops around a focal point. */
export function cropFiles(contentHash: string, crops: readonly ProcessedCrop[], focalX: number, focalY: number): PlannedFile[] {
  return crops.map((crop) => ({
    key: cropKey(contentHash, crop.format, crop.aspect, focalX, focalY),
    buffer: crop.buffer,
    contentType: mimeTypeOf(crop.format),
  }))
}

/** The crops as the `media` row lists them, among its renditions. */
export function cropVariants(contentHash: string, crops: readonly ProcessedCrop[], focalX: number, focalY: number) {
  return crops.map((crop) => ({
    width: crop.width,
    format: crop.format as string,
    key: cropKey(contentHash, crop.format, crop.aspect, focalX, focalY),
    aspect: crop.aspect as string,
  }))
}

/** Writes every planned file; the first failure rejects (after the others have settled). */
export async function writeMediaFiles(storage: MediaStorage, files: readonly PlannedFile[]): Promise<void> {
  const writes = await Promise.allSettled(files.map((file) => storage.put(file.key, file.buffer, file.contentType)))
  const failed = writes.find((write) => write.status === 'rejected')
  if (failed) throw failed.reason
}
