import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { type ProcessResult, type ProcessedImage, damagedImageMessage, processImage, renditionWidths } from './process'
import { maxUploadBytes, tooLargeFileMessage } from './limits'
import { notAnImageMessage } from './sniff'
import {
  animatedGif,
  exifIfd0Tags,
  gifWithMetadata,
  gpsInfoTag,
  imageWithMetadata,
  jpegImage,
  pngHeaderClaiming,
  secretArtist,
  twoToneImage,
} from './test-images'

function processed(result: ProcessResult): ProcessedImage {
  if (!result.ok) throw new Error(`expected the image to be accepted, got: ${result.message}`)
  return result
}

const widthsOf = (image: ProcessedImage, format: string) =>
  image.variants.filter((variant) => variant.format === format).map((variant) => variant.width)

describe('processing an upload', () => {
  it('accepts JPEG, PNG, WebP, AVIF and GIF and keeps each in its own format', async () => {
    const base = await twoToneImage(500, 300)
    for (const format of ['jpeg', 'png', 'webp', 'avif', 'gif'] as const) {
      const image = processed(await processImage(await base.clone().toFormat(format).toBuffer()))
      expect(image.original).toMatchObject({ format, width: 500, height: 300 })
      expect((await sharp(image.original.buffer).metadata()).format).toBe(format === 'avif' ? 'heif' : format)
    }
  }, 30_000)

  it('cuts the 16:9, 4:3 and 1:1 crops search engines ask for, 1200 pixels wide at most, in the upload’s format', async () => {
    const image = processed(await processImage(await jpegImage(2400, 1000)))
    const crops = await Promise.all(image.crops.map(async (crop) => ({ crop, stored: await sharp(crop.buffer).metadata() })))
    expect(crops.map(({ crop, stored }) => [crop.aspect, stored.format, stored.width, stored.height])).toEqual([
      ['16x9', 'jpeg', 1200, 675],
      ['4x3', 'jpeg', 1200, 900],
      ['1x1', 'jpeg', 1000, 1000],
    ])
  }, 30_000)

  it('makes each width in WebP, AVIF and the upload’s format, never wider than the upload', async () => {
    const image = processed(await processImage(await jpegImage(1000, 750)))
    expect(widthsOf(image, 'webp')).toEqual([320, 640, 960, 1000])
    expect(widthsOf(image, 'avif')).toEqual([320, 640, 960, 1000])
    // The upload's own format at its own width is the original itself.
    expect(widthsOf(image, 'jpeg')).toEqual([320, 640, 960])
    for (const variant of image.variants) {
      const metadata = await sharp(variant.buffer).metadata()
      expect(metadata.width).toBe(variant.width)
      expect(metadata.height).toBe(Math.round((variant.width * 750) / 1000))
      expect(metadata.format).toBe(variant.format === 'avif' ? 'heif' : variant.format)
    }
  }, 30_000)

  it('stops at 1920 pixels wide and keeps a wider upload at its full size as the original', async () => {
    const image = processed(await processImage(await jpegImage(2400, 1200)))
    expect(widthsOf(image, 'webp')).toEqual([320, 640, 960, 1280, 1920])
    expect(widthsOf(image, 'jpeg')).toEqual([320, 640, 960, 1280, 1920])
    expect(image.original).toMatchObject({ width: 2400, height: 1200 })
  }, 30_000)

  it('makes only the upload’s own width of an image narrower than 320 pixels', async () => {
    const image = processed(await processImage(await jpegImage(200, 100)))
    expect(image.variants.map((variant) => `${variant.format} ${variant.width}×${variant.height}`).sort()).toEqual([
      'avif 200×100',
      'webp 200×100',
    ])
    expect(renditionWidths(200)).toEqual([200])
    expect(renditionWidths(1920)).toEqual([320, 640, 960, 1280, 1920])
  })

  for (const format of ['jpeg', 'png', 'webp'] as const) {
    it(`turns a ${format.toUpperCase()} upright by its EXIF orientation`, async () => {
      // Stored 600 × 400 with orientation 6: a camera held upright, shown 400 wide and 600 high.
      const image = processed(await processImage(await imageWithMetadata(format, { orientation: 6 })))
      expect(image.original).toMatchObject({ width: 400, height: 600 })
      const { data, info } = await sharp(image.original.buffer).raw().toBuffer({ resolveWithObject: true })
      const pixel = (x: number, y: number) => [
        ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
      ]
      const [topRed, , topBlue] = pixel(200, 100)
      const [bottomRed, , bottomBlue] = pixel(200, 500)
      expect(topRed).toBeGreaterThan(200)
      expect(topBlue).toBeLessThan(60)
      expect(bottomBlue).toBeGreaterThan(200)
      expect(bottomRed).toBeLessThan(60)
      for (const variant of image.variants) {
        const metadata = await sharp(variant.buffer).metadata()
        expect(metadata.height).toBeGreaterThan(metadata.width)
        expect(metadata.orientation).toBeUndefined()
      }
    }, 30_000)
  }

  for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
    it(`removes EXIF with GPS, XMP, IPTC and ICC from a ${format.toUpperCase()} and every rendition of it`, async () => {
      const upload = await imageWithMetadata(format)
      const before = await sharp(upload).metadata()
      // The test image really carries them.
      expect(before.exif && exifIfd0Tags(before.exif)).toContain(gpsInfoTag)
      expect(before.xmp).toBeDefined()
      expect(before.icc).toBeDefined()
      if (format === 'jpeg') expect(before.iptc).toBeDefined()

      const image = processed(await processImage(upload))
      for (const file of [image.original, ...image.variants]) {
        const after = await sharp(file.buffer).metadata()
        expect({ format: file.format, width: file.width, exif: after.exif, xmp: after.xmp, iptc: after.iptc, icc: after.icc }).toEqual({
          format: file.format,
          width: file.width,
          exif: undefined,
          xmp: undefined,
          iptc: undefined,
          icc: undefined,
        })
        expect(file.buffer.includes('Secret Source Name')).toBe(false)
      }
    }, 30_000)
  }

  it('removes the comment and XMP of a GIF from it and every rendition', async () => {
    const upload = await gifWithMetadata()
    // The test image really carries them, and is still a GIF sharp reads.
    expect(upload.includes(secretArtist)).toBe(true)
    expect(upload.includes('XMP DataXMP')).toBe(true)
    const image = processed(await processImage(upload))
    expect(image.original.format).toBe('gif')
    for (const file of [image.original, ...image.variants]) {
      expect(file.buffer.includes(secretArtist)).toBe(false)
      expect(file.buffer.includes('XMP')).toBe(false)
      const after = await sharp(file.buffer).metadata()
      expect([after.exif, after.xmp, after.icc]).toEqual([undefined, undefined, undefined])
    }
  }, 30_000)

  it('converts a CMYK JPEG (as print desks send them) to sRGB', async () => {
    const upload = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#cc3333' } })
      .toColourspace('cmyk')
      .jpeg()
      .toBuffer()
    expect((await sharp(upload).metadata()).space).toBe('cmyk')
    const image = processed(await processImage(upload))
    for (const file of [image.original, ...image.variants]) {
      expect(await sharp(file.buffer).metadata()).toMatchObject({ space: 'srgb', channels: 3 })
    }
    const [red, green] = await sharp(image.original.buffer).raw().toBuffer()
    expect(red).toBeGreaterThan(170)
    expect(green).toBeLessThan(90)
  })

  it('keeps transparency in the formats that have it', async () => {
    const upload = await sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.25 } } })
      .png()
      .toBuffer()
    const image = processed(await processImage(upload))
    for (const file of [image.original, ...image.variants]) expect((await sharp(file.buffer).metadata()).hasAlpha).toBe(true)
  }, 30_000)

  it('keeps the first frame of an animated GIF and says it was animated', async () => {
    const image = processed(await processImage(await animatedGif()))
    expect(image.animated).toBe(true)
    expect(image.original).toMatchObject({ format: 'gif', width: 120, height: 80 })
    const metadata = await sharp(image.original.buffer).metadata()
    expect(metadata.pages ?? 1).toBe(1)
    const [red, green] = (await sharp(image.original.buffer).raw().toBuffer()).subarray(0, 2)
    expect(red).toBeGreaterThan(200)
    expect(green).toBeLessThan(60)
  })

  it('processes several uploads arriving at once, each into its own files', async () => {
    const uploads = await Promise.all([1, 2, 3, 4, 5].map((seed) => jpegImage(330 + seed, 200, seed)))
    const results = (await Promise.all(uploads.map((upload) => processImage(upload)))).map(processed)
    expect(results.map((result) => result.original.width)).toEqual([331, 332, 333, 334, 335])
    expect(new Set(results.map((result) => result.contentHash)).size).toBe(5)
  })

  it('names the upload by the sha256 of its bytes, so the same file always has the same hash', async () => {
    const upload = await jpegImage(400, 300)
    const first = processed(await processImage(upload))
    const second = processed(await processImage(Buffer.from(upload)))
    expect(first.contentHash).toBe(createHash('sha256').update(upload).digest('hex'))
    expect(second.contentHash).toBe(first.contentHash)
    expect(processed(await processImage(await jpegImage(400, 300, 2))).contentHash).not.toBe(first.contentHash)
  })
})

describe('refusing bad uploads', () => {
  it('refuses a zero-byte file', async () => {
    expect(await processImage(Buffer.alloc(0))).toEqual({ ok: false, reason: 'invalid', message: 'This file is empty.' })
  })

  it('refuses a 30 MB file by its size alone, before reading it', async () => {
    const upload = Buffer.alloc(30 * 1024 * 1024)
    ;(await jpegImage(100, 100)).copy(upload)
    const started = performance.now()
    expect(await processImage(upload)).toEqual({ ok: false, reason: 'invalid', message: tooLargeFileMessage })
    expect(performance.now() - started).toBeLessThan(100)
    expect(upload.length).toBeGreaterThan(maxUploadBytes)
  })

  it('refuses a text file, an SVG with a script and a PDF whatever they are called', async () => {
    const uploads = [
      Buffer.from('Just some notes, saved as photo.jpg\n'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'),
      Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
    ]
    for (const upload of uploads) expect(await processImage(upload)).toEqual({ ok: false, reason: 'invalid', message: notAnImageMessage })
  })

  it('refuses a truncated JPEG as damaged', async () => {
    const whole = await jpegImage(800, 600)
    expect(await processImage(whole.subarray(0, Math.floor(whole.length / 2)))).toEqual({
      ok: false,
      reason: 'invalid',
      message: damagedImageMessage,
    })
    expect(await processImage(whole.subarray(0, 40))).toEqual({ ok: false, reason: 'invalid', message: damagedImageMessage })
  })

  it('refuses a 20,000 × 20,000 PNG from its header, without decoding it', async () => {
    const bomb = pngHeaderClaiming(20_000, 20_000)
    expect(bomb.length).toBeLessThan(1000)
    const started = performance.now()
    expect(await processImage(bomb)).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'This image is too large: 20000 × 20000 pixels is more than 40 megapixels.',
    })
    // Decoding 400 million pixels would take seconds and gigabytes; the header takes a moment.
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('refuses an image just over 40 megapixels and reads one at the limit', async () => {
    expect(await processImage(pngHeaderClaiming(8001, 5000))).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining('40 megapixels'),
    })
    // 8000 × 5000 is allowed by its header; this hollow one then fails as the damaged file it is.
    expect(await processImage(pngHeaderClaiming(8000, 5000))).toEqual({ ok: false, reason: 'invalid', message: damagedImageMessage })
  })
})
