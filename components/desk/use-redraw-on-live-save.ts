'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef } from 'react'

/** When the story went live as it is now: the last save then, and whether the desk was redrawn since. */
type LiveSince = { savedAt: Date | null; redrawn: boolean }

/**
 * The first save of a live story makes it an update: the desk then offers to publish it (or send
 * it for review), which only the server's page knows, so the page is redrawn once: once per time
 * the story is live as it is now (opened live, or published on this page). Answers what to call
 * after each workflow move, which starts that over.
 */
export function useRedrawOnFirstLiveSave(isLive: boolean, savedAt: Date | null): () => void {
  const router = useRouter()
  const liveSince = useRef<LiveSince | null>(null)
  useEffect(() => {
    if (!isLive) return
    liveSince.current ??= { savedAt, redrawn: false }
    const live = liveSince.current
    if (live.redrawn || savedAt === null || savedAt === live.savedAt) return
    live.redrawn = true
    router.refresh()
  }, [isLive, savedAt, router])
  return useCallback(() => {
    liveSince.current = null
  }, [])
}
