'use client'

import { type RefObject, useCallback, useEffect, useRef } from 'react'
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
  /** The sync server turned the person away mid-story: the form's editor takes the body as it is. */
  onTurnedAway: () => void
  /** Kept true while the headline, standfirst and body are the shared document's. */
  isSharedRef: RefObject<boolean>
}

/**
 * The story form's side of writing together. While shared, the headline, standfirst and body are
 * the shared document's (the sync server cuts their revisions): `isShared` tells the form not to
 * count them as its edits, `writeShared` sends a typed headline or standfirst to the document,
 * `putFields` shows the form's fields and shares the others (section, slug, tags…) at once.
 * Turned away mid-story, the form takes over and saves everything the person has. `kept`: the
 * person's unsent shared typing kept on this device (components/desk/use-kept-copy.ts).
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
  const turnedAway = useRef(onTurnedAway)
  const { write: writeShared, share: shareFields } = useSharedFields({ story: shared?.story ?? null, fieldsRef, show: setFields, initial })

  useEffect(() => {
    turnedAway.current = onTurnedAway
  }, [onTurnedAway])

  useEffect(() => {
    const wasShared = isSharedRef.current
    isSharedRef.current = collab.kind === 'shared'
    if (wasShared && collab.kind === 'unavailable') {
      turnedAway.current()
      markChanged()
    }
  }, [collab.kind, markChanged, isSharedRef])

  /** Puts the form's fields on screen, and their values (but the text's) in the shared story for everyone. */
  const putFields = useCallback(
    (next: StoryFields) => {
      fieldsRef.current = next
      setFields(next)
      shareFields(next)
    },
    [fieldsRef, setFields, shareFields],
  )

  return { collab, writeShared, putFields, kept }
}
