'use client'

import { useMemo, useState } from 'react'
import type { MediaOption } from '@/lib/media/types'
import { uploadImage } from './upload-image'

/**
 * Images uploaded from a form join the library's list at its top until the page is next loaded;
 * `status` says how the last upload went.
 */
export function useImageUploads(library: readonly MediaOption[]) {
  const [uploaded, setUploaded] = useState<MediaOption[]>([])
  const [status, setStatus] = useState<string>()
  const images = useMemo(
    () => [...uploaded, ...library.filter((item) => !uploaded.some((up) => up.mediaId === item.mediaId))],
    [uploaded, library],
  )

  /** Uploads one image; gives it back once it is in the library, with `done` as the status unless the server had something to say. */
  const upload = async (file: File | undefined, done: string): Promise<MediaOption | undefined> => {
    if (!file) return undefined
    setStatus(`Uploading ${file.name}…`)
    const answer = await uploadImage(file)
    if (!answer.ok) {
      setStatus(answer.message)
      return undefined
    }
    setUploaded((list) => [answer.figure, ...list.filter((item) => item.mediaId !== answer.figure.mediaId)])
    setStatus(answer.notice ?? done)
    return answer.figure
  }

  return { images, status, upload }
}
