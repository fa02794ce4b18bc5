'use client'

import { useEffect, useId, useState } from 'react'
import { Field } from '@/components/ui/field'
import styles from './media.module.css'
import type { MediaOption, MediaPickerOption } from '@/lib/media/types'
import { searchMedia } from './media-search-client'
import { countOf } from '@/lib/words'

type MediaPickerProps = {
  /** Names the group of choices, e.g. "Lead image". */
  legend: string
  /** Shown until the writer searches: the newest images and any just uploaded. */
  images: readonly MediaOption[]
  selectedId: number | null
  onSelect: (image: MediaOption) => void
  /** Offers a first choice of no image at all, with this label. */
  noneLabel?: string
  onSelectNone?: () => void
}

/** What a choice is called: its alt text, else its caption, else its number (worded so as not to be taken for an "Alt text" field). */
export function imageName(image: Pick<MediaOption, 'mediaId' | 'alt' | 'caption'>): string {
  return image.alt || image.caption || `Image ${image.mediaId}, not described yet`
}

const searchDelay = 250

/**
 * Chooses a library image: a search over alt text, caption and credit, and the matches as
 * thumbnails. Each choice is a radio button named by the image's alt text (or caption), so the
 * choices read the same with a screen reader as they look.
 */
export function MediaPicker({ legend, images, selectedId, onSelect, noneLabel, onSelectNone }: MediaPickerProps) {
  const id = useId()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<{ query: string; options: MediaPickerOption[] } | null>(null)
  const [problem, setProblem] = useState<string>()
  const term = query.trim()

  useEffect(() => {
    if (!term) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      searchMedia(term, controller.signal).then(
        (answer) => {
          if (answer.ok) {
            setFound({ query: term, options: answer.options })
            setProblem(undefined)
          } else {
            setProblem(answer.message)
          }
        },
        () => undefined, // aborted: a newer search is on its way
      )
    }, searchDelay)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [term])

  const isSearching = term !== '' && found?.query !== term
  const shown: readonly MediaOption[] = term ? (found?.options ?? []) : images
  const status = problem
    ? problem
    : term === ''
      ? images.length === 0
        ? 'The media library has no images yet.'
        : `The newest ${countOf(images.length, 'image')}; search to find older ones.`
      : isSearching
        ? 'Searching…'
        : shown.length === 0
          ? `No images match “${term}”.`
          : `${shown.length} ${shown.length === 1 ? 'image matches' : 'images match'} “${term}”.`

  return (
    <div className={styles.picker}>
      <Field id={`${id}-search`} label="Search images">
        {(control) => (
          <input
            {...control}
            type="search"
            value={query}
            maxLength={200}
            placeholder="Alt text, caption or credit"
            autoComplete="off"
            onChange={(event) => setQuery(event.target.value)}
          />
        )}
      </Field>
      <p className="muted small" role="status">
        {status}
      </p>
      <fieldset className={styles.pickerChoices}>
        <legend>{legend}</legend>
        <ul className={styles.pickerGrid}>
          {noneLabel && onSelectNone && (
            <li>
              <label className={styles.pickerChoice}>
                <input type="radio" name={`${id}-choice`} checked={selectedId === null} onChange={onSelectNone} />
                <span className={styles.pickerNone} aria-hidden="true" />
                <span>{noneLabel}</span>
              </label>
            </li>
          )}
          {shown.map((image) => (
            <li key={image.mediaId}>
              <label className={styles.pickerChoice}>
                <input type="radio" name={`${id}-choice`} checked={selectedId === image.mediaId} onChange={() => onSelect(image)} />
                {/* eslint-disable-next-line @next/next/no-img-element -- a library rendition as a thumbnail; the label names it */}
                <img src={image.thumbSrc ?? image.src} alt="" width={image.width} height={image.height} loading="lazy" decoding="async" />
                <span className={styles.pickerName}>{imageName(image)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  )
}
