'use client'

import { useState } from 'react'
import { ImageUploadField } from '@/components/desk/media/image-upload-field'
import { MediaPicker } from '@/components/desk/media/media-picker'
import { uploadMediaFile } from '@/components/desk/media/upload-client'
import type { MediaOption } from '@/lib/media/types'
import { logoTooLargeMessage, maxLogoBytes } from '@/lib/publication-schema'

type LogoFieldProps = {
  /** The newest library images, the current logo first when it is older. */
  images: readonly MediaOption[]
  chosenId: number | null
}

/**
 * The publication's logo: a library image, chosen in the picker or uploaded here (it goes into the
 * library like any upload). The choice travels with the Publication form as `logoMediaId`; the
 * server checks it, the size limit included, when the form is saved.
 */
export function LogoField({ images, chosenId }: LogoFieldProps) {
  const [chosen, setChosen] = useState(chosenId)
  const [shown, setShown] = useState(images)
  const [status, setStatus] = useState<string>()

  async function upload(file: File | undefined) {
    if (!file) return
    // The server's own limit, checked here first so that a file it would refuse as the logo is not put in the library for nothing.
    if (file.size > maxLogoBytes) return setStatus(logoTooLargeMessage(file.size))
    setStatus('Uploading…')
    const answer = await uploadMediaFile(file, { alt: 'Logo' })
    if (!answer.ok) return setStatus(answer.message)
    const { id, ...image } = answer.media
    setShown((before) => [{ ...image, mediaId: id }, ...before.filter((option) => option.mediaId !== id)])
    setChosen(id)
    setStatus('Uploaded and chosen as the logo. Save the publication’s settings to use it.')
  }

  return (
    <fieldset>
      <legend>Logo</legend>
      <p className="small">
        Shown in the masthead of every reader’s page and given to search engines as the publisher’s logo. At most 1 MB; a wide image about
        60 pixels high reads best.
      </p>
      <input type="hidden" name="logoMediaId" value={chosen ?? ''} />
      <MediaPicker
        legend="Choose the logo from the library"
        images={shown}
        selectedId={chosen}
        onSelect={(image) => setChosen(image.mediaId)}
        noneLabel="No logo: the name in type"
        onSelectNone={() => setChosen(null)}
      />
      <ImageUploadField id="logo-upload" label="Upload a logo" status={status} onFile={upload} />
    </fieldset>
  )
}
