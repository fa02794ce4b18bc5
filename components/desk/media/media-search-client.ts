import type { MediaPickerOption } from '@/lib/media/types'
import { requestJson } from '../json-client'

/** Where the pickers search the library: see `app/desk/media/options/route.ts`. */
const searchUrl = '/desk/media/options'

export type MediaSearchResponse = { ok: true; options: MediaPickerOption[] } | { ok: false; message: string }

/** Never rejects, except when `signal` aborts it: a failure becomes `{ ok: false, message }`. */
async function ask(params: Record<string, string>, signal?: AbortSignal): Promise<MediaSearchResponse> {
  const answer = await requestJson<MediaSearchResponse>(`${searchUrl}?${new URLSearchParams(params)}`, {
    signal,
    messages: {
      network: 'The library could not be searched: check your connection and try again.',
      signedOut: 'You are signed out. Sign in again in another tab.',
      unreadable: (status) => `The library could not be searched (the server answered ${status}).`,
    },
  })
  return answer.ok ? answer.data : { ok: false, message: answer.message }
}

/** Images whose alt text, caption or credit contain every word of `query`, newest first. */
export function searchMedia(query: string, signal?: AbortSignal): Promise<MediaSearchResponse> {
  return ask({ q: query }, signal)
}

/** One image, with whether the viewer may change its details. */
export function getMediaOption(mediaId: number, signal?: AbortSignal): Promise<MediaSearchResponse> {
  return ask({ id: String(mediaId) }, signal)
}
