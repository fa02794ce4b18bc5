'use client'

import { useEffect, useRef } from 'react'
import { formatClock } from '@/lib/clock'
import { useTimeZone } from '@/components/ui/time-zone'
import { PresenceLine } from './presence-line'
import { SaveStatusLine } from './save-status-line'
import type { SaveStatus } from './use-story-autosave'
import type { SharedCut } from './use-story-collab'

type StoryFormBarProps = {
  articleId: number
  /** Who else has the story open, as its live events last said (null until they have). */
  othersHere: string[] | null
  status: SaveStatus
  isDeviceCopyFailed: boolean
  /** The story's latest revision, as the last save or autosave numbered it. */
  revisionNumber: number
  /** Saves now, as a revision of its own in the history. */
  onSave: () => void
  /** While written together: the last revision the sync server cut from the shared text. */
  sharedCut?: SharedCut | null
}

/**
 * The bar above the story: whether it is saved, its revision, who else has it open, and Save.
 * Ctrl+S (⌘S on a Mac) anywhere on the page presses Save instead of opening the browser's dialog.
 */
export function StoryFormBar(props: StoryFormBarProps) {
  const { articleId, othersHere, status, isDeviceCopyFailed, revisionNumber, onSave, sharedCut } = props
  const zone = useTimeZone()
  const onSaveRef = useRef(onSave)
  useEffect(() => {
    onSaveRef.current = onSave
  }, [onSave])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSaveShortcut(event)) return
      event.preventDefault()
      if (!event.repeat) onSaveRef.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <div className="story-form-bar">
      <SaveStatusLine status={status} isDeviceCopyFailed={isDeviceCopyFailed} />
      {sharedCut && (
        <p className="save-status save-status-shared" aria-label="Shared text saved">
          Shared text saved as revision {sharedCut.revisionNumber} at {formatClock(sharedCut.at, zone)}
          {sharedCut.notTaken.map(({ message }) => ` ${message}`).join('')}
        </p>
      )}
      <p className="revision-label">Revision {revisionNumber}</p>
      <PresenceLine articleId={articleId} live={othersHere} />
      <button type="button" className="button" aria-describedby="save-hint" aria-keyshortcuts="Control+S Meta+S" onClick={onSave}>
        Save
      </button>
      <p id="save-hint" className="save-hint">
        Changes save themselves as you write. Save (Ctrl+S, ⌘S) also keeps this version as a revision of its own in the history.
      </p>
    </div>
  )
}

/** Ctrl+S, or ⌘S on a Mac; not with Alt or Shift, which browsers and screen readers use for their own. */
function isSaveShortcut(event: KeyboardEvent): boolean {
  return event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey
}
