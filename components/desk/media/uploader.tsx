'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { type DragEvent, useEffect, useEffectEvent, useId, useRef, useState } from 'react'
import styles from './media.module.css'
import { Field } from '@/components/ui/field'
import { uploadMediaFile } from './upload-client'

type Upload = {
  key: number
  name: string
  state: 'waiting' | 'uploading' | 'processing' | 'added' | 'duplicate' | 'failed'
  progress: number
  message?: string
  mediaId?: number
}

/** What a file is called in the status lines; display only (the server ignores file names). */
function nameOf(file: File): string {
  return file.name.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'Unnamed file'
}

/**
 * Uploads images to the library from a file picker, by dropping files on the area, or by pasting
 * an image anywhere on the page; one status line per file, then the page is refreshed.
 */
export function MediaUploader() {
  const router = useRouter()
  const inputId = useId()
  const [uploads, setUploads] = useState<Upload[]>([])
  const [isDragging, setIsDragging] = useState(false)
  const nextKey = useRef(0)
  const pastedCount = useRef(0)
  const queue = useRef(Promise.resolve())

  const update = (key: number, changes: Partial<Upload>) =>
    setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...changes } : upload)))

  /** Queues files for upload; a pasted image has no name of its own ("image.png"), so it is numbered. */
  function addFiles(files: File[], isPasted = false) {
    if (files.length === 0) return
    const added = files.map((file) => {
      const name = isPasted ? `Pasted image ${++pastedCount.current}` : nameOf(file)
      return { file, upload: { key: nextKey.current++, name, state: 'waiting' as const, progress: 0 } }
    })
    setUploads((current) => [...added.map(({ upload }) => upload), ...current])
    // One at a time: the server processes a couple of images at once, and the lines stay in order.
    for (const { file, upload } of added) {
      queue.current = queue.current.then(async () => {
        update(upload.key, { state: 'uploading' })
        const answer = await uploadMediaFile(file, {
          onProgress: (fraction) => update(upload.key, fraction < 1 ? { progress: fraction } : { progress: 1, state: 'processing' }),
        })
        if (answer.ok) {
          update(upload.key, {
            state: answer.duplicate ? 'duplicate' : 'added',
            progress: 1,
            mediaId: answer.media.id,
            message: answer.notice,
          })
          router.refresh()
        } else {
          update(upload.key, { state: 'failed', message: answer.message })
        }
      })
    }
  }

  const onPaste = useEffectEvent((event: ClipboardEvent) => {
    const files = [...(event.clipboardData?.files ?? [])]
    if (files.length === 0) return
    event.preventDefault()
    addFiles(files, true)
  })

  useEffect(() => {
    const listener = (event: ClipboardEvent) => onPaste(event)
    document.addEventListener('paste', listener)
    return () => document.removeEventListener('paste', listener)
  }, [])

  function onDragOver(event: DragEvent<HTMLElement>) {
    if (![...event.dataTransfer.types].includes('Files')) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    setIsDragging(true)
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault()
    setIsDragging(false)
    addFiles([...event.dataTransfer.files])
  }

  return (
    <div
      className={`${styles.dropZone} ${isDragging ? styles.dragging : ''}`}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsDragging(false)
      }}
      onDrop={onDrop}
    >
      <Field
        id={inputId}
        label="Choose images"
        hint="Or drop images here, or paste one (Ctrl+V). JPEG, PNG, WebP, AVIF or GIF, up to 25 MB each. Locations and camera details are removed."
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept="image/*"
            multiple
            onChange={(event) => {
              addFiles([...(event.currentTarget.files ?? [])])
              event.currentTarget.value = ''
            }}
          />
        )}
      </Field>
      <ul className={styles.uploads} aria-live="polite" aria-label="Uploads">
        {uploads.map((upload) => (
          <li key={upload.key} className={`${styles.upload} ${upload.state === 'failed' ? styles.failed : ''}`}>
            <span className={styles.fileName}>{upload.name}</span>
            <UploadStatus upload={upload} />
          </li>
        ))}
      </ul>
    </div>
  )
}

function UploadStatus({ upload }: { upload: Upload }) {
  switch (upload.state) {
    case 'waiting':
      return <span>waiting…</span>
    case 'uploading':
      return (
        <>
          <progress max={1} value={upload.progress} aria-label={`Uploading ${upload.name}`} />
          <span>uploading {Math.round(upload.progress * 100)}%</span>
        </>
      )
    case 'processing':
      return <span>processing…</span>
    case 'failed':
      return <span>Not added: {upload.message}</span>
    case 'added':
    case 'duplicate':
      return (
        <>
          <span>{upload.state === 'added' ? 'Added to the library.' : 'Already in the library.'}</span>
          {upload.message && <span>{upload.message}</span>}
          <Link href={`/desk/media/${upload.mediaId}`}>Edit details</Link>
        </>
      )
  }
}
