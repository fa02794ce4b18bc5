'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { z } from 'zod'
import { countOf } from '@/lib/words'

// The desk bar's link to the notifications page, with the unread count kept live by the person's
// stream (GET /desk/notifications/events, lib/notification-events.ts). Each new one is told to
// the page (`notificationsEvent`) so that the notifications list refreshes.

const newsSchema = z.object({ unread: z.number().int().min(0), latest: z.string().nullable() })

/** The window event the notifications page listens to. */
export const notificationsEvent = 'copydesk:notifications'

export function NotificationBadge({ unread: initial }: { unread: number }) {
  const [unread, setUnread] = useState(initial)
  // The page's own count wins when it is rendered again (after "Mark all read", or opening one).
  const [rendered, setRendered] = useState(initial)
  if (initial !== rendered) {
    setRendered(initial)
    setUnread(initial)
  }
  useEffect(() => {
    const source = new EventSource('/desk/notifications/events')
    source.addEventListener('notifications', (event: MessageEvent<string>) => {
      try {
        const news = newsSchema.safeParse(JSON.parse(event.data))
        if (!news.success) return
        setUnread(news.data.unread)
        if (news.data.latest) window.dispatchEvent(new Event(notificationsEvent))
      } catch {
        // A garbled event is dropped; the next one says the same or more.
      }
    })
    return () => source.close()
  }, [])
  return (
    <Link href="/desk/notifications">
      Notifications
      {unread > 0 && (
        <>
          {' '}
          <span className="badge role-admin" aria-hidden="true">
            {unread}
          </span>
          <span className="visually-hidden">({countOf(unread, 'unread notification')})</span>
        </>
      )}
    </Link>
  )
}
