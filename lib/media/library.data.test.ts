import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RichTextDoc, articles, media, revisions } from '@/db/schema'
import { ForbiddenError } from '@/lib/errors'
import type { Actor } from '@/lib/permissions'
import { docOf, openTestNewsroom } from '@/test/newsroom'
import { type MediaRow, deleteMedia, keysOf, likePattern, listMedia, mediaUsage, updateMediaDetails, uploadImage } from './library'
import { damagedImageMessage } from './process'
import { notAnImageMessage } from './sniff'
import { LocalMediaStorage } from './storage'
import { animatedGif, imageWithMetadata, jpegImage, pngHeaderClaiming } from './test-images'

const { db, newsroom } = await openTestNewsroom()
let root: string
let storage: LocalMediaStorage

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-media-test-'))
  storage = new LocalMediaStorage(root)
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

/** Every file in the storage directory, as keys. */
async function storedKeys(): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
}

async function mediaCount(): Promise<number> {
  const [row] = await db.select({ total: count() }).from(media)
  return row?.total ?? 0
}

let seed = 100
/** Uploads a fresh (never seen) JPEG as `actor`. */
async function upload(actor: Actor, details: { alt?: string; caption?: string; credit?: string } = {}): Promise<MediaRow> {
  const result = await uploadImage(db, storage, actor, { bytes: await jpegImage(700, 400, seed++), ...details })
  if (!result.ok) throw new Error(result.message)
  return result.media
}

/** A library row without files, for tests about the rows alone. */
async function mediaRow(values: Partial<typeof media.$inferInsert> = {}): Promise<MediaRow> {
  const id = seed++
  const [row] = await db
    .insert(media)
    .values({
      storageKey: `zz/row-${id}.jpg`,
      contentHash: `row-${id}`,
      mimeType: 'image/jpeg',
      byteSize: 1,
      width: 10,
      height: 10,
      ...values,
    })
    .returning()
  if (!row) throw new Error('no media row')
  return row
}

/** A story by the writer whose revisions have these bodies and lead images, oldest first. */
async function story(headline: string, versions: { body?: RichTextDoc; leadMediaId?: number | null }[]): Promise<number> {
  const [article] = await db
    .insert(articles)
    .values({ sectionId: newsroom.sectionId, slug: `story-${seed++}`, createdBy: newsroom.writer.id })
    .returning({ id: articles.id })
  if (!article) throw new Error('no article')
  let currentId = 0
  for (const [index, version] of versions.entries()) {
    const [revision] = await db
      .insert(revisions)
      .values({
        articleId: article.id,
        number: index + 1,
        headline: `${headline} (version ${index + 1})`,
        body: version.body ?? docOf('Text.'),
        sectionId: newsroom.sectionId,
        slug: 'story',
        leadMediaId: version.leadMediaId ?? null,
      })
      .returning({ id: revisions.id })
    currentId = revision?.id ?? 0
  }
  await db.update(articles).set({ currentRevisionId: currentId }).where(eq(articles.id, article.id))
  return article.id
}

const figure = (mediaId: number | string): RichTextDoc['content'] => [
  { type: 'figure', attrs: { kind: 'photo', mediaId, src: '/media/x.jpg', alt: '', caption: '', credit: '', width: 10, height: 10 } },
]

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
    expect(row.variants.map((variant) => `${variant.format} ${variant.width}`)).toEqual([
      'avif 320',
      'avif 400',
      'jpeg 320',
      'jpeg 400',
      'webp 320',
      'webp 400',
    ])
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
      expect(await uploadImage(db, storage, newsroom.writer, { bytes })).toEqual({ ok: false, message })
    }
    expect({ files: (await storedKeys()).length, rows: await mediaCount() }).toEqual(before)
  })

  it('refuses an SVG with a script and a 20,000 × 20,000 PNG, leaving no file and no row', async () => {
    const before = { files: (await storedKeys()).length, rows: await mediaCount() }
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>alert(document.cookie)</script><rect width="800" height="600"/></svg>',
    )
    expect(await uploadImage(db, storage, newsroom.writer, { bytes: svg })).toEqual({ ok: false, message: notAnImageMessage })
    expect(await uploadImage(db, storage, newsroom.writer, { bytes: pngHeaderClaiming(20_000, 20_000) })).toEqual({
      ok: false,
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
    expect(result).toEqual({ ok: false, message: 'Alt text must be 500 characters or fewer.' })
  })

  it('removes the files it wrote when the row cannot be inserted', async () => {
    const before = { files: await storedKeys(), rows: await mediaCount() }
    // An account deleted between sign-in and upload: the row's foreign key fails.
    const ghost: Actor = { id: 987_654, role: 'writer' }
    await expect(uploadImage(db, storage, ghost, { bytes: await jpegImage(640, 480, 5) })).rejects.toThrow()
    expect({ files: await storedKeys(), rows: await mediaCount() }).toEqual(before)
  })
})

describe('editing an image’s details', () => {
  it('lets a writer edit their own image, trimming and cleaning the text', async () => {
    const row = await upload(newsroom.writer)
    const result = await updateMediaDetails(db, newsroom.writer, row.id, {
      alt: 'Harbour\nat dawn',
      caption: 'Boats leave.',
      credit: ' ANA LIMA ',
      focalX: 0.2,
      focalY: 0.9,
    })
    expect(result).toMatchObject({
      ok: true,
      media: { alt: 'Harbour at dawn', caption: 'Boats leave.', credit: 'ANA LIMA', focalX: 0.2, focalY: 0.9 },
    })
  })

  it('changes only the fields given', async () => {
    const row = await upload(newsroom.writer, { alt: 'Kept', caption: 'Old caption' })
    const result = await updateMediaDetails(db, newsroom.writer, row.id, { caption: 'New caption' })
    expect(result).toMatchObject({ ok: true, media: { alt: 'Kept', caption: 'New caption' } })
  })

  it('forbids a writer to edit another writer’s image, and lets editors and admins', async () => {
    const row = await upload(newsroom.writer)
    await expect(updateMediaDetails(db, newsroom.writer2, row.id, { alt: 'Changed' })).rejects.toThrow(ForbiddenError)
    expect(await updateMediaDetails(db, newsroom.editor, row.id, { alt: 'By the editor' })).toMatchObject({ ok: true })
    expect(await updateMediaDetails(db, newsroom.admin, row.id, { credit: 'By the admin' })).toMatchObject({ ok: true })
  })

  it('refuses text that is too long and a focal point outside the picture', async () => {
    const row = await mediaRow({ uploadedBy: newsroom.writer.id })
    expect(await updateMediaDetails(db, newsroom.writer, row.id, { caption: 'x'.repeat(2001) })).toEqual({
      ok: false,
      message: 'The caption must be 2000 characters or fewer.',
    })
    expect(await updateMediaDetails(db, newsroom.writer, row.id, { credit: 'x'.repeat(201) })).toMatchObject({ ok: false })
    expect(await updateMediaDetails(db, newsroom.writer, row.id, { focalX: 1.5 })).toEqual({
      ok: false,
      message: 'The focal point must be between 0 and 1.',
    })
    expect(await updateMediaDetails(db, newsroom.writer, row.id, { focalY: -0.1 })).toMatchObject({ ok: false })
  })

  it('says so when the image is gone', async () => {
    expect(await updateMediaDetails(db, newsroom.editor, 999_999, { alt: 'x' })).toEqual({
      ok: false,
      message: 'This image no longer exists.',
    })
  })
})

describe('searching the library', () => {
  it('finds images by any word of their alt text, caption or credit, ignoring case', async () => {
    // Made-up words, so that other tests' images cannot match.
    const harbour = await mediaRow({ alt: 'Fishing boats in Zephyrport', caption: 'Dawn on the quay.', credit: 'ANA KESTREL' })
    const train = await mediaRow({ alt: 'A night train', caption: 'Leaving zephyrport station.', credit: 'VOLANTE PRESS' })
    const ids = async (query: string) => (await listMedia(db, newsroom.writer, { query })).items.map((item) => item.id)
    expect(await ids('zephyrport')).toEqual([train.id, harbour.id])
    expect(await ids('ZEPHYRPORT kestrel')).toEqual([harbour.id])
    expect(await ids('volante press')).toEqual([train.id])
    expect(await ids('submarine')).toEqual([])
  })

  it('matches %, _ and \\ literally', async () => {
    const percent = await mediaRow({ caption: 'Turnout was 100% in Qaryat.' })
    await mediaRow({ caption: 'Turnout was 1000 in Qaryat.' })
    const underscore = await mediaRow({ alt: 'file_name shown on screen' })
    await mediaRow({ alt: 'fileXname shown on screen' })
    const ids = async (query: string) => (await listMedia(db, newsroom.writer, { query })).items.map((item) => item.id)
    expect(await ids('100%')).toEqual([percent.id])
    expect(await ids('file_name')).toEqual([underscore.id])
    expect(await ids('%')).toEqual([percent.id])
    expect(await ids('\\')).toEqual([])
    expect(likePattern('a%b_c\\')).toBe('%a\\%b\\_c\\\\%')
  })

  it('pages 24 at a time, newest first, and says what the viewer may do with each', async () => {
    const marker = `pagetest${seed++}`
    const rows: MediaRow[] = []
    for (let index = 0; index < 30; index++)
      rows.push(await mediaRow({ alt: `${marker} ${index}`, uploadedBy: index % 2 ? newsroom.writer.id : newsroom.writer2.id }))
    const first = await listMedia(db, newsroom.writer, { query: marker })
    const second = await listMedia(db, newsroom.writer, { query: marker, page: 2 })
    expect({ total: first.total, pageCount: first.pageCount, firstPage: first.items.length, secondPage: second.items.length }).toEqual({
      total: 30,
      pageCount: 2,
      firstPage: 24,
      secondPage: 6,
    })
    expect(first.items[0]?.id).toBe(rows[29]?.id)
    expect(second.items.at(-1)?.id).toBe(rows[0]?.id)
    const own = first.items.find((item) => item.uploadedBy === newsroom.writer.id)
    const others = first.items.find((item) => item.uploadedBy === newsroom.writer2.id)
    expect(own).toMatchObject({ canEdit: true, canDelete: true, uploaderName: 'Writer Person' })
    expect(others).toMatchObject({ canEdit: false, canDelete: false })
    expect((await listMedia(db, newsroom.editor, { query: marker })).items.every((item) => item.canEdit && item.canDelete)).toBe(true)
    expect(first.items[0]).not.toHaveProperty('contentHash')
  })

  it('treats a page out of range or malformed as the first page', async () => {
    const list = await listMedia(db, newsroom.writer, { page: -3 })
    expect(list.page).toBe(1)
  })
})

describe('where an image is used', () => {
  it('finds stories that use it as lead image or as a figure in any revision, current or past', async () => {
    const image = await mediaRow()
    const lead = await story('Lead story', [{ leadMediaId: image.id }, { leadMediaId: null }])
    const nested: RichTextDoc = { type: 'doc', content: [{ type: 'blockquote', content: figure(image.id) }] }
    const inBody = await story('Figure story', [{ body: nested }])
    const asText = await story('Old figure story', [{ body: { type: 'doc', content: figure(String(image.id)) } }])
    await story('Unrelated story', [{ body: { type: 'doc', content: figure(image.id + 1000) } }, { leadMediaId: newsroom.mediaId }])

    expect(await mediaUsage(db, image.id)).toEqual([
      { articleId: lead, headline: 'Lead story (version 2)', status: 'draft', asLead: true, asFigure: false },
      { articleId: inBody, headline: 'Figure story (version 1)', status: 'draft', asLead: false, asFigure: true },
      { articleId: asText, headline: 'Old figure story (version 1)', status: 'draft', asLead: false, asFigure: true },
    ])
  })

  it('finds nothing for an unused image', async () => {
    expect(await mediaUsage(db, (await mediaRow()).id)).toEqual([])
  })
})

describe('deleting an image', () => {
  it('deletes an unused image’s row and every one of its files', async () => {
    const row = await upload(newsroom.writer)
    const result = await deleteMedia(db, storage, newsroom.writer, row.id)
    expect(result).toMatchObject({ ok: true })
    expect(await db.select().from(media).where(eq(media.id, row.id))).toEqual([])
    const remaining = new Set(await storedKeys())
    expect(keysOf(row).filter((key) => remaining.has(key))).toEqual([])
  })

  it('refuses to delete an image a story uses, keeping its row and files', async () => {
    const row = await upload(newsroom.writer)
    await story('Uses it', [{ body: { type: 'doc', content: figure(row.id) } }])
    expect(await deleteMedia(db, storage, newsroom.editor, row.id)).toEqual({
      ok: false,
      message: 'This image is used in a story (now or in an earlier version), so it cannot be deleted.',
    })
    expect(await db.select({ id: media.id }).from(media).where(eq(media.id, row.id))).toEqual([{ id: row.id }])
    expect(await storage.get(row.storageKey)).not.toBeNull()
  })

  it('forbids a writer to delete another writer’s image and lets an editor', async () => {
    const row = await upload(newsroom.writer)
    await expect(deleteMedia(db, storage, newsroom.writer2, row.id)).rejects.toThrow(ForbiddenError)
    expect(await storage.get(row.storageKey)).not.toBeNull()
    expect(await deleteMedia(db, storage, newsroom.editor, row.id)).toMatchObject({ ok: true })
  })

  it('says so when the image is already gone', async () => {
    expect(await deleteMedia(db, storage, newsroom.admin, 999_999)).toEqual({ ok: false, message: 'This image no longer exists.' })
  })
})
