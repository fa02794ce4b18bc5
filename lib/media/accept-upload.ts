import 'server-only'
import type { Db } from '@/db'
import { type UploadLimits, uploadLimits } from '../env'
import type { Actor } from '../permissions'
import { type DecodeQueue, decodeQueue } from './decode-queue'
import { type ReceiveOptions, receiveUpload } from './receive'
import type { MediaStorage } from './storage'
import { uploadImage } from './upload'
import { checkUploadQuota, claimUpload } from './upload-quota'

/** Refusals with their own HTTP status (and `Retry-After` for 429 and 503), beside `uploadImage`'s. */
export type UploadHold = { ok: false; status: 413 | 422 | 429 | 503; message: string; retryAfterSeconds?: number }
export type AcceptResult = Awaited<ReturnType<typeof uploadImage>> | UploadHold

export const busyMessage = 'The server is busy with other uploads. Your image was not stored; try again in a moment.'

export type AcceptOptions = ReceiveOptions & { queue?: DecodeQueue; limits?: UploadLimits }

/**
 * An upload from the request body to the library, in the order that keeps the server whole: a
 * place in the decode queue (or 503 before reading anything), this person's limits (or 429
 * before reading anything), the body streamed to a temporary file (413 as soon as it is too
 * large), the upload counted against the limits, then checked, decoded and stored by
 * `uploadImage`. The temporary file is deleted whatever happens, and the place given back.
 */
export async function acceptUpload(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  { queue = decodeQueue(), limits = uploadLimits(), ...receiving }: AcceptOptions = {},
): Promise<AcceptResult> {
  const admission = queue.admit()
  if (!admission) return { ok: false, status: 503, message: busyMessage, retryAfterSeconds: queue.retryAfterSeconds() }
  try {
    const early = await checkUploadQuota(db, actor.id, limits)
    if (!early.ok) return { ...early, status: 429 }
    const received = await receiveUpload(body, contentType, receiving)
    if (!received.ok) return received
    const { file, details, discard } = received.upload
    try {
      const claimed = await claimUpload(db, actor.id, file.byteSize, limits)
      if (!claimed.ok) return { ...claimed, status: 429 }
      return await uploadImage(db, storage, actor, { bytes: file, ...details }, queue)
    } finally {
      await discard()
    }
  } finally {
    admission.release()
  }
}
