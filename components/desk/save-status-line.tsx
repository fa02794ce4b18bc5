'use client'

import type { SaveStatus } from './use-story-autosave'

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

/** The one line that tells the writer whether their words are safe. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  return (
    <p className={`save-status save-status-${status.kind}`} role="status" aria-live="polite">
      {describe(status)}
    </p>
  )
}

function describe(status: SaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'All changes saved'
    case 'unsaved':
      return 'Unsaved changes'
    case 'saving':
      return 'Saving…'
    case 'saved':
      return `Saved at ${timeFormat.format(status.at)}`
    case 'offline':
      return 'Offline — your changes are kept on this device'
    case 'refused':
      return `Not saved: ${status.message} Your changes are kept on this device.`
    case 'conflict':
      return 'Not saved: someone else saved this story meanwhile. Your changes are kept on this device.'
  }
}
