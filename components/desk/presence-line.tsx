'use client'

import { useEffect, useState } from 'react'
import { z } from 'zod'
import { notify, requestJson } from './json-client'

const everyMs = 15_000

/** What `POST /desk/articles/[id]/presence` answers. */
const presenceSchema = z.object({ others: z.array(z.string()) })

/**
 * Who else has this story open. Saying "I have it open" every few seconds keeps this person on
 * the others' lines; the story's events (`live`) tell who the others are as soon as it changes.
 */
export function PresenceLine({ articleId, live }: { articleId: number; live: string[] | null }) {
  const [pinged, setOthers] = useState<string[]>([])
  const others = live ?? pinged

  useEffect(() => {
    let isActive = true
    const url = `/desk/articles/${articleId}/presence`
    const ping = async () => {
      const answer = await requestJson(url, { method: 'POST', schema: presenceSchema })
      // Offline or refused: the save status line already says what matters.
      if (answer.ok && answer.status < 400 && isActive) setOthers(answer.data.others)
    }
    // Closing the story, or leaving it for another page of the desk, tells the others at once;
    // a page brought back from the browser's cache says it is back.
    const leave = () => notify(url, { method: 'DELETE', keepalive: true })
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
