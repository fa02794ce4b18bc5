'use client'

import { formatClock, formatDay, formatWhen } from '@/lib/clock'
import { useTimeZone } from './time-zone'

const formats = { when: formatWhen, day: formatDay, clock: formatClock } as const

type DateTimeProps = {
  /** A Date, or an ISO 8601 string (as JSON carries it). */
  value: Date | string
  /** `when` "3 Dec 2026, 10:41 Beirut", `day` "3 Dec 2026", `clock` "10:41 Beirut": in the person's zone (lib/clock.ts). */
  format?: keyof typeof formats
}

/** A time for people to read, in the desk's one clock, marked up with the exact moment for machines. */
export function DateTime({ value, format = 'when' }: DateTimeProps) {
  const zone = useTimeZone()
  const at = typeof value === 'string' ? new Date(value) : value
  return <time dateTime={at.toISOString()}>{formats[format](at, zone)}</time>
}
