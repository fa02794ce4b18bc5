import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tooLargeFileMessage } from './limits'
import { contentHashOf } from './process'
import { incompleteUploadMessage, noFileMessage, receiveUpload } from './receive'
import { jpegImage } from './test-images'

const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-receive-test-'))
afterAll(() => fs.rm(directory, { recursive: true, force: true }))
const leftFiles = () => fs.readdir(directory)

/** A multipart body as a browser sends it, with its Content-Type (boundary included). */
function formBody(fields: Record<string, string | Blob>): { body: ReadableStream<Uint8Array>; contentType: string } {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  const request = new Request('http://localhost/desk/media/upload', { method: 'POST', body: form })
  return { body: request.body!, contentType: request.headers.get('content-type')! }
}

const boundary = 'copydesk-test-boundary'
const contentType = `multipart/form-data; boundary=${boundary}`
const fileHeader = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`

/**
 * A multipart body made chunk by chunk as it is read: a file of `fileBytes` bytes, then the end.
 * `pulled()` is how much the reader asked for; `failAfter` breaks the stream there, like a client
 * that went away.
 */
function generatedBody(fileBytes: number, failAfter = Infinity) {
  const chunk = Buffer.alloc(64 * 1024, 7)
  let sent = 0
  let pulled = 0
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(fileHeader))
    },
    pull(controller) {
      if (sent >= failAfter) {
        controller.error(new Error('The client went away.'))
        return
      }
      if (sent >= fileBytes) {
        controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`))
        controller.close()
        return
      }
      const piece = chunk.subarray(0, Math.min(chunk.length, fileBytes - sent))
      sent += piece.length
      pulled += piece.length
      controller.enqueue(new Uint8Array(piece))
    },
  })
  return { body, pulled: () => pulled }
}

describe('receiving an upload', () => {
  it('streams the file to a temporary file with its size, hash and first bytes, keeps the details, and discard() removes it', async () => {
    const photo = await jpegImage(300, 200)
    const { body, contentType } = formBody({
      alt: 'A harbour',
      caption: 'At dawn',
      other: 'ignored',
      file: new Blob([new Uint8Array(photo)]),
    })
    const received = await receiveUpload(body, contentType, { directory })
    if (!received.ok) throw new Error(received.message)
    const { file, details, discard } = received.upload
    expect(details).toEqual({ alt: 'A harbour', caption: 'At dawn' })
    expect(file.byteSize).toBe(photo.length)
    expect(file.contentHash).toBe(contentHashOf(photo))
    expect(Buffer.from(file.head)).toEqual(photo.subarray(0, 512))
    expect(await fs.readFile(file.path)).toEqual(photo)
    expect(path.dirname(file.path)).toBe(directory)
    await discard()
    expect(await leftFiles()).toEqual([])
  })

  it('takes a file whose name has control characters in it, contents untouched', async () => {
    const photo = await jpegImage(120, 80)
    const form = new FormData()
    form.append('file', new File([new Uint8Array(photo)], '../../../etc/pass\u0007wd\u0001.jpg'))
    const request = new Request('http://localhost/', { method: 'POST', body: form })
    const received = await receiveUpload(request.body, request.headers.get('content-type')!, { directory })
    if (!received.ok) throw new Error(received.message)
    expect(await fs.readFile(received.upload.file.path)).toEqual(photo)
    await received.upload.discard()
  })

  it('refuses a file over the limit with 413 while it streams, reading little past the limit, and leaves no file', async () => {
    const limit = 1024 * 1024
    const generated = generatedBody(50 * 1024 * 1024)
    const received = await receiveUpload(generated.body, contentType, { directory, maxFileBytes: limit })
    expect(received).toEqual({ ok: false, status: 413, message: tooLargeFileMessage })
    // Stopped within a few chunks of the limit: the other 49 MB were never asked for.
    expect(generated.pulled()).toBeLessThan(limit + 1024 * 1024)
    expect(await leftFiles()).toEqual([])
  })

  it('removes the partial file when the client goes away mid-upload', async () => {
    const generated = generatedBody(10 * 1024 * 1024, 2 * 1024 * 1024)
    const received = await receiveUpload(generated.body, contentType, { directory })
    expect(received).toEqual({ ok: false, status: 422, message: incompleteUploadMessage })
    expect(await leftFiles()).toEqual([])
  })

  it('answers 422 for a form without a file, a body that is not multipart, or no body', async () => {
    const withoutFile = formBody({ alt: 'Only words' })
    expect(await receiveUpload(withoutFile.body, withoutFile.contentType, { directory })).toMatchObject({
      status: 422,
      message: noFileMessage,
    })
    const text = new Request('http://localhost/', { method: 'POST', body: 'file=x' })
    expect(await receiveUpload(text.body, 'text/plain', { directory })).toMatchObject({ status: 422, message: incompleteUploadMessage })
    expect(await receiveUpload(null, contentType, { directory })).toMatchObject({ status: 422, message: noFileMessage })
    const cut = new Request('http://localhost/', { method: 'POST', body: `${fileHeader}abc` })
    expect(await receiveUpload(cut.body, contentType, { directory })).toMatchObject({ status: 422, message: incompleteUploadMessage })
    expect(await leftFiles()).toEqual([])
  })

  it('refuses a caption longer than any the desk sends', async () => {
    const { body, contentType } = formBody({ caption: 'x'.repeat(20_000), file: new Blob([new Uint8Array(await jpegImage(50, 50))]) })
    expect(await receiveUpload(body, contentType, { directory })).toMatchObject({ status: 422 })
    expect(await leftFiles()).toEqual([])
  })
})
