'use client'

import { type TimeFormat, TimeAt } from './time-at'
import { useTimeZone } from './time-zone'

type DateTimeProps = {
  /** A Date, or an ISO 8601 string (as JSON carries it). */
  value: Date | string
  /** `when` "3 Dec 2026, 10:41 Beirut", `day` "3 Dec 2026", `clock` "10:41 Beirut": in the person's zone (lib/clock.ts). */
  format?: TimeFormat
}

/** A time for people to read, in the desk's one clock, marked up with the exact moment for machines. */
export function DateTime({ value, format = 'when' }: DateTimeProps) {
  const zone = useTimeZone()
  return <TimeAt at={typeof value === 'string' ? new Date(value) : value} zone={zone} format={format} />
}
