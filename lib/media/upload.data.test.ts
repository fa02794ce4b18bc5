import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { media, users } from '@/db/schema'
import { keysOf } from './library'
import { damagedImageMessage } from './process'
import { notAnImageMessage } from './sniff'
import type { MediaStorage } from './storage'
import { widthRenditions } from './srcset'
import { animatedGif, imageWithMetadata, jpegImage, pngHeaderClaiming } from './test-images'
import { openTestLibrary } from '@/test/media-library'
import { disabledPerson, disabledRefusal } from '@/test/newsroom'
import { uploadImage } from './upload'

const { db, newsroom, storage, storedKeys, mediaCount } = await openTestLibrary()

/** The test storage, running `meanwhile` before each file it writes: something that happens while an upload is stored. */
function storageThatFirst(meanwhile: (key: string) => Promise<unknown>): MediaStorage {
  const files: MediaStorage = storage
  return {
    get: (key) => files.get(key),
    delete: (key) => files.delete(key),
    url: (key) => files.url(key),
    location: files.location,
    put: async (key, buffer, contentType) => {
      await meanwhile(key)
      return files.put(key, buffer, contentType)
    },
  }
}

describe('uploading an image', () => {
  it('stores the image and its renditions under content-hashed names, with the uploader and details', async () => {
    const result = await uploadImage(db, storage, newsroom.writer, {
      bytes: await imageWithMetadata('jpeg', { orientation: 6 }),
      alt: '  A red and blue card  ',
      caption: 'The card,\r\nheld upright.',
      credit: 'STAFF\u0007',
    })
    if (!result.ok) throw new Error(result.message)
    const { media: row, duplicate } = result
    expect(duplicate).toBe(false)
    expect(row).toMatchObject({ mimeType: 'image/jpeg', width: 400, height: 600, uploadedBy: newsroom.writer.id })
    expect(row).toMatchObject({ alt: 'A red and blue card', caption: 'The card,\nheld upright.', credit: 'STAFF' })
    expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/)
    expect(widthRenditions(row).map((variant) => `${variant.format} ${variant.width}`)).toEqual([
      'avif 320',
      'avif 400',
      'jpeg 320',
      'jpeg 400',
      'webp 320',
      'webp 400',
    ])
    expect(
      row.variants.filter((variant) => variant.aspect).map((variant) => `${variant.aspect} ${variant.format} ${variant.width}`),
    ).toEqual(['16x9 jpeg 400', '4x3 jpeg 400', '1x1 jpeg 400'])
    // The full-size JPEG is the widest JPEG rendition: one file, not two.
    expect(row.variants.find((variant) => variant.format === 'jpeg' && variant.width === 400)?.key).toBe(row.storageKey)

    const stored = await storedKeys()
    expect(stored.sort()).toEqual(keysOf(row).sort())
    for (const key of keysOf(row)) {
      const file = await storage.get(key)
      const metadata = await sharp(file ?? Buffer.alloc(0)).metadata()
      expect({ key, exif: metadata.exif, xmp: metadata.xmp, iptc: metadata.iptc }).toEqual({
        key,
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
      })
    }
    expect((await storage.get(row.storageKey))?.length).toBe(row.byteSize)
  })

  it('stores the same file uploaded twice once, and leaves the first upload’s details alone', async () => {
    const bytes = await jpegImage(500, 300, 7)
    const first = await uploadImage(db, storage, newsroom.writer, { bytes, caption: 'First caption' })
    const filesAfterFirst = (await storedKeys()).length
    const rowsAfterFirst = await mediaCount()
    const second = await uploadImage(db, storage, newsroom.editor, { bytes: Buffer.from(bytes), caption: 'Second caption' })
    if (!first.ok || !second.ok) throw new Error('upload failed')
    expect(second.duplicate).toBe(true)
    expect(second.media).toMatchObject({ id: first.media.id, caption: 'First caption', uploadedBy: newsroom.writer.id })
    expect(await mediaCount()).toBe(rowsAfterFirst)
    expect((await storedKeys()).length).toBe(filesAfterFirst)
  })

  it('stores the same file uploaded twice at the same moment once, keeping every file of the one row', async () => {
    const bytes = await jpegImage(900, 600, 8)
    const rowsBefore = await mediaCount()
    const results = await Promise.all([
      uploadImage(db, storage, newsroom.writer, { bytes, alt: 'One' }),
      uploadImage(db, storage, newsroom.writer2, { bytes: Buffer.from(bytes), alt: 'Two' }),
    ])
    if (!results[0].ok || !results[1].ok) throw new Error('upload failed')
    expect(results.map((result) => result.ok && result.duplicate).sort()).toEqual([false, true])
    expect(results[0].media.id).toBe(results[1].media.id)
    expect(await mediaCount()).toBe(rowsBefore + 1)
    for (const key of keysOf(results[0].media)) expect(await storage.get(key), key).not.toBeNull()
  })

  it('refuses a renamed text file, a truncated JPEG and an empty file, leaving no file and no row', async () => {
    const before = { files: (await storedKeys()).length, rows: await mediaCount() }
    const whole = await jpegImage(600, 400, 3)
    const cases = [
      { bytes: Buffer.from('not a photo, whatever the name says'), message: notAnImageMessage },
      { bytes: whole.subarray(0, whole.length - 200), message: damagedImageMessage },
      { bytes: Buffer.alloc(0), message: 'This file is empty.' },
      { bytes: Buffer.alloc(26 * 1024 * 1024), message: 'This file is larger than 25 MB.' },
    ]
    for (const { bytes, message } of cases) {
      expect(await uploadImage(db, storage, newsroom.writer, { bytes })).toEqual({ ok: false, reason: 'invalid', message })
    }
    expect({ files: (await storedKeys()).length, rows: await mediaCount() }).toEqual(before)
  })

  it('refuses an SVG with a script and a 20,000 × 20,000 PNG, leaving no file and no row', async () => {
    const before = { files: (await storedKeys()).length, rows: await mediaCount() }
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>alert(document.cookie)</script><rect width="800" height="600"/></svg>',
    )
    expect(await uploadImage(db, storage, newsroom.writer, { bytes: svg })).toEqual({
      ok: false,
      reason: 'invalid',
      message: notAnImageMessage,
    })
    expect(await uploadImage(db, storage, newsroom.writer, { bytes: pngHeaderClaiming(20_000, 20_000) })).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'This image is too large: 20000 × 20000 pixels is more than 40 megapixels.',
    })
    expect({ files: (await storedKeys()).length, rows: await mediaCount() }).toEqual(before)
  })

  it('tells the uploader that an animated GIF is kept as a still', async () => {
    const result = await uploadImage(db, storage, newsroom.writer, { bytes: await animatedGif() })
    expect(result).toMatchObject({ ok: true, duplicate: false, notice: 'This animated image is kept as a still of its first frame.' })
    expect(result.ok && result.media.mimeType).toBe('image/gif')
  })

  it('refuses details that are too long before processing anything', async () => {
    const result = await uploadImage(db, storage, newsroom.writer, { bytes: await jpegImage(300, 200, 4), alt: 'x'.repeat(501) })
    expect(result).toEqual({ ok: false, reason: 'invalid', message: 'Alt text must be 500 characters or fewer.' })
  })

  it('refuses an account disabled since signing in before processing anything', async () => {
    const before = { files: await storedKeys(), rows: await mediaCount() }
    const gone = await disabledPerson(db, 'writer')
    expect(await uploadImage(db, storage, gone, { bytes: await jpegImage(320, 200, 6) })).toEqual(disabledRefusal)
    expect({ files: await storedKeys(), rows: await mediaCount() }).toEqual(before)
  })

  it('refuses an account disabled while its image was processed, leaving no file and no row', async () => {
    const before = { files: await storedKeys(), rows: await mediaCount() }
    const [person] = await db
      .insert(users)
      .values({ email: 'disabled-midway@example.test', name: 'Midway', slug: 'midway', role: 'writer', passwordHash: 'x' })
      .returning({ id: users.id, role: users.role })
    if (!person) throw new Error('no user')
    const disablesTheAccount = storageThatFirst(() => db.update(users).set({ isDisabled: true }).where(eq(users.id, person.id)))
    expect(await uploadImage(db, disablesTheAccount, person, { bytes: await jpegImage(480, 320, 7) })).toEqual(disabledRefusal)
    expect({ files: await storedKeys(), rows: await mediaCount() }).toEqual(before)
  })

  it('removes the files it wrote when the row cannot be inserted', async () => {
    const before = { files: await storedKeys(), rows: await mediaCount() }
    // Another row takes the first file's key while the upload is stored: the insert fails on it.
    let blocker: number | undefined
    const takesTheKey = storageThatFirst(async (key) => {
      if (blocker !== undefined) return
      const [row] = await db
        .insert(media)
        .values({ storageKey: key, contentHash: 'someone-else', mimeType: 'image/jpeg', byteSize: 1, width: 1, height: 1 })
        .returning({ id: media.id })
      blocker = row?.id
    })
    await expect(uploadImage(db, takesTheKey, newsroom.writer, { bytes: await jpegImage(640, 480, 5) })).rejects.toThrow()
    await db.delete(media).where(eq(media.id, blocker ?? -1))
    expect({ files: await storedKeys(), rows: await mediaCount() }).toEqual(before)
  })
})
