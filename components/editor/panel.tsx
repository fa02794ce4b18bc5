'use client'

import type { Editor } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react'
import { Field } from '@/components/ui/field'

export type PanelKind = 'link' | 'figure' | 'embed' | 'comment'

/**
 * What every panel is given: its id, the editor it changes, how to close it once it has changed
 * the text, and how to cancel (which puts the caret back where it was).
 */
export type EditorPanelProps = { id: string; editor: Editor; onClose: () => void; onCancel: () => void }

type PanelProps = Pick<EditorPanelProps, 'id' | 'onCancel'> & {
  title: string
  onSubmit: () => void
  children: ReactNode
  extraAction?: ReactNode
}

/**
 * A small form just under the caret. Not a <form>: the editor sits inside the story's own form.
 * Enter in a field confirms, Escape cancels (back to the text); the first field takes the focus.
 */
export function Panel({ id, onCancel, title, onSubmit, children, extraAction }: PanelProps) {
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

type PanelFieldProps = { id: string; label: string; value: string; onChange: (value: string) => void; hint?: string; error?: string }

/** A one-line text field of a panel. */
export function PanelTextField({ id, label, value, onChange, hint, error }: PanelFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className="editor-field">
      {(control) => <input {...control} type="text" value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  )
}

/** A field for a web address: no spelling checks or suggestions, a URL keyboard on phones. */
export function PanelAddressField({ id, label, value, onChange, hint, error }: PanelFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className="editor-field">
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  )
}

/** The attributes of the selected node when it is a `name` node, else null. */
export function selectedNode(editor: Editor, name: string): Record<string, unknown> | null {
  const { selection } = editor.state
  return selection instanceof NodeSelection && selection.node.type.name === name ? selection.node.attrs : null
}
