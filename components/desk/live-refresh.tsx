'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'
import { notificationsEvent } from './notification-badge'

/** Refreshes the page when the desk bar hears of a new notification: the notifications page stays live. */
export function RefreshOnNotification() {
  const router = useRouter()
  useEffect(() => {
    const refresh = () => router.refresh()
    window.addEventListener(notificationsEvent, refresh)
    return () => window.removeEventListener(notificationsEvent, refresh)
  }, [router])
  return null
}
