import type { MediaOption } from '@/lib/media/types'
import { tooLargeFileMessage, uploadSizeProblem } from '@/lib/media/limits'

/** The files a file picker offers for an image upload: the formats the library accepts. */
export const imageFileTypes = 'image/jpeg,image/png,image/webp,image/avif,image/gif'

/** Where the desk posts images: see `app/desk/media/upload/route.ts` for the request and its answers. */
export const mediaUploadUrl = '/desk/media/upload'

/**
 * An image as the upload route describes it (by `id`): enough to show it or put it in a figure.
 * `src` is the 1280-pixel WebP rendition, or the widest one for a narrower image.
 */
export type UploadedMedia = Omit<MediaOption, 'mediaId' | 'thumbSrc'> & { id: number }

/**
 * The upload route's answer. `duplicate`: the same file was already in the library, and that
 * image (with its details unchanged) is the answer. `notice`: something to tell the uploader.
 */
export type MediaUploadResponse = { ok: true; media: UploadedMedia; duplicate: boolean; notice?: string } | { ok: false; message: string }

export type UploadOptions = {
  /** Details stored with a new image (ignored for a duplicate). */
  alt?: string
  caption?: string
  credit?: string
  /** Called with the share of the file sent so far, 0 to 1. */
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

/**
 * Sends one file to the media library and resolves with the route's answer; never rejects:
 * a network failure, a sign-out or an unexpected answer become `{ ok: false, message }`.
 * XMLHttpRequest rather than fetch, for upload progress.
 */
export function uploadMediaFile(file: Blob, options: UploadOptions = {}): Promise<MediaUploadResponse> {
  // The server's own check, run here first so that an empty or oversized file is not sent for nothing.
  const sizeProblem = uploadSizeProblem(file.size)
  if (sizeProblem) return Promise.resolve({ ok: false, message: sizeProblem })
  const form = new FormData()
  form.append('file', file)
  for (const field of ['alt', 'caption', 'credit'] as const) {
    const value = options[field]
    if (value) form.append(field, value)
  }

  return new Promise((resolve) => {
    const request = new XMLHttpRequest()
    request.open('POST', mediaUploadUrl)
    request.responseType = 'text'
    request.setRequestHeader('accept', 'application/json')
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total)
    }
    request.onload = () => resolve(answerOf(request))
    request.onerror = () => resolve({ ok: false, message: 'The upload failed: check your connection and try again.' })
    request.onabort = () => resolve({ ok: false, message: 'The upload was cancelled.' })
    request.ontimeout = request.onerror
    options.signal?.addEventListener('abort', () => request.abort(), { once: true })
    request.send(form)
  })
}

function answerOf(request: XMLHttpRequest): MediaUploadResponse {
  // An anonymous request is sent to the sign-in page, which the browser follows.
  if (request.status === 401 || new URL(request.responseURL || mediaUploadUrl, window.location.href).pathname === '/login') {
    return { ok: false, message: 'You are signed out. Sign in again, then upload.' }
  }
  try {
    const body = JSON.parse(request.responseText) as MediaUploadResponse
    if (typeof body === 'object' && body !== null && typeof body.ok === 'boolean') return body
  } catch {
    // Not JSON: an error page from somewhere between here and the route.
  }
  if (request.status === 413) return { ok: false, message: tooLargeFileMessage }
  return { ok: false, message: `The upload failed (the server answered ${request.status}). Try again.` }
}
