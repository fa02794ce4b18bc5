import 'server-only'
import busboy from 'busboy'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { maxUploadBytes, tooLargeFileMessage } from './limits'
import type { ImageFile } from './process'

/** The text fields an upload may carry beside its file. */
const detailFields = ['alt', 'caption', 'credit'] as const
export type UploadDetails = Partial<Record<(typeof detailFields)[number], string>>

/** An upload on disk. `discard()` deletes its file: call it whatever happened next. */
export type ReceivedUpload = { file: ImageFile; details: UploadDetails; discard: () => Promise<void> }

export type ReceiveRefusal = { ok: false; status: 413 | 422; message: string }
export type ReceiveResult = { ok: true; upload: ReceivedUpload } | ReceiveRefusal

export const incompleteUploadMessage = 'The upload did not arrive whole. Try again.'
export const noFileMessage = 'Choose an image file to upload.'

/** Enough for the format check (lib/media/sniff.ts reads at most the first 256 bytes). */
const headBytes = 512

export type ReceiveOptions = { directory?: string; maxFileBytes?: number }

/**
 * Reads a `multipart/form-data` body as it arrives: the part named `file` goes to a temporary
 * file (hashed on the way), `alt`, `caption` and `credit` are kept, anything else is skipped. A
 * file past `maxFileBytes` stops the reading there and answers 413; a body cut short, malformed
 * or with too many parts answers 422. Memory holds a few chunks at a time whatever the size, and
 * the temporary file is removed again on every refusal.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  { directory = os.tmpdir(), maxFileBytes = maxUploadBytes }: ReceiveOptions = {},
): Promise<ReceiveResult> {
  if (!body) return refused(422, noFileMessage)
  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // A caption is at most 2,000 characters (8 KB in UTF-8); anything larger is not the desk's form.
      limits: { files: 1, fileSize: maxFileBytes, fields: detailFields.length, fieldSize: 16 * 1024, parts: 8 },
    })
  } catch {
    return refused(422, incompleteUploadMessage)
  }

  const filePath = path.join(directory, `copydesk-upload-${randomBytes(12).toString('hex')}`)
  const details: UploadDetails = {}
  const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>)
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  let refusal: ReceiveRefusal | null = null
  let fileStream: Readable | null = null
  let written: Promise<Omit<ImageFile, 'path'>> | null = null
  const stop = (reason: ReceiveRefusal) => {
    refusal ??= reason
    source.destroy()
  }

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) stop(refused(422, 'The alt text, caption or credit is too long.'))
    else if ((detailFields as readonly string[]).includes(name)) details[name as keyof UploadDetails] = value
  })
  parser.on('file', (name, stream) => {
    if (name !== 'file' || written) {
      stream.resume()
      return
    }
    fileStream = stream
    stream.on('limit', () => stop(refused(413, tooLargeFileMessage)))
    written = writeFile(stream, filePath)
  })
  for (const event of ['partsLimit', 'fieldsLimit'] as const) parser.on(event, () => stop(refused(422, incompleteUploadMessage)))

  try {
    await pipeline(source, cleanPartHeaders(boundary?.[1] ?? boundary?.[2] ?? ''), parser)
    const file = await (written as Promise<Omit<ImageFile, 'path'>> | null)
    if (refusal) throw new Error('refused')
    if (!file) return refused(422, noFileMessage)
    return { ok: true, upload: { file: { ...file, path: filePath }, details, discard: () => rm(filePath, { force: true }) } }
  } catch {
    // Stopped, aborted by the client, or malformed: the file being written goes, whatever its state.
    ;(fileStream as Readable | null)?.destroy()
    await (written as Promise<unknown> | null)?.catch(() => undefined)
    await rm(filePath, { force: true })
    return refusal ?? refused(422, incompleteUploadMessage)
  }
}

/**
 * Replaces control characters in the parts' headers with spaces, leaving their contents alone.
 * Browsers and scripts send file names such as "a\u0007.jpg" as they are, which busboy refuses
 * as a malformed header; the name is never used, so the upload need not fail for it.
 */
function cleanPartHeaders(boundary: string): Transform {
  const delimiter = Buffer.from(`--${boundary}`)
  let inHeaders = false
  let lineEnds = 0
  let tail = Buffer.alloc(0)
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const out = Buffer.from(chunk)
      let at = 0
      while (at < out.length) {
        if (!inHeaders) {
          const seen = Buffer.concat([tail, out.subarray(at)])
          const found = boundary ? seen.indexOf(delimiter) : -1
          if (found === -1) {
            tail = seen.subarray(Math.max(0, seen.length - delimiter.length + 1))
            break
          }
          at += found + delimiter.length - tail.length
          tail = Buffer.alloc(0)
          inHeaders = true
          lineEnds = 0
          continue
        }
        const byte = out[at]!
        // Counts \r\n\r\n, the end of a part's headers.
        lineEnds = byte === (lineEnds % 2 === 0 ? 13 : 10) ? lineEnds + 1 : byte === 13 ? 1 : 0
        if ((byte < 32 && byte !== 9 && byte !== 10 && byte !== 13) || byte === 127) out[at] = 32
        at++
        if (lineEnds === 4) inHeaders = false
      }
      done(null, out)
    },
  })
}

async function writeFile(stream: Readable, filePath: string): Promise<Omit<ImageFile, 'path'>> {
  const hash = createHash('sha256')
  let byteSize = 0
  const head: Buffer[] = []
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      if (byteSize < headBytes) head.push(chunk.subarray(0, headBytes - byteSize))
      byteSize += chunk.length
      done(null, chunk)
    },
  })
  await pipeline(stream, count, createWriteStream(filePath, { flags: 'wx', mode: 0o600 }))
  return { byteSize, contentHash: hash.digest('hex'), head: Buffer.concat(head) }
}

function refused(status: 413 | 422, message: string): ReceiveRefusal {
  return { ok: false, status, message }
}
