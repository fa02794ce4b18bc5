'use client'

import type { Editor } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import { useEditorState } from '@tiptap/react'
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { MediaPicker } from '@/components/desk/media/media-picker'
import type { MediaOption } from '@/lib/media/types'
import { embedProviders, identifyEmbed } from '@/lib/embeds'
import { quoteAtSelection, toAttribution } from '@/lib/story-schema/nodes/blockquote'
import { type FigureKind, toFigureAttributes } from '@/lib/story-schema/nodes/figure'
import { uploadImage } from './upload-image'
import { isHttpUrl, normalizeTypedHref } from '@/lib/story-schema/urls'

export type PanelKind = 'link' | 'figure' | 'embed'

type PanelProps = {
  id: string
  title: string
  onSubmit: () => void
  onCancel: () => void
  children: ReactNode
  extraAction?: ReactNode
}

/**
 * A small form under the toolbar. Not a <form>: the editor sits inside the story's own form.
 * Enter in a field confirms, Escape cancels; the first field takes the focus.
 */
function Panel({ id, title, onSubmit, onCancel, children, extraAction }: PanelProps) {
  const ref = useRef<HTMLDivElement>(null)
  const titleId = `${id}-title`

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault()
      onSubmit()
    }
  }

  return (
    <div id={id} ref={ref} className="editor-panel" role="group" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <p id={titleId} className="editor-panel-title">
        {title}
      </p>
      {children}
      <div className="editor-panel-actions">
        <button type="button" className="button small" onClick={onSubmit}>
          OK
        </button>
        <button type="button" className="button secondary small" onClick={onCancel}>
          Cancel
        </button>
        {extraAction}
      </div>
    </div>
  )
}

function Field({ id, label, children, error, hint }: { id: string; label: string; children: ReactNode; error?: string; hint?: string }) {
  return (
    <div className="editor-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="editor-hint">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} className="editor-error" aria-live="polite">
        {error}
      </p>
    </div>
  )
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
}

type EditorPanelProps = { id: string; editor: Editor; onClose: () => void }

export function LinkPanel({ id, editor, onClose }: EditorPanelProps) {
  const [isEditing] = useState(() => editor.isActive('link'))
  const [address, setAddress] = useState(() => String(editor.getAttributes('link').href ?? ''))
  const [error, setError] = useState<string>()
  const fieldId = `${id}-address`

  const submit = () => {
    const href = normalizeTypedHref(address)
    if (!href) {
      setError('Use a web address (https://…), an e-mail address, or a path on this site starting with /.')
      return
    }
    const chain = editor.chain().focus()
    if (editor.state.selection.empty && !isEditing) {
      chain.insertContent({ type: 'text', text: href.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href } }] }).run()
    } else {
      // The caret goes after the linked words, and what is typed next is not part of the link.
      chain
        .extendMarkRange('link')
        .setLink({ href })
        .command(({ tr }) => {
          tr.setSelection(TextSelection.create(tr.doc, tr.selection.to))
          return true
        })
        .unsetMark('link')
        .run()
    }
    onClose()
  }

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    onClose()
  }

  return (
    <Panel
      id={id}
      title={isEditing ? 'Edit link' : 'Add link'}
      onSubmit={submit}
      onCancel={() => {
        editor.commands.focus()
        onClose()
      }}
      extraAction={
        isEditing && (
          <button type="button" className="button secondary small" onClick={remove}>
            Remove link
          </button>
        )
      }
    >
      <Field id={fieldId} label="Link address" error={error}>
        <input
          id={fieldId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={address}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fieldId, error)}
          onChange={(event) => {
            setAddress(event.target.value)
            setError(undefined)
          }}
        />
      </Field>
    </Panel>
  )
}

function selectedNode(editor: Editor, name: string): Record<string, unknown> | null {
  const { selection } = editor.state
  return selection instanceof NodeSelection && selection.node.type.name === name ? selection.node.attrs : null
}

export function FigurePanel({ id, editor, onClose, figures: libraryFigures }: EditorPanelProps & { figures: MediaOption[] }) {
  // Images uploaded from this panel join the library's list at the top.
  const [uploaded, setUploaded] = useState<MediaOption[]>([])
  const [uploadStatus, setUploadStatus] = useState<string>()
  const figures = [...uploaded, ...libraryFigures.filter((figure) => !uploaded.some((up) => up.mediaId === figure.mediaId))]
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
    if (!file) return
    setUploadStatus(`Uploading ${file.name}…`)
    const answer = await uploadImage(file)
    if (!answer.ok) {
      setUploadStatus(answer.message)
      return
    }
    setUploaded((list) => [answer.figure, ...list.filter((figure) => figure.mediaId !== answer.figure.mediaId)])
    choose(answer.figure)
    setUploadStatus(answer.notice ?? 'Uploaded. Add a caption and credit.')
  }

  return (
    <Panel
      id={id}
      title={current ? 'Edit figure' : 'Add figure'}
      onSubmit={submit}
      onCancel={() => {
        editor.commands.focus()
        onClose()
      }}
    >
      <MediaPicker
        legend={current && !chosen ? 'Image (keep the current one, or choose another)' : 'Image'}
        images={figures}
        selectedId={chosen?.mediaId ?? current?.mediaId ?? null}
        onSelect={choose}
      />
      <p className="editor-error" aria-live="polite">
        {error}
      </p>
      <Field id={`${id}-upload`} label="Or upload a new image">
        <input
          id={`${id}-upload`}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          onChange={(event) => void upload(event.target.files?.[0])}
        />
      </Field>
      {uploadStatus && (
        <p className="editor-hint" role="status">
          {uploadStatus}
        </p>
      )}
      <Field id={`${id}-kind`} label="Kind">
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value === 'map' ? 'map' : 'photo')}>
          <option value="photo">Photo</option>
          <option value="map">Map</option>
        </select>
      </Field>
      <Field id={`${id}-alt`} label="Alt text">
        <input id={`${id}-alt`} type="text" value={alt} onChange={(event) => setAlt(event.target.value)} />
      </Field>
      <Field id={`${id}-caption`} label="Caption">
        <input id={`${id}-caption`} type="text" value={caption} onChange={(event) => setCaption(event.target.value)} />
      </Field>
      <Field id={`${id}-credit`} label="Credit">
        <input id={`${id}-credit`} type="text" value={credit} onChange={(event) => setCredit(event.target.value)} />
      </Field>
    </Panel>
  )
}

export function EmbedPanel({ id, editor, onClose }: EditorPanelProps) {
  const [current] = useState(() => selectedNode(editor, 'embed'))
  const [address, setAddress] = useState(() => String(current?.url ?? ''))
  const [caption, setCaption] = useState(() => String(current?.caption ?? ''))
  const [error, setError] = useState<string>()
  const trimmed = address.trim()
  const provider = isHttpUrl(trimmed) ? (identifyEmbed(trimmed)?.provider ?? null) : undefined
  const hint =
    provider === undefined
      ? 'A YouTube or Vimeo video, an OpenStreetMap map or a Datawrapper chart. Readers see it on the page; here it shows as a card.'
      : provider === null
        ? 'Not from YouTube, Vimeo, OpenStreetMap or Datawrapper: readers will see a plain link.'
        : `${embedProviders[provider].name}: readers will see the ${embedProviders[provider].frameTitle} on the page; here it shows as a card.`

  const submit = () => {
    if (!isHttpUrl(trimmed)) {
      setError('Enter the full address, starting with https://.')
      return
    }
    if (current) editor.chain().focus().updateEmbed({ url: trimmed, caption }).run()
    else editor.chain().focus().insertEmbed({ url: trimmed, caption }).run()
    onClose()
  }

  const addressId = `${id}-address`
  return (
    <Panel
      id={id}
      title={current ? 'Edit embed' : 'Add embed'}
      onSubmit={submit}
      onCancel={() => {
        editor.commands.focus()
        onClose()
      }}
    >
      <Field id={addressId} label="Embed address" error={error} hint={hint}>
        <input
          id={addressId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={address}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(addressId, error, hint)}
          onChange={(event) => {
            setAddress(event.target.value)
            setError(undefined)
          }}
        />
      </Field>
      <Field id={`${id}-caption`} label="Caption">
        <input id={`${id}-caption`} type="text" value={caption} onChange={(event) => setCaption(event.target.value)} />
      </Field>
    </Panel>
  )
}

/** Shown while the cursor is in a block quote: who is quoted, edited as the writer types. */
export function AttributionField({ id, editor }: { id: string; editor: Editor }) {
  const quote = useEditorState({ editor, selector: ({ editor: current }) => quoteAtSelection(current.state) })
  if (!quote) return null
  return <AttributionInput key={quote.pos} id={id} editor={editor} stored={quote.attribution} />
}

function AttributionInput({ id, editor, stored }: { id: string; editor: Editor; stored: string }) {
  // Typed text is kept as typed (with its trailing space) while the quote stores it tidied.
  const [typed, setTyped] = useState(stored)
  const shown = toAttribution(typed) === stored ? typed : stored
  return (
    <div className="editor-attribution">
      <label htmlFor={id}>Attribution</label>
      <input
        id={id}
        type="text"
        value={shown}
        placeholder="Who said it, e.g. Tessera News Agency"
        onChange={(event) => {
          setTyped(event.target.value)
          editor.commands.setAttribution(event.target.value)
        }}
      />
    </div>
  )
}
