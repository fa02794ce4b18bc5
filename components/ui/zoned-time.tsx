import { type TimeZone, formatClock, formatDay, formatWhen } from '@/lib/clock'

const formats = { when: formatWhen, day: formatDay, clock: formatClock } as const

export type ZonedTimeProps = {
  /** A Date, or an ISO 8601 string (as JSON carries it). */
  value: Date | string
  /** `when` "3 Dec 2026, 10:41 Beirut", `day` "3 Dec 2026", `clock` "10:41 Beirut": in the person's zone (lib/clock.ts). */
  format?: keyof typeof formats
}

/**
 * A time for people to read in a zone the caller already knows, marked up with the exact moment
 * for machines. A server page that has the person's zone (lib/settings.ts `viewerTimeZone`) renders
 * it as it is, with no client component per time (the desk's lists: one per row); `DateTime`
 * (date-time.tsx) renders it with the zone of the desk's provider.
 */
export function ZonedTime({ value, zone, format = 'when' }: ZonedTimeProps & { zone: TimeZone }) {
  const at = typeof value === 'string' ? new Date(value) : value
  return <time dateTime={at.toISOString()}>{formats[format](at, zone)}</time>
}
