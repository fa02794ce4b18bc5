'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { clearLocalDraft, keepLocalDraftNow, writeLocalDraft } from './local-draft'
import { whenPageLeaves } from '@/components/ui/page-leave'
import { sendSave } from './send-save'
import { type OtherVersion, type SaveResponse, type StoryDraft } from '@/lib/story-draft'
import type { ApprovalAfterEdit } from '@/lib/approval'

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  | { kind: 'refused'; reason: RefusalReason; message: string; field?: string }
  | { kind: 'missing'; message: string }
  | { kind: 'conflict'; other: OtherVersion }

/** How long after the last keystroke an autosave starts. */
const pauseMs = 1500
/** How long after the last keystroke the device copy is written: cheap, so nearly at once. */
const deviceCopyMs = 300
/** How soon a save that failed for lack of a connection is tried again. */
const retryMs = 10_000

/** Why the server refused a save, other than a conflict or a deleted story. */
export type RefusalReason = Exclude<Extract<SaveResponse, { ok: false }>['reason'], 'conflict' | 'missing'>

type Options = {
  articleId: number
  version: number
  /** The story's latest revision when the page was made. */
  revisionNumber: number
  /** The story's text at `version`, as the form holds it: what a merge starts from. */
  initial: StoryDraft
  collect: () => StoryDraft
  /** Called when a save is refused as stale, with the version now current. */
  onConflict: (other: OtherVersion) => void
  /** On an approved story: whether the next save approves the edit too (components/desk/approval-notice.tsx). */
  wantsApproval?: () => boolean
  /** Told when a save approved the edit too, or sent the story back to review. */
  onApproval?: (approval: ApprovalAfterEdit) => void
  /** Whether this browser saves the headline, standfirst and body alone (not through the sync server). */
  isAlone?: () => boolean
}
type SaveOptions = { baseVersion?: number; isClosing?: boolean }

/**
 * Saves the story a moment after the writer pauses, when the page is hidden or closed, and on
 * demand. Every change is first kept on this device; the device copy goes once the server has the
 * same edits. A stale version is never overwritten: the status turns to `conflict`, and the caller
 * merges (components/desk/use-story-merge.ts) and calls `resolve`.
 */
export function useStoryAutosave(props: Options) {
  const { articleId, version, revisionNumber: openedRevision, initial, collect, onConflict, wantsApproval, onApproval, isAlone } = props
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' })
  const [revisionNumber, setRevisionNumber] = useState(openedRevision)
  const [isDeviceCopyFailed, setDeviceCopyFailed] = useState(false)
  const baseVersion = useRef(version)
  // The text at `baseVersion`, and a version set aside in a conflict that the next save stores.
  const baseDraft = useRef(initial)
  const setAside = useRef<StoryDraft | null>(null)
  const changeCount = useRef(0)
  const savedCount = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const copyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saving = useRef<Promise<void> | null>(null)
  const blocked = useRef(false)
  // A conflict or a deleted story: saving again waits for the writer to decide.
  const awaitsDecision = useRef(false)
  // The retry timer calls the latest `save` through this.
  const saveRef = useRef<(kind: 'autosave' | 'save') => Promise<void>>(async () => {})

  /** Writes the device copy; `isClosing`: the page is going, so a synchronous copy is made too. */
  const keepLocally = useCallback(
    (isClosing = false) => {
      clearTimeout(copyTimer.current)
      const copy = { draft: collect(), baseVersion: baseVersion.current, keptAt: new Date().toISOString(), base: baseDraft.current }
      if (isClosing) keepLocalDraftNow(articleId, copy)
      void writeLocalDraft(articleId, copy).then((isKept) => setDeviceCopyFailed(!isKept))
    },
    [articleId, collect],
  )

  const forgetLocally = useCallback(async () => {
    clearTimeout(copyTimer.current)
    await clearLocalDraft(articleId)
    setDeviceCopyFailed(false)
  }, [articleId])

  const save = useCallback(
    async (kind: 'autosave' | 'save', options: SaveOptions = {}): Promise<void> => {
      // The page is going: a save already on its way is the last one; the device copy has the rest.
      if (options.isClosing && saving.current) return
      clearTimeout(timer.current)
      if (saving.current) await saving.current
      if (kind === 'autosave' && (blocked.current || changeCount.current === savedCount.current)) return
      const sentCount = changeCount.current
      const draft = collect()
      setStatus({ kind: 'saving' })
      const run = (async () => {
        const aside = setAside.current ?? undefined
        const request = {
          draft,
          baseVersion: options.baseVersion ?? baseVersion.current,
          kind,
          setAside: aside,
          approveAgain: wantsApproval?.() ?? false,
          alone: isAlone?.() ?? true,
        }
        const answer = await sendSave(articleId, request, options.isClosing ?? false)
        if (answer === 'offline') {
          keepLocally()
          setStatus({ kind: 'offline' })
          timer.current = setTimeout(() => void saveRef.current('autosave'), retryMs)
          return
        }
        if (answer.ok) {
          baseVersion.current = answer.version
          baseDraft.current = draft
          if (setAside.current === aside) setAside.current = null
          setRevisionNumber(answer.revisionNumber)
          if (answer.approval !== 'none') onApproval?.(answer.approval)
          savedCount.current = sentCount
          blocked.current = false
          awaitsDecision.current = false
          if (changeCount.current === sentCount) {
            void forgetLocally()
            setStatus({ kind: 'saved', at: new Date(answer.savedAt) })
          } else {
            keepLocally()
            setStatus({ kind: 'unsaved' })
          }
          return
        }
        keepLocally()
        // Until the writer changes something or decides, autosave would only be refused again.
        blocked.current = true
        awaitsDecision.current = answer.reason === 'conflict' || answer.reason === 'missing'
        if (answer.reason === 'conflict') {
          setStatus({ kind: 'conflict', other: answer.current })
          onConflict(answer.current)
        } else if (answer.reason === 'missing') setStatus({ kind: 'missing', message: answer.message })
        else setStatus({ kind: 'refused', reason: answer.reason, message: answer.message, field: answer.field })
      })()
      saving.current = run
      try {
        await run
      } finally {
        saving.current = null
      }
    },
    [articleId, collect, keepLocally, forgetLocally, onConflict, wantsApproval, onApproval, isAlone],
  )

  useEffect(() => {
    saveRef.current = save
  }, [save])

  /** Call on every edit. */
  const markChanged = useCallback(() => {
    changeCount.current += 1
    if (!awaitsDecision.current) blocked.current = false
    setStatus((current) =>
      current.kind === 'unsaved' || current.kind === 'conflict' || current.kind === 'offline' || current.kind === 'missing'
        ? current
        : { kind: 'unsaved' },
    )
    clearTimeout(copyTimer.current)
    copyTimer.current = setTimeout(() => keepLocally(), deviceCopyMs)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void save('autosave'), pauseMs)
  }, [keepLocally, save])

  useEffect(() => {
    const isUnsaved = () => changeCount.current !== savedCount.current
    const onLeave = () => {
      if (!isUnsaved()) return
      keepLocally(true)
      void save('autosave', { isClosing: true })
    }
    const onOnline = () => void save('autosave')
    const stopListening = whenPageLeaves(onLeave)
    window.addEventListener('online', onOnline)
    return () => {
      stopListening()
      window.removeEventListener('online', onOnline)
      // Leaving for another page of the desk saves too, as closing the page does.
      onLeave()
      clearTimeout(timer.current)
    }
  }, [keepLocally, save])

  /**
   * After a conflict, once the form holds the merged text: saves it on top of `other`, whose text
   * (as the form holds it) is `theirs`; `aside`, a version the person chose not to keep, is stored too.
   */
  const resolve = useCallback(
    (other: OtherVersion, theirs: StoryDraft, aside?: StoryDraft) => {
      baseVersion.current = other.version
      baseDraft.current = theirs
      if (aside) setAside.current = aside
      blocked.current = false
      awaitsDecision.current = false
      return save('save')
    },
    [save],
  )

  /** Another person's save, shown in the form of someone with nothing unsaved: it is the new base. */
  const adoptSaved = useCallback((other: OtherVersion, theirs: StoryDraft) => {
    baseVersion.current = other.version
    baseDraft.current = theirs
    setRevisionNumber(other.revisionNumber)
  }, [])

  /** Whether the form has edits the server does not have yet (or is saving them). */
  const isUnsaved = useCallback(() => changeCount.current !== savedCount.current || saving.current !== null, [])
  /** Waits for a save under way, if any. */
  const settled = useCallback(async () => {
    while (saving.current) await saving.current
  }, [])

  /**
   * Saves text recovered from this device against the version it was written from: when someone
   * saved since, the save is refused and the conflict shown, instead of overwriting theirs.
   */
  const saveRecovered = useCallback(
    (fromVersion: number, base: StoryDraft | undefined) => {
      baseVersion.current = fromVersion
      if (base) baseDraft.current = base
      blocked.current = false
      awaitsDecision.current = false
      return save('save')
    },
    [save],
  )

  /** After the edits were saved elsewhere (as a new story): nothing is left to save here. */
  const settle = useCallback(() => {
    clearTimeout(timer.current)
    savedCount.current = changeCount.current
    return forgetLocally()
  }, [forgetLocally])

  /** Saves any pending edits now; true when the server has everything. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (changeCount.current !== savedCount.current) await save('save')
    return changeCount.current === savedCount.current
  }, [save])

  /** The version the next save starts from, and its text. */
  const currentVersion = useCallback(() => baseVersion.current, [])
  const currentBase = useCallback(() => baseDraft.current, [])
  /** After the story moved on without a save (a workflow step): save from its new version. */
  const adoptVersion = useCallback((next: number) => {
    baseVersion.current = next
  }, [])

  return {
    ...{
      status,
      revisionNumber,
      isDeviceCopyFailed,
      save,
      markChanged,
      resolve,
      adoptSaved,
      isUnsaved,
      settled,
      saveRecovered,
      settle,
      flush,
    },
    ...{ currentVersion, currentBase, adoptVersion },
  }
}
