// Every time the desk shows. The newsroom's clock is UTC: a page says so in a column heading or
// after the time. What happens on this device (a copy it kept, a save just made) is told in the
// browser's own time zone instead.

const whenFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const dayFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })

/** "3 Dec 2026, 14:05": a moment, in UTC. */
export function formatWhen(at: Date): string {
  return whenFormat.format(at)
}

/** "3 Dec 2026": a day, in UTC. */
export function formatDay(at: Date): string {
  return dayFormat.format(at)
}

/** "10:42": the 24-hour clock in the browser's time zone, whatever its locale. */
export function clockTime(at: Date): string {
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`
}

/** A moment as this browser words it, in its own locale and time zone. */
export function deviceTime(at: Date): string {
  return at.toLocaleString()
}
