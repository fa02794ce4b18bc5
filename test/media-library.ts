import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { afterAll } from 'vitest'
import { type RichTextDoc, articles, media, revisions } from '@/db/schema'
import type { Actor } from '@/lib/permissions'
import { docOf, openTestNewsroom } from '@/test/newsroom'
import type { MediaRow } from '@/lib/media/library'
import { LocalMediaStorage } from '@/lib/media/storage'
import { jpegImage } from '@/lib/media/test-images'
import { uploadImage } from '@/lib/media/upload'

/**
 * A test newsroom with a media library on a throwaway directory, and what the media tests build
 * in it: uploads, bare rows, stories that use images. The directory goes when the file's tests end.
 */
export async function openTestLibrary() {
  const { db, newsroom } = await openTestNewsroom()
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-media-test-'))
  const storage = new LocalMediaStorage(root)
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true })
  })
  let seed = 100
  const unique = () => seed++

  /** Every file in the storage directory, as keys. */
  async function storedKeys(): Promise<string[]> {
    const entries = await fs.readdir(root, { recursive: true, withFileTypes: true })
    return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
  }

  async function mediaCount(): Promise<number> {
    const [row] = await db.select({ total: count() }).from(media)
    return row?.total ?? 0
  }

  /** Uploads a fresh (never seen) JPEG as `actor`. */
  async function upload(actor: Actor, details: { alt?: string; caption?: string; credit?: string } = {}): Promise<MediaRow> {
    const result = await uploadImage(db, storage, actor, { bytes: await jpegImage(700, 400, unique()), ...details })
    if (!result.ok) throw new Error(result.message)
    return result.media
  }

  /** A library row without files, for tests about the rows alone. */
  async function mediaRow(values: Partial<typeof media.$inferInsert> = {}): Promise<MediaRow> {
    const id = unique()
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
  async function story(
    headline: string,
    versions: { body?: RichTextDoc; leadMediaId?: number | null; socialMediaId?: number | null }[],
  ): Promise<number> {
    const [article] = await db
      .insert(articles)
      .values({ sectionId: newsroom.sectionId, slug: `story-${unique()}`, createdBy: newsroom.writer.id })
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
          socialMediaId: version.socialMediaId ?? null,
        })
        .returning({ id: revisions.id })
      currentId = revision?.id ?? 0
    }
    await db.update(articles).set({ currentRevisionId: currentId }).where(eq(articles.id, article.id))
    return article.id
  }

  return { db, newsroom, storage, storedKeys, mediaCount, upload, mediaRow, story, unique }
}

/** A body holding one figure of this image. */
export const figure = (mediaId: number | string): RichTextDoc['content'] => [
  { type: 'figure', attrs: { kind: 'photo', mediaId, src: '/media/x.jpg', alt: '', caption: '', credit: '', width: 10, height: 10 } },
]
