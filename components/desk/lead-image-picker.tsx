'use client'

import { type KeyboardEvent, useEffect, useState, useTransition } from 'react'
import type { ActionState } from '@/lib/errors'
import { Field } from '@/components/ui/field'
import type { MediaOption, MediaPickerOption } from '@/lib/media/types'
import { MediaPicker } from './media/media-picker'
import styles from './media/media.module.css'
import { getMediaOption } from './media/media-search-client'

export type LeadImagePickerProps = {
  /** The newest library images and any just uploaded. */
  images: readonly MediaOption[]
  chosenId: number | null
  onChoose: (image: MediaOption | undefined) => void
  /** Saves an image's alt text to the library (the media screen's server action). */
  saveAltText: SaveAltText
  /** Told the chosen image's alt text as the library has it, when read and when saved (for the checklist). */
  onAltText?: (mediaId: number, alt: string) => void
}

type SaveAltText = (mediaId: number, alt: string) => Promise<ActionState>

/** The story's lead image: a searchable choice of library images, then the chosen one's alt text. */
export function LeadImagePicker({ images, chosenId, onChoose, saveAltText, onAltText }: LeadImagePickerProps) {
  return (
    <>
      <MediaPicker
        legend="Choose from the library"
        images={images}
        selectedId={chosenId}
        onSelect={onChoose}
        noneLabel="No lead image"
        onSelectNone={() => onChoose(undefined)}
      />
      {chosenId !== null && <LeadImageAltText key={chosenId} mediaId={chosenId} saveAltText={saveAltText} onAltText={onAltText} />}
    </>
  )
}

/**
 * The chosen image and its alt text, which lives in the media library (every story showing the
 * image reads it there). Editable by whoever may edit the image; otherwise shown with the reason.
 */
function LeadImageAltText({
  mediaId,
  saveAltText,
  onAltText,
}: Pick<LeadImagePickerProps, 'saveAltText' | 'onAltText'> & { mediaId: number }) {
  const [image, setImage] = useState<MediaPickerOption | null>(null)
  const [alt, setAlt] = useState('')
  const [status, setStatus] = useState<string>()
  const [isSaving, startSaving] = useTransition()

  useEffect(() => {
    const controller = new AbortController()
    getMediaOption(mediaId, controller.signal).then(
      (answer) => {
        if (!answer.ok) return setStatus(answer.message)
        const [found] = answer.options
        if (!found) return setStatus('This image is no longer in the library.')
        setImage(found)
        setAlt(found.alt)
        onAltText?.(mediaId, found.alt)
      },
      () => undefined, // aborted: another image was chosen
    )
    return () => controller.abort()
  }, [mediaId, onAltText])

  const save = () =>
    startSaving(async () => {
      const answer = await saveAltText(mediaId, alt)
      setStatus(answer?.message)
      if (answer?.ok) onAltText?.(mediaId, alt.trim())
    })

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    save()
  }

  return (
    <div className={styles.leadChosen}>
      {image ? (
        // eslint-disable-next-line @next/next/no-img-element -- a small preview of a library rendition; the alt text is beside it
        <img src={image.thumbSrc} alt="" width={image.width} height={image.height} />
      ) : (
        <span />
      )}
      <div>
        {image && (
          <Field
            id="lead-alt"
            label="Alt text"
            hint={
              image.canEdit
                ? 'What the picture shows, for readers who cannot see it. Kept in the media library: every story showing this image uses it.'
                : 'Only the person who uploaded this image, or an editor, can change its alt text.'
            }
          >
            {(control) => (
              <input
                {...control}
                value={alt}
                maxLength={500}
                readOnly={!image.canEdit}
                onChange={(event) => setAlt(event.target.value)}
                onKeyDown={image.canEdit ? onKeyDown : undefined}
              />
            )}
          </Field>
        )}
        {image?.canEdit && (
          <button type="button" className="button secondary small" onClick={save} disabled={isSaving}>
            Save alt text
          </button>
        )}
        <p className="small" role="status">
          {status}
        </p>
      </div>
    </div>
  )
}
