'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { clearLocalDraft, writeLocalDraft } from './local-draft'
import type { OtherVersion, SaveResponse, StoryDraft } from '@/lib/story-draft'

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  | { kind: 'refused'; message: string }
  | { kind: 'conflict'; other: OtherVersion; mine: StoryDraft }

/** How long after the last keystroke an autosave starts. */
const pauseMs = 1500
/** How soon a save that failed for lack of a connection is tried again. */
const retryMs = 10_000

type Options = { articleId: number; version: number; collect: () => StoryDraft }

/**
 * Saves the story a moment after the writer pauses, when the page is hidden, and on demand.
 * Every change is first kept on this device; the device copy goes once the server has the same
 * edits. A stale version is never overwritten: the caller is shown the other version instead.
 */
export function useStoryAutosave({ articleId, version, collect }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' })
  const baseVersion = useRef(version)
  const changeCount = useRef(0)
  const savedCount = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saving = useRef<Promise<void> | null>(null)
  const blocked = useRef(false)
  const inConflict = useRef(false)
  // The retry timer calls the latest `save` through this.
  const saveRef = useRef<(kind: 'autosave' | 'save') => Promise<void>>(async () => {})

  const keepLocally = useCallback(() => {
    writeLocalDraft(articleId, { draft: collect(), baseVersion: baseVersion.current, keptAt: new Date().toISOString() })
  }, [articleId, collect])

  const save = useCallback(
    async (kind: 'autosave' | 'save', options: { baseVersion?: number } = {}): Promise<void> => {
      clearTimeout(timer.current)
      if (saving.current) await saving.current
      if (kind === 'autosave' && (blocked.current || changeCount.current === savedCount.current)) return
      const sentCount = changeCount.current
      const draft = collect()
      setStatus({ kind: 'saving' })
      const run = (async () => {
        const answer = await send(articleId, { draft, baseVersion: options.baseVersion ?? baseVersion.current, kind })
        if (answer === 'offline') {
          keepLocally()
          setStatus({ kind: 'offline' })
          timer.current = setTimeout(() => void saveRef.current('autosave'), retryMs)
          return
        }
        if (answer.ok) {
          baseVersion.current = answer.version
          savedCount.current = sentCount
          blocked.current = false
          inConflict.current = false
          if (changeCount.current === sentCount) {
            clearLocalDraft(articleId)
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
        inConflict.current = answer.reason === 'conflict'
        setStatus(answer.reason === 'conflict' ? { kind: 'conflict', other: answer.current, mine: draft } : { kind: 'refused', message: answer.message })
      })()
      saving.current = run
      try {
        await run
      } finally {
        saving.current = null
      }
    },
    [articleId, collect, keepLocally],
  )

  useEffect(() => {
    saveRef.current = save
  }, [save])

  /** Call on every edit. */
  const markChanged = useCallback(() => {
    changeCount.current += 1
    if (!inConflict.current) blocked.current = false
    setStatus((current) => (current.kind === 'conflict' || current.kind === 'offline' ? current : { kind: 'unsaved' }))
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      keepLocally()
      void save('autosave')
    }, pauseMs)
  }, [keepLocally, save])

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState !== 'hidden' || changeCount.current === savedCount.current) return
      keepLocally()
      void save('autosave')
    }
    const onOnline = () => void save('autosave')
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('pagehide', onHide)
    window.addEventListener('online', onOnline)
    return () => {
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('pagehide', onHide)
      window.removeEventListener('online', onOnline)
      clearTimeout(timer.current)
    }
  }, [keepLocally, save])

  /** After a conflict: save this device's version on top of the other one. */
  const keepMine = useCallback(
    (other: OtherVersion) => {
      blocked.current = false
      return save('save', { baseVersion: other.version })
    },
    [save],
  )

  /** Saves any pending edits now; true when the server has everything. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (changeCount.current !== savedCount.current) await save('save')
    return changeCount.current === savedCount.current
  }, [save])

  /** The version the next save starts from. */
  const currentVersion = useCallback(() => baseVersion.current, [])
  /** After the story moved on without a save (a workflow step): save from its new version. */
  const adoptVersion = useCallback((next: number) => {
    baseVersion.current = next
  }, [])

  return { status, save, markChanged, keepMine, flush, currentVersion, adoptVersion }
}

async function send(
  articleId: number,
  body: { draft: StoryDraft; baseVersion: number; kind: 'autosave' | 'save' },
): Promise<SaveResponse | 'offline'> {
  let response: Response
  try {
    response = await fetch(`/desk/articles/${articleId}/revisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      redirect: 'manual',
    })
  } catch {
    return 'offline'
  }
  if (response.type === 'opaqueredirect' || response.status === 401) {
    return { ok: false, reason: 'signed-out', message: 'You are signed out. Your changes are kept on this device: sign in again in another tab, then save.' }
  }
  try {
    return (await response.json()) as SaveResponse
  } catch {
    return response.status >= 500 ? 'offline' : { ok: false, reason: 'invalid', message: `The server refused the save (${response.status}).` }
  }
}
