import { type TimeZone, formatClock, formatDay, formatWhen } from '@/lib/clock'

const formats = { when: formatWhen, day: formatDay, clock: formatClock } as const

export type TimeFormat = keyof typeof formats

type TimeAtProps = {
  at: Date
  zone: TimeZone
  /** `when` "3 Dec 2026, 10:41 Beirut", `day` "3 Dec 2026", `clock` "10:41 Beirut" (lib/clock.ts). */
  format?: TimeFormat
}

/**
 * A time for people to read in a zone given, marked up with the exact moment for machines. No
 * hooks: a server component (the desk's list rows) renders it with the viewer's zone, without a
 * client component per row; `DateTime` renders it with the zone of the page's context.
 */
export function TimeAt({ at, zone, format = 'when' }: TimeAtProps) {
  return <time dateTime={at.toISOString()}>{formats[format](at, zone)}</time>
}
