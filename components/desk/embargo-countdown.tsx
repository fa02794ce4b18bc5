'use client'

import { useEffect, useState } from 'react'
import { countOf } from '@/lib/words'

const hour = 60 * 60 * 1000

/** In the embargo's last hour, the minutes left, kept current; nothing before that or after it. */
export function EmbargoCountdown({ until }: { until: string }) {
  const end = new Date(until).getTime()
  const [now, setNow] = useState<number | null>(null)
  useEffect(() => {
    const tick = () => setNow(Date.now())
    tick()
    const timer = setInterval(tick, 15_000)
    return () => clearInterval(timer)
  }, [])
  if (now === null || end - now > hour || end <= now) return null
  return <strong className="badge">lifts in {countOf(Math.max(1, Math.ceil((end - now) / 60_000)), 'minute')}</strong>
}
