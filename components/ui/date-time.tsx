import { clockTime, deviceTime, formatDay, formatWhen } from '@/lib/dates'

const formats = { when: formatWhen, day: formatDay, clock: clockTime, device: deviceTime } as const

type DateTimeProps = {
  /** A Date, or an ISO 8601 string (as JSON carries it). */
  value: Date | string
  /** `when` "3 Dec 2026, 14:05" and `day` "3 Dec 2026" in UTC; `clock` "14:05" and `device` in the browser's time zone. */
  format?: keyof typeof formats
  /** Adds " UTC", where no heading says which clock the time is on. */
  withZone?: boolean
}

/** A time for people to read, marked up with the exact moment for machines. */
export function DateTime({ value, format = 'when', withZone = false }: DateTimeProps) {
  const at = typeof value === 'string' ? new Date(value) : value
  return (
    <time dateTime={at.toISOString()}>
      {formats[format](at)}
      {withZone && ' UTC'}
    </time>
  )
}
