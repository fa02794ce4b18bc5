import { z } from 'zod'
import { getDb } from '@/db'
import type { MediaUploadResponse } from '@/components/desk/media/upload-client'
import { json, refusalResponse } from '@/lib/http'
import { uploadImage } from '@/lib/media/upload'
import { maxUploadBytes, tooLargeFileMessage } from '@/lib/media/limits'
import { getMediaStorage } from '@/lib/media/storage'
import { refusal } from '@/lib/refusal'
import { refuseForeignRequest } from '@/lib/same-origin'
import { authorizeRequest } from '@/lib/session'
import { displaySrc } from '@/lib/media/urls'

/** The file may be 25 MB; the multipart envelope and the text fields get one more. */
const maxRequestBytes = maxUploadBytes + 1024 * 1024

const detailsSchema = z.object({
  alt: z.string().optional(),
  caption: z.string().optional(),
  credit: z.string().optional(),
})

function refuse(status: 413 | 500, message: string): Response {
  return json<MediaUploadResponse>({ ok: false, message }, status)
}

const invalidUpload = (message: string) => refusalResponse(refusal('invalid', message))

/**
 * Adds one image to the media library. Used by the library page and by the story editor (Figure
 * panel, paste, drop), through `uploadMediaFile` in components/desk/media/upload-client.ts.
 *
 * Request: `multipart/form-data` with `file` (the image) and optional `alt`, `caption`, `credit`.
 * The file's name and declared type are ignored: its bytes decide what it is.
 *
 * Answers (JSON, `MediaUploadResponse`):
 * - 201 `{ ok: true, media: { id, src, width, height, alt, caption, credit }, duplicate: false, notice? }`
 *   a new image; `src` is a display address (1280-pixel WebP, or the widest rendition); `notice`
 *   tells the uploader something, e.g. that an animation was kept as a still;
 * - 200 the same with `duplicate: true`: this file was already in the library, and that image
 *   (details unchanged) is the answer;
 * - 403/415 `{ ok: false, reason, message }` sent from another origin, or not as multipart/form-data
 *   (lib/same-origin.ts, before anything is read);
 * - 401 `{ ok: false, reason, message }` signed out (a browser without a session is usually
 *   redirected to /login by the proxy before it gets here); 403 not allowed to upload (both
 *   from `authorizeRequest`); 413 `{ ok: false, message }` over 25 MB;
 * - 422 `{ ok: false, reason, message }` anything wrong with the file or the details, in words for
 *   the uploader (not an accepted image, damaged, too many pixels, alt text too long…);
 * - 500 `{ ok: false, message }` the image could not be stored (logged).
 */
export async function POST(request: Request): Promise<Response> {
  const foreign = refuseForeignRequest(request, 'POST /desk/media/upload')
  if (foreign) return foreign
  const signedIn = await authorizeRequest('media.upload')
  if (!signedIn.ok) return refusalResponse(signedIn)
  const declaredLength = Number(request.headers.get('content-length'))
  if (declaredLength > maxRequestBytes) return refuse(413, tooLargeFileMessage)

  const body = await readAtMost(request, maxRequestBytes)
  if (!body) return refuse(413, tooLargeFileMessage)
  if (declaredLength > body.byteLength) {
    console.warn(
      `An upload arrived cut short: ${body.byteLength} of ${declaredLength} bytes. ` +
        'The proxy buffers request bodies up to experimental.proxyClientMaxBodySize (10 MB unless set in next.config.ts).',
    )
    return refuse(413, 'This file is too large for the server to take at the moment. Try a smaller file, or ask an administrator.')
  }
  let form: FormData
  try {
    form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData()
  } catch {
    return invalidUpload('The upload did not arrive whole. Try again.')
  }
  const file = form.get('file')
  if (!(file instanceof Blob)) return invalidUpload('Choose an image file to upload.')
  const details = detailsSchema.safeParse({
    alt: form.get('alt') ?? undefined,
    caption: form.get('caption') ?? undefined,
    credit: form.get('credit') ?? undefined,
  })
  if (!details.success) return invalidUpload('The alt text, caption and credit must be text.')

  const bytes = Buffer.from(await file.arrayBuffer())
  let result: Awaited<ReturnType<typeof uploadImage>>
  try {
    result = await uploadImage(getDb(), getMediaStorage(), signedIn.user, { bytes, ...details.data })
  } catch (error) {
    console.error('An image upload failed:', error)
    return refuse(500, 'The image could not be stored. Try again in a moment.')
  }
  if (!result.ok) return refusalResponse(result)

  const { media, duplicate, notice } = result
  return json<MediaUploadResponse>(
    {
      ok: true,
      media: {
        id: media.id,
        src: displaySrc(media),
        width: media.width,
        height: media.height,
        alt: media.alt,
        caption: media.caption,
        credit: media.credit,
      },
      duplicate,
      ...(notice ? { notice } : {}),
    },
    duplicate ? 200 : 201,
  )
}

/** The request body, or null once it passes `limit` bytes (a body sent without a length is counted as it comes). */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
