import { createHash } from 'node:crypto'
import sharp, { type OutputInfo, type Sharp } from 'sharp'
import { type CropAspect, cropAspectNames, cropRegion, cropWidth } from './crop-region'
import { type DecodeQueue, decodeQueue } from './decode-queue'
import { uploadSizeProblem } from './limits'
import { type ImageFormat, notAnImageMessage, sniffImageFormat } from './sniff'
import { type Refusal, refusal } from '../refusal'
/** Refused from the header alone, before a pixel is decoded (decompression bombs). */
export const maxImagePixels = 40_000_000
/** The widths generated for `srcset`; never wider than the upload. */
export const variantWidths = [320, 640, 960, 1280, 1920] as const
/** Every width is written in these formats, and in the upload's own format as a fallback. */
export const modernFormats = ['webp', 'avif'] as const satisfies readonly ImageFormat[]

// One libvips thread per image and no operation cache: the decode queue decides how many images run
// at once, and memory stays that of the images in hand (a cache would keep pixels of finished ones).
sharp.concurrency(1)
sharp.cache(false)

export const damagedImageMessage = 'This image file is damaged or incomplete and cannot be read.'

export type ProcessedFile = { buffer: Buffer; format: ImageFormat; width: number; height: number }
export type ProcessedCrop = ProcessedFile & { aspect: CropAspect }

export type ProcessedImage = {
  ok: true
  /** sha256 (hex) of the bytes as uploaded: the same file uploaded twice has the same hash. */
  contentHash: string
  /** The full-size image in the upload's format: upright, every metadata block removed. */
  original: ProcessedFile
  /**
   * One file per width and format, narrowest first within each format. The upload's own format
   * at its own width (when that is 1920 or less) is `original`, not repeated here.
   */
  variants: ProcessedFile[]
  /** The shapes search engines ask for (lib/media/crop-region.ts), around the middle until a focal point is chosen. */
  crops: ProcessedCrop[]
  /**
   * The upload was animated (GIF or WebP). Only its first frame is kept: the library stores
   * stills, and a picture that moves belongs in a video embed.
   */
  animated: boolean
}

export type ProcessResult = ProcessedImage | Refusal

/** Quality settings per format. AVIF `effort` is low: 4 (the default) is ~5× slower on 2 cores for a few percent. */
const encoders: Record<ImageFormat, (image: Sharp, isOriginal: boolean) => Sharp> = {
  jpeg: (image, isOriginal) => image.jpeg({ quality: isOriginal ? 90 : 82, progressive: true }),
  png: (image) => image.png({ compressionLevel: 8 }),
  webp: (image, isOriginal) => image.webp({ quality: isOriginal ? 90 : 80, effort: 4 }),
  avif: (image, isOriginal) => image.avif({ quality: isOriginal ? 60 : 50, effort: 2 }),
  gif: (image) => image.gif(),
}

/**
 * An upload already on disk (lib/media/receive.ts): decoded from its file, never read whole into
 * memory. `head` is its first bytes, for the format check; `contentHash` was taken as it streamed.
 */
export type ImageFile = { path: string; byteSize: number; contentHash: string; head: Uint8Array }

export function contentHashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The widths to generate for an image this wide: the standard ones below it, and its own up to 1920. */
export function renditionWidths(width: number): number[] {
  const widths: number[] = variantWidths.filter((candidate) => candidate < width)
  if (width <= variantWidths[variantWidths.length - 1]!) widths.push(width)
  return widths
}

/**
 * Checks an upload and makes everything the library stores from it: the full-size image and its
 * responsive renditions, all rotated upright by their EXIF orientation and with every metadata
 * block (EXIF with GPS and maker notes, XMP, IPTC, ICC after conversion to sRGB) left out.
 * Expected refusals (wrong type, too big, damaged) come back as `{ ok: false, message }`.
 */
export async function processImage(upload: Buffer | ImageFile, queue: DecodeQueue = decodeQueue()): Promise<ProcessResult> {
  const image = Buffer.isBuffer(upload)
    ? { input: upload, byteSize: upload.length, head: upload, contentHash: () => contentHashOf(upload) }
    : { input: upload.path, byteSize: upload.byteSize, head: upload.head, contentHash: () => upload.contentHash }
  const sizeProblem = uploadSizeProblem(image.byteSize)
  if (sizeProblem) return refusal('invalid', sizeProblem)
  const sniffed = sniffImageFormat(image.head)
  if (!sniffed.ok) return sniffed
  const format = sniffed.format

  const header = await readHeader(image.input)
  if (!header || header.format !== format) return refusal('invalid', header ? notAnImageMessage : damagedImageMessage)
  if (header.width * header.height > maxImagePixels) {
    return refusal(
      'invalid',
      `This image is too large: ${header.width} × ${header.height} pixels is more than ${maxImagePixels / 1_000_000} megapixels.`,
    )
  }

  const made = await queue.run(() => makeFiles(image.input, format, header.pages > 1))
  return made.ok ? { ...made, contentHash: image.contentHash() } : made
}

async function makeFiles(
  input: Buffer | string,
  format: ImageFormat,
  animated: boolean,
): Promise<Omit<ProcessedImage, 'contentHash'> | Refusal> {
  let pixels: { data: Buffer; info: OutputInfo }
  try {
    pixels = await sharp(input, { limitInputPixels: maxImagePixels, failOn: 'error' })
      .autoOrient()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
  } catch (error) {
    console.warn(`Image decoding failed: ${error instanceof Error ? error.message : String(error)}`)
    return refusal('invalid', damagedImageMessage)
  }

  const { width, height, channels } = pixels.info
  const encode = async (targetFormat: ImageFormat, targetWidth: number): Promise<ProcessedFile> => {
    let image = sharp(pixels.data, { raw: { width, height, channels }, limitInputPixels: maxImagePixels })
    if (targetWidth !== width) image = image.resize({ width: targetWidth, withoutEnlargement: true })
    const { data, info } = await encoders[targetFormat](image, targetWidth === width && targetFormat === format).toBuffer({
      resolveWithObject: true,
    })
    return { buffer: data, format: targetFormat, width: info.width, height: info.height }
  }

  const widths = renditionWidths(width)
  const formats = [...new Set<ImageFormat>([...modernFormats, format])]
  const wanted = formats.flatMap((targetFormat) =>
    widths.filter((targetWidth) => targetFormat !== format || targetWidth !== width).map((targetWidth) => ({ targetFormat, targetWidth })),
  )
  // One after another: an upload holds one core and one set of buffers, whatever its number of renditions.
  const original = await encode(format, width)
  const variants: ProcessedFile[] = []
  for (const { targetFormat, targetWidth } of wanted) variants.push(await encode(targetFormat, targetWidth))
  const crops = await makeCrops(() => sharp(pixels.data, { raw: { width, height, channels }, limitInputPixels: maxImagePixels }), {
    width,
    height,
    format,
    focalX: 0.5,
    focalY: 0.5,
  })
  return { ok: true, original, variants, crops, animated }
}

type CropSource = { width: number; height: number; format: ImageFormat; focalX: number; focalY: number }

/** Each crop of an image, one after another, in the image's own format. */
async function makeCrops(pixels: () => Sharp, source: CropSource): Promise<ProcessedCrop[]> {
  const crops: ProcessedCrop[] = []
  for (const aspect of cropAspectNames) {
    const region = cropRegion(source.width, source.height, aspect, source.focalX, source.focalY)
    let image = pixels().extract(region)
    if (region.width > cropWidth) image = image.resize({ width: cropWidth })
    const { data, info } = await encoders[source.format](image, false).toBuffer({ resolveWithObject: true })
    crops.push({ buffer: data, format: source.format, width: info.width, height: info.height, aspect })
  }
  return crops
}

/**
 * The crops of a stored full-size image (already upright, sRGB, without metadata) around a new
 * focal point, made in the decode queue like an upload.
 */
export async function cropStoredImage(
  file: Buffer,
  source: CropSource,
  queue: DecodeQueue = decodeQueue(),
): Promise<ProcessedCrop[] | Refusal> {
  return queue.run(async () => {
    try {
      return await makeCrops(() => sharp(file, { limitInputPixels: maxImagePixels, failOn: 'error' }), source)
    } catch {
      return refusal('invalid', damagedImageMessage)
    }
  })
}

type Header = { format: ImageFormat | 'other'; width: number; height: number; pages: number }

/** Dimensions and format from the header only; nothing is decoded, whatever the size it claims. */
async function readHeader(input: Buffer | string): Promise<Header | null> {
  try {
    // No pixel limit here: the header is all that is read, and the limit is checked against it next.
    const metadata = await sharp(input, { limitInputPixels: false }).metadata()
    const decoder = metadata.format === 'heif' ? (metadata.compression === 'av1' ? 'avif' : 'other') : (metadata.format as string)
    const format = (['jpeg', 'png', 'webp', 'avif', 'gif'] as const).find((known) => known === decoder) ?? 'other'
    return { format, width: metadata.width, height: metadata.height, pages: metadata.pages ?? 1 }
  } catch {
    return null
  }
}
