// THE desk's clock: every time it shows is in one zone (the viewer's: their own choice, else the
// newsroom's), in one format, with the zone named ("3 Dec 2026, 10:41 Beirut"); every time typed
// into a field is read in the zone named beside it. Pure: the same functions run in the browser
// and on the server, so both always agree.

/** An IANA time zone name, such as "Asia/Beirut". */
export type TimeZone = string

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(zone: TimeZone, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`
  let found = formatters.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone })
    formatters.set(key, found)
  }
  return found
}

/** Whether this is a time zone the runtime knows ("Asia/Beirut", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '' || name.length > 64) return false
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** Every zone a person may choose, in alphabetical order. */
export function timeZoneChoices(): TimeZone[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')]
}

/** How the desk names a zone beside a time: its city ("Beirut", "New York"), or "UTC". */
export function zoneName(zone: TimeZone): string {
  if (/^(Etc\/)?(UTC|GMT|Universal|Zulu)$/.test(zone)) return 'UTC'
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ')
}

/** "3 Dec 2026, 10:41 Beirut": a moment. */
export function formatWhen(at: Date, zone: TimeZone): string {
  return `${formatter(zone, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(at)} ${zoneName(zone)}`
}

/** "3 Dec 2026": a day, as the calendar in that zone has it. */
export function formatDay(at: Date, zone: TimeZone): string {
  return formatter(zone, { dateStyle: 'medium' }).format(at)
}

/** "10:41 Beirut": a time of day, where the day goes without saying. */
export function formatClock(at: Date, zone: TimeZone): string {
  return `${formatter(zone, { timeStyle: 'short', hourCycle: 'h23' }).format(at)} ${zoneName(zone)}`
}

type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number }

function wallTime(at: Date, zone: TimeZone): WallTime {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }
  const parts = formatter(zone, options).formatToParts(at)
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((found) => found.type === type)?.value)
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

function fieldText(wall: WallTime): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`
}

/** A moment as a `datetime-local` field in that zone shows it: "2026-12-03T10:41:00". */
export function toFieldValue(at: Date, zone: TimeZone): string {
  return fieldText(wallTime(at, zone))
}

/** How far that zone's clock is ahead of UTC at this moment, in milliseconds. */
function offsetAt(at: number, zone: TimeZone): number {
  const wall = wallTime(new Date(at), zone)
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  return asUtc - Math.floor(at / 1000) * 1000
}

export type FieldTime = { ok: true; at: Date } | { ok: false; message: string }

const day = 24 * 60 * 60 * 1000

/**
 * The moment a `datetime-local` value means on that zone's clock. Where the clocks go back and a
 * time happens twice, the first; where they go forward and it never happens, a message that says so.
 */
export function fromFieldValue(value: string, zone: TimeZone): FieldTime {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!match) return { ok: false, message: 'Choose a date and a time.' }
  const number = (index: number) => Number(match[index] ?? '0')
  const wall = { year: number(1), month: number(2), day: number(3), hour: number(4), minute: number(5), second: number(6) }
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  if (fieldText(wallTime(new Date(asUtc), 'UTC')) !== fieldText(wall)) return { ok: false, message: 'That is not a date and time.' }
  const wanted = fieldText(wall)
  // The zone's offset a day either side of the time covers both sides of any clock change.
  const candidates = [...new Set([offsetAt(asUtc - day, zone), offsetAt(asUtc + day, zone)])]
    .map((offset) => asUtc - offset)
    .filter((at) => toFieldValue(new Date(at), zone) === wanted)
  if (candidates.length > 0) return { ok: true, at: new Date(Math.min(...candidates)) }
  return {
    ok: false,
    message: `${pad(wall.hour)}:${pad(wall.minute)} does not exist on that day in ${zoneName(zone)}: the clocks go forward. Choose another time.`,
  }
}
