import 'server-only'
import type { Db } from '@/db'
import { media } from '@/db/schema'
import { authorize } from '../authorize'
import type { Actor } from '../permissions'
import { type Result, refusal } from '../refusal'
import { type DecodeQueue, decodeQueue } from './decode-queue'
import { type MediaRow, firstIssue, getMediaByHash, keysOf, mediaDetailsSchema } from './library'
import { uploadSizeProblem } from './limits'
import { type PlannedFile, planMediaFiles, writeMediaFiles } from './plan'
import { type ImageFile, contentHashOf, processImage } from './process'
import type { MediaStorage } from './storage'

const uploadDetailsSchema = mediaDetailsSchema.pick({ alt: true, caption: true, credit: true })

export type UploadInput = {
  /**
   * The file as uploaded, in memory or already on disk (the upload route streams it there). Its
   * name and declared type are deliberately not taken: only the bytes decide.
   */
  bytes: Buffer | ImageFile
  alt?: string
  caption?: string
  credit?: string
}

/**
 * Adds an image to the library: checks and processes it, writes its files, then inserts its row.
 * The same file uploaded again returns the existing image (`duplicate: true`, its details
 * unchanged). When the row cannot be written, the files just written are removed again.
 * `notice` is something the uploader should be told (an animation was flattened).
 */
export async function uploadImage(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  input: UploadInput,
  queue: DecodeQueue = decodeQueue(),
): Promise<Result<{ media: MediaRow; duplicate: boolean; notice?: string }>> {
  const allowed = await authorize(db, actor, 'media.upload')
  if (!allowed.ok) return allowed
  const details = uploadDetailsSchema.safeParse({ alt: input.alt, caption: input.caption, credit: input.credit })
  if (!details.success) return refusal('invalid', firstIssue(details.error))
  const file = Buffer.isBuffer(input.bytes) ? { byteSize: input.bytes.length, contentHash: contentHashOf(input.bytes) } : input.bytes
  const sizeProblem = uploadSizeProblem(file.byteSize)
  if (sizeProblem) return refusal('invalid', sizeProblem)

  // Checked before the (seconds-long) processing; checked again by the insert for uploads racing each other.
  const existing = await getMediaByHash(db, file.contentHash)
  if (existing) return { ok: true, media: existing, duplicate: true }

  const processed = await processImage(input.bytes, queue)
  if (!processed.ok) return processed
  const { files, row } = planMediaFiles(processed)

  try {
    await writeMediaFiles(storage, files)
  } catch (error) {
    await removeFilesNotUsed(db, storage, processed.contentHash, files)
    throw error
  }

  let inserted: Result<{ rows: MediaRow[] }>
  try {
    // Asked again as the row is written: the account may have been disabled while the image was processed.
    inserted = await db.transaction(async (tx): Promise<Result<{ rows: MediaRow[] }>> => {
      const stillAllowed = await authorize(tx, actor, 'media.upload')
      if (!stillAllowed.ok) return stillAllowed
      const rows = await tx
        .insert(media)
        .values({ ...row, ...details.data, uploadedBy: actor.id })
        .onConflictDoNothing({ target: media.contentHash })
        .returning()
      return { ok: true, rows }
    })
  } catch (error) {
    await removeFilesNotUsed(db, storage, processed.contentHash, files)
    throw error
  }
  if (!inserted.ok) {
    await removeFilesNotUsed(db, storage, processed.contentHash, files)
    return inserted
  }
  const [created] = inserted.rows
  if (created) {
    const notice = processed.animated ? 'This animated image is kept as a still of its first frame.' : undefined
    return { ok: true, media: created, duplicate: false, notice }
  }

  // Someone uploaded the same file while this one was processed: theirs is the library's copy.
  const winner = await removeFilesNotUsed(db, storage, processed.contentHash, files)
  if (!winner) throw new Error('An image with this content hash was reported and then not found.')
  return { ok: true, media: winner, duplicate: true }
}

/** Deletes the files of a failed upload, except those a stored row with the same content uses; returns that row. */
async function removeFilesNotUsed(db: Db, storage: MediaStorage, contentHash: string, files: PlannedFile[]) {
  const owner = await getMediaByHash(db, contentHash)
  const keep = new Set(owner ? keysOf(owner) : [])
  const removals = await Promise.allSettled(files.filter((file) => !keep.has(file.key)).map((file) => storage.delete(file.key)))
  for (const removal of removals) {
    if (removal.status === 'rejected') console.error(`Could not remove a media file after a failed upload: ${String(removal.reason)}`)
  }
  return owner
}
