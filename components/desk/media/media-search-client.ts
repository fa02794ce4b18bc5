import type { MediaPickerOption } from '@/lib/media/options'

export type { MediaPickerOption }

/** Where the pickers search the library: see `app/desk/media/options/route.ts`. */
const searchUrl = '/desk/media/options'

export type MediaSearchResponse = { ok: true; options: MediaPickerOption[] } | { ok: false; message: string }

/** Never rejects, except when `signal` aborts it: a failure becomes `{ ok: false, message }`. */
async function ask(params: Record<string, string>, signal?: AbortSignal): Promise<MediaSearchResponse> {
  let response: Response
  try {
    response = await fetch(`${searchUrl}?${new URLSearchParams(params)}`, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw error
    return { ok: false, message: 'The library could not be searched: check your connection and try again.' }
  }
  if (response.type === 'opaqueredirect' || response.status === 401)
    return { ok: false, message: 'You are signed out. Sign in again in another tab.' }
  try {
    return (await response.json()) as MediaSearchResponse
  } catch {
    return { ok: false, message: `The library could not be searched (the server answered ${response.status}).` }
  }
}

/** Images whose alt text, caption or credit contain every word of `query`, newest first. */
export function searchMedia(query: string, signal?: AbortSignal): Promise<MediaSearchResponse> {
  return ask({ q: query }, signal)
}

/** One image, with whether the viewer may change its details. */
export function getMediaOption(mediaId: number, signal?: AbortSignal): Promise<MediaSearchResponse> {
  return ask({ id: String(mediaId) }, signal)
}
