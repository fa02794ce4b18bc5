import 'server-only'
import { and, eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { media } from '@/db/schema'
import { cropKey } from './keys'
import type { MediaRow } from './library'
import { cropFiles, cropVariants, writeMediaFiles } from './plan'
import { cropStoredImage } from './process'
import { type ImageFormat, formatOfExtension } from './sniff'
import type { MediaStorage } from './storage'

type Cropped = Pick<MediaRow, 'id' | 'storageKey' | 'contentHash' | 'width' | 'height' | 'focalX' | 'focalY' | 'variants'>

/**
 * Makes the image's crops for search engines again when its focal point moved, or when it was
 * stored before crops existed; crops already around the focal point are left as they are. The
 * new files are written, the row lists them if the focal point is still the same, and the old
 * files are removed. Answers whether the crops changed.
 */
export async function keepCropsAtFocalPoint(db: Db, storage: MediaStorage, image: Cropped): Promise<boolean> {
  const format = formatOfKey(image.storageKey)
  const old = image.variants.filter((variant) => variant.aspect !== undefined)
  if (!format) return false
  const isAtFocalPoint = (variant: Cropped['variants'][number]) =>
    variant.key === cropKey(image.contentHash, format, variant.aspect ?? '', image.focalX, image.focalY)
  if (old.length > 0 && old.every(isAtFocalPoint)) return false
  const original = await storage.get(image.storageKey)
  if (!original) return false
  const crops = await cropStoredImage(original, {
    width: image.width,
    height: image.height,
    format,
    focalX: image.focalX,
    focalY: image.focalY,
  })
  if (!Array.isArray(crops)) return false
  await writeMediaFiles(storage, cropFiles(image.contentHash, crops, image.focalX, image.focalY))
  const variants = [
    ...image.variants.filter((variant) => variant.aspect === undefined),
    ...cropVariants(image.contentHash, crops, image.focalX, image.focalY),
  ]
  const [updated] = await db
    .update(media)
    .set({ variants })
    .where(and(eq(media.id, image.id), eq(media.focalX, image.focalX), eq(media.focalY, image.focalY)))
    .returning({ id: media.id })
  if (!updated) return false
  await Promise.allSettled(old.map((variant) => storage.delete(variant.key)))
  return true
}

function formatOfKey(key: string): ImageFormat | null {
  return formatOfExtension(key.slice(key.lastIndexOf('.') + 1))
}
