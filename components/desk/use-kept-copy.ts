'use client'

import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { RichTextDoc } from '@/db/schema'
import type { KeptCopy } from '@/lib/collab/kept-copy'
import type { KeptCopyWriter } from './kept-copy-store'
import { loadSharingCode, sharingCode } from './sharing-code'
import { whenPageLeaves } from '@/components/ui/page-leave'
import type { StoryFields } from './story-settings'
import type { SharedStory } from './use-story-collab'

/** How long after a keystroke the server must have stored it, or it is kept on the device. */
const keepAfterMs = 300
/** How long the shared text must be still (and all stored) before it is the copy's base again. */
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

/** A copy found when the story opened, and the document it was made from, typed on into until the shared story opens. */
type WaitingCopy = { copy: KeptCopy; doc: Y.Doc }

/**
 * Keeps on this device what the person typed into the shared story and the sync server has not
 * stored yet (lib/collab/kept-copy.ts), so that a reload or a closed tab while cut off, or the
 * server and the browser both lost before the server stored it, loses none of it: written 300 ms
 * after a keystroke no store holds, dropped once the server tells of a store that holds all of it
 * (lib/collab/stored.ts). `isKeeping` says so while the server has not even answered.
 * A copy found when the story opens is rebuilt as the document it was made from (`waiting`), which
 * the person types on into while the shared story opens: that typing is kept too, as the same
 * copy made again. Then it all goes into the shared story, once, as the commit that opens the
 * story lays out (layout effects): before the body editor moves from the copy's document to the
 * shared one in its own effect (components/editor/collaboration.ts), so that its caret finds its
 * words there. A key typed into the copy's document between the two goes in after it. `waitsRef`
 * is true meanwhile: the page keeps trying the sync server rather than edit alone, so the copy
 * goes into the shared document and nowhere else.
 */
export function useKeptCopy({ articleId, personId, isEnabled, story, canChange, fieldsRef, waitsRef }: Options) {
  const [waiting, setWaiting] = useState<WaitingCopy | null>(null)
  const [isKeeping, setKeeping] = useState(false)
  const writer = useMemo(() => writerOnFirstUse(personId, articleId), [personId, articleId])
  // Whether a copy is on the device now, to be dropped once the server has everything.
  const keptRef = useRef(false)
  // The waiting copy once it went into the shared story or to the form: it goes once.
  const goneRef = useRef<WaitingCopy | null>(null)
  // Set while the shared story is followed: a copy taken in is kept until a store is known to hold
  // the document as it was then (the server may hold it only in memory).
  const takenInRef = useRef<((copy: KeptCopy) => void) | null>(null)

  useEffect(() => {
    if (!isEnabled) return
    let isActive = true
    void (async () => {
      // Without its code, the page cannot write together (use-story-collab.ts gives up): nothing waits.
      const code = await loadSharingCode().catch(() => null)
      const copy = code && (await code.readKeptCopy(personId, articleId))
      if (!isActive || !code || !copy) return
      waitsRef.current = true
      keptRef.current = true
      setWaiting({ copy, doc: code.keptDocOf(copy) })
      setKeeping(true)
    })()
    return () => {
      isActive = false
    }
  }, [articleId, personId, isEnabled, waitsRef])

  // Declared first, so that it runs first: the merge below is typing it keeps, like any other.
  useLayoutEffect(() => {
    if (!story || !canChange) return
    const { doc, provider } = story
    const {
      askStoredMessage,
      encodeStateAsUpdate,
      encodeStateVector,
      holdsUpdates,
      readSharedParts,
      snapshot,
      snapshotContainsUpdate,
      storedSnapshotOf,
    } = sharingCode()
    const connection = provider.configuration.websocketProvider
    // What the server has stored: in Yjs terms as its last store told, as text when the text last
    // settled with all of it stored (reading it is the cost of a whole body, so not on every keystroke).
    let sentVector = encodeStateVector(doc)
    let base = readSharedParts(doc)
    // This person's changes (Yjs updates) that no store told of holds yet.
    let unstored: Uint8Array[] = []
    let isSettled = true
    let keepTimer: ReturnType<typeof setTimeout> | undefined
    let settleTimer: ReturnType<typeof setTimeout> | undefined
    const isAllSent = () => !provider.hasUnsyncedChanges && connection.status === 'connected'
    /** Writes the copy; `isClosing`: the page is going, so a synchronous copy is made too. */
    const keep = (isClosing = false) => {
      clearTimeout(keepTimer)
      if (unstored.length === 0) return
      keptRef.current = true
      if (!isAllSent()) setKeeping(true)
      if (isClosing) writer.keepNow(doc, sentVector, base)
      void writer.keep(doc, sentVector, base)
    }
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      isSettled = false
      clearTimeout(settleTimer)
      settleTimer = setTimeout(() => {
        isSettled = true
        if (unstored.length === 0) base = readSharedParts(doc)
      }, settledMs)
      if (origin === provider) return
      unstored.push(update)
      clearTimeout(keepTimer)
      keepTimer = setTimeout(() => keep(), keepAfterMs)
    }
    // Answered: the notice goes, the copy stays until a store holds it.
    const onUnsynced = () => {
      if (isAllSent()) setKeeping(false)
    }
    const onStateless = ({ payload }: { payload: string }) => {
      const stored = storedSnapshotOf(payload)
      if (!stored) return
      sentVector = encodeStateVector(stored.sv)
      if (!holdsUpdates(stored, unstored)) return
      unstored = []
      clearTimeout(keepTimer)
      if (isSettled) base = readSharedParts(doc)
      if (!keptRef.current) return
      keptRef.current = false
      void writer.clear().then(() => setKeeping(keptRef.current))
    }
    takenInRef.current = (copy) => {
      // The copy's Yjs changes are in the document: a store must hold them, and what a store was
      // known to hold when it was made still stands. Its text merged into a document it was not
      // made from (changed or not): a store must hold the document as it is now.
      if (snapshotContainsUpdate(snapshot(doc), copy.state)) {
        sentVector = copy.sentVector
        base = copy.base
        unstored.push(copy.state)
      } else unstored.push(encodeStateAsUpdate(doc))
      // No store may follow (nothing changed): the server tells what is stored now.
      provider.sendStateless(askStoredMessage)
    }
    doc.on('update', onUpdate)
    provider.on('unsyncedChanges', onUnsynced)
    provider.on('stateless', onStateless)
    const stopListening = whenPageLeaves(() => keep(true))
    return () => {
      takenInRef.current = null
      doc.off('update', onUpdate)
      provider.off('unsyncedChanges', onUnsynced)
      provider.off('stateless', onStateless)
      stopListening()
      keep()
      clearTimeout(settleTimer)
    }
  }, [story, canChange, writer])

  useLayoutEffect(() => {
    if (!waiting || goneRef.current === waiting) return
    const { copy, doc } = waiting
    const { keptCopyOf, takeKeptCopy } = sharingCode()
    /** The copy made again from its document: what it held, and what was typed into it since. */
    const again = () => keptCopyOf(doc, copy.sentVector, copy.base)
    if (story && canChange) {
      waitsRef.current = false
      goneRef.current = waiting
      let taken = again()
      // Taken in as this person's typing: kept again, then dropped once a store holds it, like every keystroke.
      takeKeptCopy(taken, story.doc, fieldsRef.current, 'kept-copy')
      takenInRef.current?.(taken)
      // Typed into the copy's document since (before the editor moved): in after it, from where it was.
      const takeLater = () => {
        const later = keptCopyOf(doc, taken.vector, taken.parts)
        takeKeptCopy(later, story.doc, fieldsRef.current, 'kept-copy')
        taken = later
      }
      doc.on('update', takeLater)
      return () => doc.off('update', takeLater)
    }
    let keepTimer: ReturnType<typeof setTimeout> | undefined
    let isUnkept = false
    /** Writes the copy again; `isClosing`: the page is going, so a synchronous copy is made too. */
    const keep = (isClosing = false) => {
      clearTimeout(keepTimer)
      isUnkept = false
      // Handed to the form: the copy left the device and must not come back.
      if (goneRef.current === waiting) return
      if (isClosing) writer.keepNow(doc, copy.sentVector, copy.base)
      void writer.keep(doc, copy.sentVector, copy.base)
    }
    const onUpdate = () => {
      isUnkept = true
      clearTimeout(keepTimer)
      keepTimer = setTimeout(() => keep(), keepAfterMs)
    }
    doc.on('update', onUpdate)
    const stopListening = whenPageLeaves(() => keep(true))
    return () => {
      doc.off('update', onUpdate)
      stopListening()
      if (isUnkept) keep()
    }
  }, [waiting, story, canChange, fieldsRef, writer, waitsRef])

  /**
   * The form takes over what the waiting copy holds (the sync server turned the person away before
   * the shared story opened): its body is answered, and the copy leaves the device, the form's to
   * save now (and to keep on the device if it cannot).
   */
  const handOver = useCallback((): RichTextDoc | null => {
    if (!waiting || goneRef.current === waiting) return null
    waitsRef.current = false
    keptRef.current = false
    goneRef.current = waiting
    void writer.clear().then(() => setKeeping(keptRef.current))
    return sharingCode().readSharedParts(waiting.doc).body
  }, [waiting, waitsRef, writer])

  return { waiting: waiting?.doc ?? null, isKeeping, handOver }
}

/**
 * A writer of the kept copy, made when first used: by then there is a shared document, and so the
 * code of writing together (sharing-code.ts), which a page that edits alone never loads.
 */
function writerOnFirstUse(personId: number, articleId: number): Pick<KeptCopyWriter, 'keep' | 'keepNow' | 'clear'> {
  let writer: KeptCopyWriter | null = null
  const made = () => (writer ??= new (sharingCode().KeptCopyWriter)(personId, articleId))
  return {
    keep: (...args) => made().keep(...args),
    keepNow: (...args) => made().keepNow(...args),
    clear: () => made().clear(),
  }
}
