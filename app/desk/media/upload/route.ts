import { getDb } from '@/db'
import type { MediaUploadResponse } from '@/components/desk/media/upload-client'
import { json, refusalResponse } from '@/lib/http'
import { type AcceptResult, acceptUpload } from '@/lib/media/accept-upload'
import { maxUploadBytes, tooLargeFileMessage } from '@/lib/media/limits'
import { getMediaStorage } from '@/lib/media/storage'
import { refusal } from '@/lib/refusal'
import { refuseForeignRequest } from '@/lib/same-origin'
import { authorizeRequest } from '@/lib/session'
import { displaySrc } from '@/lib/media/urls'

/** The file may be 25 MB; the multipart envelope and the text fields get one more. */
const maxRequestBytes = maxUploadBytes + 1024 * 1024

function refuse(status: 413 | 429 | 500 | 503, message: string, retryAfterSeconds?: number): Response {
  const response = json<MediaUploadResponse>({ ok: false, message }, status)
  if (retryAfterSeconds !== undefined) response.headers.set('retry-after', String(retryAfterSeconds))
  return response
}

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
 *   from `authorizeRequest`); 413 `{ ok: false, message }` over 25 MB (refused as the body streams
 *   in, or at once from its Content-Length);
 * - 429 `{ ok: false, message }` with `Retry-After` (seconds): this person's uploads a minute or
 *   bytes a day (lib/media/upload-quota.ts) are used up;
 * - 503 `{ ok: false, message }` with `Retry-After`: the server has as many uploads under way as
 *   it takes (lib/media/decode-queue.ts);
 * - 422 `{ ok: false, reason, message }` anything wrong with the file or the details, in words for
 *   the uploader (not an accepted image, damaged, too many pixels, alt text too long…);
 * - 500 `{ ok: false, message }` the image could not be stored (logged).
 */
export async function POST(request: Request): Promise<Response> {
  const foreign = refuseForeignRequest(request, 'POST /desk/media/upload')
  if (foreign) return foreign
  const signedIn = await authorizeRequest('media.upload')
  if (!signedIn.ok) return refusalResponse(signedIn)
  if (Number(request.headers.get('content-length')) > maxRequestBytes) return refuse(413, tooLargeFileMessage)
  let result: AcceptResult
  try {
    result = await acceptUpload(getDb(), getMediaStorage(), signedIn.user, request.body, request.headers.get('content-type') ?? '')
  } catch (error) {
    console.error('An image upload failed:', error)
    return refuse(500, 'The image could not be stored. Try again in a moment.')
  }
  if (!result.ok) {
    if (!('status' in result)) return refusalResponse(result)
    if (result.status === 422) return refusalResponse(refusal('invalid', result.message))
    return refuse(result.status, result.message, result.retryAfterSeconds)
  }
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
