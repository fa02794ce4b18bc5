import type { FigureOption } from './panels'

/** Where the desk takes image uploads (app/desk/media/upload/route.ts). */
const uploadUrl = '/desk/media/upload'

export type UploadAnswer = { ok: true; figure: FigureOption; notice?: string } | { ok: false; message: string }

type ServerAnswer =
  | { ok: true; media: { id: number; src: string; width: number; height: number; alt: string; caption: string; credit: string }; notice?: string }
  | { ok: false; message: string }

/** Sends one image to the media library; the answer is ready to insert as a figure. */
export async function uploadImage(file: File): Promise<UploadAnswer> {
  const form = new FormData()
  form.append('file', file)
  let response: Response
  try {
    response = await fetch(uploadUrl, { method: 'POST', body: form, redirect: 'manual' })
  } catch {
    return { ok: false, message: 'The image could not be uploaded: the server did not answer. Try again.' }
  }
  if (response.type === 'opaqueredirect' || response.status === 401) {
    return { ok: false, message: 'You are signed out. Sign in again in another tab, then upload the image.' }
  }
  try {
    const answer = (await response.json()) as ServerAnswer
    if (!answer.ok) return answer
    const { id, ...rest } = answer.media
    return { ok: true, figure: { mediaId: id, ...rest }, notice: answer.notice }
  } catch {
    return { ok: false, message: `The image could not be uploaded (the server answered ${response.status}). Try again.` }
  }
}
