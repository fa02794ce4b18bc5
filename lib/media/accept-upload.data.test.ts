import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openTestLibrary } from '@/test/media-library'
import { busyMessage, acceptUpload } from './accept-upload'
import { createDecodeQueue } from './decode-queue'
import { damagedImageMessage } from './process'
import { jpegImage } from './test-images'

const { db, newsroom, storage, mediaCount } = await openTestLibrary()
const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-accept-test-'))
afterAll(() => fs.rm(directory, { recursive: true, force: true }))
const leftFiles = () => fs.readdir(directory)
const roomy = { perMinute: 1000, bytesPerDay: 10_000 * 1024 * 1024 }

function formBody(file: Uint8Array, alt = 'A photo'): { body: ReadableStream<Uint8Array>; contentType: string } {
  const form = new FormData()
  form.append('alt', alt)
  form.append('file', new Blob([new Uint8Array(file)]))
  const request = new Request('http://localhost/desk/media/upload', { method: 'POST', body: form })
  return { body: request.body!, contentType: request.headers.get('content-type')! }
}

describe('accepting an upload', () => {
  it('stores the image and removes its temporary file', async () => {
    const { body, contentType } = formBody(await jpegImage(400, 300, 71), 'Stored from disk')
    const result = await acceptUpload(db, storage, newsroom.writer, body, contentType, { directory, limits: roomy })
    if (!result.ok) throw new Error(result.message)
    expect(result.media).toMatchObject({ width: 400, height: 300, alt: 'Stored from disk', uploadedBy: newsroom.writer.id })
    expect(await leftFiles()).toEqual([])
  })

  it('removes the temporary file of an image that turns out damaged', async () => {
    const photo = await jpegImage(400, 300, 72)
    const { body, contentType } = formBody(photo.subarray(0, photo.length - 2000))
    const before = await mediaCount()
    expect(await acceptUpload(db, storage, newsroom.writer, body, contentType, { directory, limits: roomy })).toMatchObject({
      ok: false,
      message: damagedImageMessage,
    })
    expect(await mediaCount()).toBe(before)
    expect(await leftFiles()).toEqual([])
  })

  it('removes the temporary file of an upload the client abandoned, and gives its place in the queue back', async () => {
    const queue = createDecodeQueue({ concurrency: 1, maxAdmitted: 1, maxWaitSeconds: 600 })
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n'))
        controller.enqueue(new Uint8Array(300_000))
      },
      pull(controller) {
        controller.error(new Error('The client went away.'))
      },
    })
    const result = await acceptUpload(db, storage, newsroom.writer, body, 'multipart/form-data; boundary=b', {
      directory,
      limits: roomy,
      queue,
    })
    expect(result).toMatchObject({ ok: false, status: 422 })
    expect(await leftFiles()).toEqual([])
    expect(queue.state().admitted).toBe(0)
  })

  it('answers 429 with Retry-After once the person’s limit is used up, before reading the next file', async () => {
    const limits = { perMinute: 1, bytesPerDay: roomy.bytesPerDay }
    const first = formBody(await jpegImage(300, 200, 73))
    expect(await acceptUpload(db, storage, newsroom.editor, first.body, first.contentType, { directory, limits })).toMatchObject({
      ok: true,
    })
    const second = formBody(await jpegImage(300, 200, 74))
    const refused = await acceptUpload(db, storage, newsroom.editor, second.body, second.contentType, { directory, limits })
    expect(refused).toMatchObject({ ok: false, status: 429 })
    if (refused.ok || !('retryAfterSeconds' in refused)) throw new Error('expected a 429')
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59)
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60)
    expect(refused.message).toMatch(/^You have uploaded 1 image in the last minute.*Try again in \d+ seconds\.$/)
    expect(second.body.locked).toBe(false)
  })

  it('answers 503 with Retry-After when the queue is full, without reading the body', async () => {
    const queue = createDecodeQueue({ concurrency: 1, maxAdmitted: 1, maxWaitSeconds: 600 })
    const held = queue.admit()
    const { body, contentType } = formBody(await jpegImage(300, 200, 75))
    const refused = await acceptUpload(db, storage, newsroom.writer, body, contentType, { directory, limits: roomy, queue })
    expect(refused).toEqual({ ok: false, status: 503, message: busyMessage, retryAfterSeconds: 1 })
    expect(body.locked).toBe(false)
    held?.release()
  })

  it('decodes uploads sent at once no more than the queue’s concurrency at a time', async () => {
    const queue = createDecodeQueue({ concurrency: 1, maxAdmitted: 10, maxWaitSeconds: 600 })
    let most = 0
    const watching = setInterval(() => (most = Math.max(most, queue.state().decoding)), 1)
    const bodies = await Promise.all([76, 77, 78, 79].map(async (seed) => formBody(await jpegImage(600, 400, seed))))
    const results = await Promise.all(
      bodies.map(({ body, contentType }) =>
        acceptUpload(db, storage, newsroom.writer2, body, contentType, { directory, limits: roomy, queue }),
      ),
    )
    clearInterval(watching)
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true])
    expect(most).toBe(1)
    expect(await leftFiles()).toEqual([])
  })
})
