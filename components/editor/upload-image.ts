import { uploadMediaFile } from '@/components/desk/media/upload-client'
import type { MediaOption } from '@/lib/media/types'

export type UploadAnswer = { ok: true; figure: MediaOption; notice?: string } | { ok: false; message: string }

/**
 * Sends one image to the media library through the desk's upload client (the same size check,
 * sign-out handling and messages as the library page); the answer is ready to insert as a figure.
 */
export async function uploadImage(file: File): Promise<UploadAnswer> {
  const answer = await uploadMediaFile(file)
  if (!answer.ok) return answer
  const { id, ...rest } = answer.media
  return { ok: true, figure: { mediaId: id, ...rest }, notice: answer.notice }
}
