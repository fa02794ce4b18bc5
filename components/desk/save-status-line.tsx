'use client'

import { type TimeZone, formatClock } from '@/lib/clock'
import { useTimeZone } from '@/components/ui/time-zone'
import type { SaveStatus } from './use-story-autosave'

type SaveStatusLineProps = {
  status: SaveStatus
  /** The browser refused to keep a copy of unsaved edits (storage full or disabled). */
  isDeviceCopyFailed: boolean
}

/** Said wherever edits the server does not have yet are kept in this browser. */
export const keptOnDevice = 'Your changes are kept on this device.'
const notKept = 'Could not keep a copy on this device: keep this page open until the story is saved.'

/** The one line that tells the writer whether their words are safe. */
export function SaveStatusLine({ status, isDeviceCopyFailed }: SaveStatusLineProps) {
  return (
    <p className={`save-status save-status-${status.kind}`} role="status" aria-live="polite">
      {describe(status, isDeviceCopyFailed, useTimeZone())}
    </p>
  )
}

function describe(status: SaveStatus, isDeviceCopyFailed: boolean, zone: TimeZone): string {
  const deviceCopy = isDeviceCopyFailed ? notKept : keptOnDevice
  switch (status.kind) {
    case 'idle':
      return 'All changes saved'
    case 'unsaved':
      return isDeviceCopyFailed ? `Unsaved changes. ${notKept}` : 'Unsaved changes'
    case 'saving':
      return 'Saving…'
    case 'saved':
      return `Saved at ${formatClock(status.at, zone)}`
    case 'offline':
      return isDeviceCopyFailed ? `Offline. ${notKept}` : 'Offline — your changes are kept on this device'
    case 'refused':
    case 'missing':
      return `Not saved: ${status.message} ${deviceCopy}`
    case 'conflict':
      return `Not saved: someone else saved this story meanwhile. ${deviceCopy}`
  }
}
