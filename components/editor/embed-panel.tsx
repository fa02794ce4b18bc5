'use client'

import { useState } from 'react'
import { embedProviders, identifyEmbed } from '@/lib/embeds'
import { isHttpUrl } from '@/lib/story-schema/urls'
import { type EditorPanelProps, Panel, PanelAddressField, PanelTextField, selectedNode } from './panel'

/** Adds an embed (a video, map or chart by its address) or edits the selected one. */
export function EmbedPanel({ id, editor, onClose, onCancel }: EditorPanelProps) {
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

  return (
    <Panel id={id} onCancel={onCancel} title={current ? 'Edit embed' : 'Add embed'} onSubmit={submit}>
      <PanelAddressField
        id={`${id}-address`}
        label="Embed address"
        value={address}
        error={error}
        hint={hint}
        onChange={(value) => {
          setAddress(value)
          setError(undefined)
        }}
      />
      <PanelTextField id={`${id}-caption`} label="Caption" value={caption} onChange={setCaption} />
    </Panel>
  )
}
