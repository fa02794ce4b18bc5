import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type RichTextDoc, auditEvents, media } from '@/db/schema'
import type { MediaRow } from './library'
import { deleteMedia, keysOf, likePattern, listMedia, mediaUsage, updateMediaDetails } from './library'
import { figure, openTestLibrary } from '@/test/media-library'

const { db, newsroom, storage, storedKeys, upload, mediaRow, story, unique } = await openTestLibrary()

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
    expect(await updateMediaDetails(db, newsroom.writer2, row.id, { alt: 'Changed' })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await updateMediaDetails(db, newsroom.editor, row.id, { alt: 'By the editor' })).toMatchObject({ ok: true })
    expect(await updateMediaDetails(db, newsroom.admin, row.id, { credit: 'By the admin' })).toMatchObject({ ok: true })
  })

  it('refuses text that is too long and a focal point outside the picture', async () => {
    const row = await mediaRow({ uploadedBy: newsroom.writer.id })
    expect(await updateMediaDetails(db, newsroom.writer, row.id, { caption: 'x'.repeat(2001) })).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'The caption must be 2000 characters or fewer.',
    })
    expect(await updateMediaDetails(db, newsroom.writer, row.id, { credit: 'x'.repeat(201) })).toMatchObject({ ok: false })
    expect(await updateMediaDetails(db, newsroom.writer, row.id, { focalX: 1.5 })).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'The focal point must be between 0 and 1.',
    })
    expect(await updateMediaDetails(db, newsroom.writer, row.id, { focalY: -0.1 })).toMatchObject({ ok: false })
  })

  it('says so when the image is gone', async () => {
    expect(await updateMediaDetails(db, newsroom.editor, 999_999, { alt: 'x' })).toEqual({
      ok: false,
      reason: 'missing',
      message: 'This image no longer exists.',
    })
  })
})

describe('searching the library', () => {
  it('finds images by any word of their alt text, caption or credit, ignoring case', async () => {
    // Made-up words, so that other tests' images cannot match.
    const harbour = await mediaRow({ alt: 'Fishing boats in Zephyrport', caption: 'Dawn on the quay.', credit: 'ANA KESTREL' })
    const train = await mediaRow({ alt: 'A night train', caption: 'Leaving zephyrport station.', credit: 'VOLANTE PRESS' })
    const ids = async (query: string) => (await listMedia(db, newsroom.editor, { query })).items.map((item) => item.id)
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
    const ids = async (query: string) => (await listMedia(db, newsroom.editor, { query })).items.map((item) => item.id)
    expect(await ids('100%')).toEqual([percent.id])
    expect(await ids('file_name')).toEqual([underscore.id])
    expect(await ids('%')).toEqual([percent.id])
    expect(await ids('\\')).toEqual([])
    expect(likePattern('a%b_c\\')).toBe('%a\\%b\\_c\\\\%')
  })

  it('pages 24 at a time, newest first, and says what the viewer may do with each', async () => {
    const marker = `pagetest${unique()}`
    const rows: MediaRow[] = []
    for (let index = 0; index < 30; index++)
      rows.push(await mediaRow({ alt: `${marker} ${index}`, uploadedBy: index % 2 ? newsroom.writer.id : newsroom.writer2.id }))
    const first = await listMedia(db, newsroom.editor, { query: marker })
    const second = await listMedia(db, newsroom.editor, { query: marker, page: 2 })
    expect({ total: first.total, pageCount: first.pageCount, firstPage: first.items.length, secondPage: second.items.length }).toEqual({
      total: 30,
      pageCount: 2,
      firstPage: 24,
      secondPage: 6,
    })
    expect(first.items[0]?.id).toBe(rows[29]?.id)
    expect(second.items.at(-1)?.id).toBe(rows[0]?.id)
    // A writer sees their own uploads, not another writer's that no story of theirs or published one uses.
    const asWriter = await listMedia(db, newsroom.writer, { query: marker })
    expect(asWriter.total).toBe(15)
    expect(asWriter.items.every((item) => item.uploadedBy === newsroom.writer.id)).toBe(true)
    expect(asWriter.items[0]).toMatchObject({ canEdit: true, canDelete: true, uploaderName: 'Writer Person' })
    expect(first.items.every((item) => item.canEdit && item.canDelete)).toBe(true)
    expect(first.items[0]).not.toHaveProperty('contentHash')
  })

  it('treats a page out of range or malformed as the first page', async () => {
    const list = await listMedia(db, newsroom.writer, { page: -3 })
    expect(list.page).toBe(1)
  })
})

describe('where an image is used', () => {
  it('finds stories that use it as lead image, social image or figure in any revision, current or past', async () => {
    const image = await mediaRow()
    const lead = await story('Lead story', [{ leadMediaId: image.id }, { leadMediaId: null }])
    const nested: RichTextDoc = { type: 'doc', content: [{ type: 'blockquote', content: figure(image.id) }] }
    const inBody = await story('Figure story', [{ body: nested }])
    const asText = await story('Old figure story', [{ body: { type: 'doc', content: figure(String(image.id)) } }])
    const social = await story('Social story', [{ socialMediaId: image.id }])
    await story('Unrelated story', [{ body: { type: 'doc', content: figure(image.id + 1000) } }, { leadMediaId: newsroom.mediaId }])

    expect(await mediaUsage(db, image.id)).toEqual([
      { articleId: lead, headline: 'Lead story (version 2)', status: 'draft', asLead: true, asSocial: false, asFigure: false },
      { articleId: inBody, headline: 'Figure story (version 1)', status: 'draft', asLead: false, asSocial: false, asFigure: true },
      { articleId: asText, headline: 'Old figure story (version 1)', status: 'draft', asLead: false, asSocial: false, asFigure: true },
      { articleId: social, headline: 'Social story (version 1)', status: 'draft', asLead: false, asSocial: true, asFigure: false },
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
      reason: 'conflict',
      message: 'This image is used in a story (now or in an earlier version), so it cannot be deleted.',
    })
    expect(await db.select({ id: media.id }).from(media).where(eq(media.id, row.id))).toEqual([{ id: row.id }])
    expect(await storage.get(row.storageKey)).not.toBeNull()
  })

  it('forbids a writer to delete another writer’s image and lets an editor', async () => {
    const row = await upload(newsroom.writer)
    expect(await deleteMedia(db, storage, newsroom.writer2, row.id)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await storage.get(row.storageKey)).not.toBeNull()
    expect(await deleteMedia(db, storage, newsroom.editor, row.id)).toMatchObject({ ok: true })
  })

  it('writes who deleted which image, and whose it was, to the audit log; a refusal writes nothing', async () => {
    const row = await upload(newsroom.writer)
    await deleteMedia(db, storage, newsroom.writer2, row.id)
    await deleteMedia(db, storage, newsroom.editor, row.id)
    const entries = await db.select().from(auditEvents).where(eq(auditEvents.action, 'media.delete'))
    expect(entries.filter((entry) => entry.detail.mediaId === row.id)).toMatchObject([
      { actorId: newsroom.editor.id, subjectUserId: newsroom.writer.id },
    ])
  })

  it('says so when the image is already gone', async () => {
    expect(await deleteMedia(db, storage, newsroom.admin, 999_999)).toEqual({
      ok: false,
      reason: 'missing',
      message: 'This image no longer exists.',
    })
  })
})
