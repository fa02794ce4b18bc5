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
    void ping()
    const interval = setInterval(ping, everyMs)
    return () => {
      isActive = false
      clearInterval(interval)
    }
  }, [articleId])

  if (others.length === 0) return null
  return <p className="presence">Also editing: {others.join(', ')}</p>
}
