'use client'

import { useState } from 'react'
import { MediaPicker } from '@/components/desk/media/media-picker'
import { imageFileTypes } from '@/components/desk/media/upload-client'
import { Field } from '@/components/ui/field'
import type { MediaOption } from '@/lib/media/types'
import { type FigureKind, toFigureAttributes } from '@/lib/story-schema/nodes/figure'
import { type EditorPanelProps, Panel, PanelTextField, selectedNode } from './panel'
import { useImageUploads } from './use-image-uploads'

type FigurePanelProps = EditorPanelProps & { figures: MediaOption[] }

/** Adds a figure (a library image with alt text, caption and credit) or edits the selected one. */
export function FigurePanel({ id, editor, onClose, onCancel, figures: libraryFigures }: FigurePanelProps) {
  // Images uploaded from this panel join the library's list at the top.
  const uploads = useImageUploads(libraryFigures)
  const [current] = useState(() => {
    const attrs = selectedNode(editor, 'figure')
    return attrs ? toFigureAttributes(attrs) : null
  })
  // The image being edited stays chosen until another is picked, whether or not the list shows it.
  const [chosen, setChosen] = useState<MediaOption | null>(null)
  const [kind, setKind] = useState<FigureKind>(current?.kind ?? 'photo')
  const [alt, setAlt] = useState(current?.alt ?? '')
  const [caption, setCaption] = useState(current?.caption ?? '')
  const [credit, setCredit] = useState(current?.credit ?? '')
  const [error, setError] = useState<string>()

  const choose = (figure: MediaOption) => {
    setChosen(figure)
    setError(undefined)
    setAlt(figure.alt)
    setCaption(figure.caption)
    setCredit(figure.credit)
  }

  const submit = () => {
    const image = chosen ?? current
    if (!image) {
      setError('Choose an image.')
      return
    }
    const attributes = toFigureAttributes({ ...image, mediaId: chosen ? chosen.mediaId : current?.mediaId, kind, alt, caption, credit })
    if (!attributes) {
      setError('This image cannot be shown.')
      return
    }
    if (current) editor.chain().focus().updateFigure(attributes).run()
    else editor.chain().focus().insertFigure(attributes).run()
    onClose()
  }

  const upload = async (file: File | undefined) => {
    const figure = await uploads.upload(file, 'Uploaded. Add a caption and credit.')
    if (figure) choose(figure)
  }

  return (
    <Panel id={id} onCancel={onCancel} title={current ? 'Edit figure' : 'Add figure'} onSubmit={submit}>
      <MediaPicker
        legend={current && !chosen ? 'Image (keep the current one, or choose another)' : 'Image'}
        images={uploads.images}
        selectedId={chosen?.mediaId ?? current?.mediaId ?? null}
        onSelect={choose}
      />
      <p className="editor-error" aria-live="polite">
        {error}
      </p>
      <Field id={`${id}-upload`} label="Or upload a new image" className="editor-field">
        {(control) => <input {...control} type="file" accept={imageFileTypes} onChange={(event) => void upload(event.target.files?.[0])} />}
      </Field>
      {uploads.status && (
        <p className="editor-hint" role="status">
          {uploads.status}
        </p>
      )}
      <Field id={`${id}-kind`} label="Kind" className="editor-field">
        {(control) => (
          <select {...control} value={kind} onChange={(event) => setKind(event.target.value === 'map' ? 'map' : 'photo')}>
            <option value="photo">Photo</option>
            <option value="map">Map</option>
          </select>
        )}
      </Field>
      <PanelTextField id={`${id}-alt`} label="Alt text" value={alt} onChange={setAlt} />
      <PanelTextField id={`${id}-caption`} label="Caption" value={caption} onChange={setCaption} />
      <PanelTextField id={`${id}-credit`} label="Credit" value={credit} onChange={setCredit} />
    </Panel>
  )
}
