'use client'

import { type RefObject, useEffect, useRef, useState } from 'react'
import * as Y from 'yjs'
import { type KeptCopy, keptCopyOf, readSharedParts, takeKeptCopy } from '@/lib/collab/kept-copy'
import { clearKeptCopy, keepKeptCopyNow, readKeptCopy, writeKeptCopy } from './kept-copy-store'
import type { StoryFields } from './story-settings'
import type { SharedStory } from './use-story-collab'

/** How long after a keystroke the server must have it, or it is kept on the device. */
const keepAfterMs = 300
/** How long the shared text must be still (and all with the server) before it is the copy's base again. */
const settledMs = 1000

type Options = {
  articleId: number
  personId: number
  isEnabled: boolean
  /** The shared story once synced, and whether this person may change it. */
  story: SharedStory | null
  canChange: boolean
  fieldsRef: RefObject<StoryFields>
  /** Set true while a copy found at open waits for the shared story (read by useStoryCollab). */
  waitsRef: RefObject<boolean>
}

/**
 * Keeps on this device what the person typed into the shared story and the sync server has not
 * had yet (lib/collab/kept-copy.ts), so that a reload or a closed tab while cut off loses none of
 * it: written 300 ms after a keystroke the server has not answered, dropped once it has all of it.
 * A copy found when the story opens (`opened`) is shown while the shared story opens, then
 * merged into it. `waitsRef` is true meanwhile: the page keeps trying the sync server rather than
 * edit alone, so the copy goes into the shared document and nowhere else.
 */
export function useKeptCopy({ articleId, personId, isEnabled, story, canChange, fieldsRef, waitsRef }: Options) {
  const [opened, setOpened] = useState<KeptCopy | null>(null)
  const [isKeeping, setKeeping] = useState(false)
  // The copy found at open until it is merged into the shared story, once.
  const pendingRef = useRef<KeptCopy | null>(null)
  // Whether a copy is on the device now, to be dropped once the server has everything.
  const keptRef = useRef(false)

  useEffect(() => {
    if (!isEnabled) return
    let isActive = true
    void readKeptCopy(personId, articleId).then((copy) => {
      if (!isActive || !copy) return
      waitsRef.current = true
      keptRef.current = true
      pendingRef.current = copy
      setOpened(copy)
      setKeeping(true)
    })
    return () => {
      isActive = false
    }
  }, [articleId, personId, isEnabled, waitsRef])

  // Declared first, so that it runs first: the merge below is typing it keeps, as any other.
  useEffect(() => {
    if (!story || !canChange) return
    const { doc, provider } = story
    const connection = provider.configuration.websocketProvider
    // What the server had all of: in Yjs terms since its last answer, as text when the text last
    // settled (reading it is the cost of a whole body, so not on every keystroke).
    let sentVector = Y.encodeStateVector(doc)
    let base = readSharedParts(doc)
    let keepTimer: ReturnType<typeof setTimeout> | undefined
    let settleTimer: ReturnType<typeof setTimeout> | undefined
    const isAllSent = () => !provider.hasUnsyncedChanges && connection.status === 'connected'
    /** Writes the copy; `isClosing`: the page is going, so a synchronous copy is made too. */
    const keep = (isClosing = false) => {
      clearTimeout(keepTimer)
      if (isAllSent()) return
      keptRef.current = true
      setKeeping(true)
      const copy = keptCopyOf(doc, sentVector, base)
      if (isClosing) keepKeptCopyNow(personId, articleId, copy)
      void writeKeptCopy(personId, articleId, copy)
    }
    const onLeave = () => keep(true)
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') keep(true)
    }
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      clearTimeout(settleTimer)
      settleTimer = setTimeout(() => {
        if (isAllSent()) base = readSharedParts(doc)
      }, settledMs)
      if (origin === provider) return
      clearTimeout(keepTimer)
      keepTimer = setTimeout(() => keep(), keepAfterMs)
    }
    const onUnsynced = () => {
      if (!isAllSent()) return
      sentVector = Y.encodeStateVector(doc)
      if (!keptRef.current) return
      keptRef.current = false
      void clearKeptCopy(personId, articleId).then(() => setKeeping(keptRef.current))
    }
    doc.on('update', onUpdate)
    provider.on('unsyncedChanges', onUnsynced)
    window.addEventListener('pagehide', onLeave)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      doc.off('update', onUpdate)
      provider.off('unsyncedChanges', onUnsynced)
      window.removeEventListener('pagehide', onLeave)
      document.removeEventListener('visibilitychange', onVisibility)
      keep()
      clearTimeout(settleTimer)
    }
  }, [story, canChange, personId, articleId])

  useEffect(() => {
    const copy = pendingRef.current
    if (!story || !canChange || !copy) return
    pendingRef.current = null
    waitsRef.current = false
    // Taken in as this person's typing: kept again, then dropped, as any keystroke.
    if (takeKeptCopy(copy, story.doc, fieldsRef.current, 'kept-copy') === 'held') {
      keptRef.current = false
      void clearKeptCopy(personId, articleId).then(() => setKeeping(keptRef.current))
    }
  }, [story, canChange, opened, fieldsRef, personId, articleId, waitsRef])

  return { opened, isKeeping }
}
