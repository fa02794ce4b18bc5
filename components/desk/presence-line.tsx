'use client'

import { useEffect, useState } from 'react'

const everyMs = 15_000

/** Who else has this story open, asked every few seconds. */
export function PresenceLine({ articleId }: { articleId: number }) {
  const [others, setOthers] = useState<string[]>([])

  useEffect(() => {
    let isActive = true
    const ping = async () => {
      try {
        const response = await fetch(`/desk/articles/${articleId}/presence`, { method: 'POST' })
        if (!response.ok) return
        const answer = (await response.json()) as { others: string[] }
        if (isActive) setOthers(answer.others)
      } catch {
        // Offline: the save status line already says so.
      }
    }
    // Closing the story, or leaving it for another page of the desk, tells the others at once;
    // a page brought back from the browser's cache says it is back.
    const leave = () => void fetch(`/desk/articles/${articleId}/presence`, { method: 'DELETE', keepalive: true }).catch(() => undefined)
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void ping()
    }
    void ping()
    const interval = setInterval(ping, everyMs)
    window.addEventListener('pagehide', leave)
    window.addEventListener('pageshow', onPageShow)
    return () => {
      isActive = false
      clearInterval(interval)
      window.removeEventListener('pagehide', leave)
      window.removeEventListener('pageshow', onPageShow)
      leave()
    }
  }, [articleId])

  if (others.length === 0) return null
  return <p className="presence">Also editing: {others.join(', ')}</p>
}
