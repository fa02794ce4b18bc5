'use client'

import { type RefObject, useCallback, useEffect, useRef } from 'react'
import type { RichTextDoc } from '@/db/schema'
import { useKeptCopy } from './use-kept-copy'
import { useSharedFields } from './use-shared-fields'
import type { StoryFields } from './story-settings'
import { useStoryCollab } from './use-story-collab'

type Options = {
  articleId: number
  /** The person signed in: a copy of their unsent typing is kept on this device for them alone. */
  personId: number
  canWriteTogether: boolean
  fieldsRef: RefObject<StoryFields>
  setFields: (fields: StoryFields) => void
  initial: StoryFields
  /** Counts an edit for the form's autosave. */
  markChanged: () => void
  /**
   * The sync server turned the person away mid-story: the form's editor takes the body as it is,
   * or `keptBody`, that of a copy kept on this device, when that was what the person typed into.
   */
  onTurnedAway: (keptBody: RichTextDoc | null) => void
  /** Kept true while the headline, standfirst and body are the shared document's (or a kept copy's, waiting for it). */
  isSharedRef: RefObject<boolean>
}

/**
 * The story form's side of writing together. While shared, the headline, standfirst and body are
 * the shared document's (the sync server cuts their revisions): `isShared` tells the form not to
 * count them as its edits, `writeShared` sends a typed headline or standfirst to the document,
 * `putFields` shows the form's fields and shares the others (section, slug, tags…) at once.
 * Turned away mid-story, the form takes over and saves everything the person has. `isKeeping`:
 * the person's unsent shared typing is kept on this device (components/desk/use-kept-copy.ts);
 * `waiting`: the document of such a copy, typed into until the shared story opens.
 */
export function useSharedStory(options: Options) {
  const { articleId, personId, canWriteTogether, fieldsRef, setFields, initial, markChanged, onTurnedAway, isSharedRef } = options
  const waitsRef = useRef(false)
  const collab = useStoryCollab(articleId, canWriteTogether, waitsRef)
  const shared = collab.kind === 'shared' ? collab : null
  const kept = useKeptCopy({
    ...{ articleId, personId, isEnabled: canWriteTogether, story: shared?.story ?? null },
    ...{ canChange: shared !== null && !shared.isReadOnly, fieldsRef, waitsRef },
  })
  // Until the shared story opens, the person types into the copy kept on this device, if any.
  const waiting = collab.kind === 'connecting' ? kept.waiting : null
  const wasWaiting = useRef(false)
  const turnedAway = useRef(onTurnedAway)
  const sharedFields = { story: shared?.story ?? null, waiting, fieldsRef, show: setFields, initial }
  const { write: writeShared, share: shareFields } = useSharedFields(sharedFields)

  useEffect(() => {
    turnedAway.current = onTurnedAway
  }, [onTurnedAway])

  const { handOver } = kept
  useEffect(() => {
    const wasShared = isSharedRef.current
    const wasKept = wasWaiting.current
    isSharedRef.current = collab.kind === 'shared' || waiting !== null
    wasWaiting.current = waiting !== null
    if (wasShared && collab.kind === 'unavailable') {
      turnedAway.current(wasKept ? handOver() : null)
      markChanged()
    }
  }, [collab.kind, waiting, markChanged, isSharedRef, handOver])

  /** Puts the form's fields on screen, and their values (but the text's) in the shared story for everyone. */
  const putFields = useCallback(
    (next: StoryFields) => {
      fieldsRef.current = next
      setFields(next)
      shareFields(next)
    },
    [fieldsRef, setFields, shareFields],
  )

  return { collab, writeShared, putFields, isKeeping: kept.isKeeping, waiting }
}
