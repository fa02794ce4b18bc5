'use client'

import { TextSelection } from '@tiptap/pm/state'
import { useState } from 'react'
import { normalizeTypedHref } from '@/lib/story-schema/urls'
import { type EditorPanelProps, Panel, PanelAddressField } from './panel'

/** Adds a link to the selected words (or the address itself as text), or edits or removes the link at the cursor. */
export function LinkPanel({ id, editor, onClose, onCancel }: EditorPanelProps) {
  const [isEditing] = useState(() => editor.isActive('link'))
  const [address, setAddress] = useState(() => String(editor.getAttributes('link').href ?? ''))
  const [error, setError] = useState<string>()

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
      onCancel={onCancel}
      title={isEditing ? 'Edit link' : 'Add link'}
      onSubmit={submit}
      extraAction={
        isEditing && (
          <button type="button" className="button secondary small" onClick={remove}>
            Remove link
          </button>
        )
      }
    >
      <PanelAddressField
        id={`${id}-address`}
        label="Link address"
        value={address}
        error={error}
        onChange={(value) => {
          setAddress(value)
          setError(undefined)
        }}
      />
    </Panel>
  )
}
