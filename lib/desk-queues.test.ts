import { describe, expect, it } from 'vitest'
import { formatWaiting } from './desk-queues'

const now = new Date('2030-04-10T12:00:00Z')
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000)

describe('how long a story has waited', () => {
  it('says minutes within the hour, hours and minutes within the day', () => {
    expect(formatWaiting(ago(0.5), now)).toBe('under a minute')
    expect(formatWaiting(ago(1), now)).toBe('1 min')
    expect(formatWaiting(ago(59), now)).toBe('59 min')
    expect(formatWaiting(ago(60), now)).toBe('1 h')
    expect(formatWaiting(ago(200), now)).toBe('3 h 20 min')
  })

  it('says days and hours within the week, whole days after it', () => {
    expect(formatWaiting(ago(24 * 60), now)).toBe('1 day')
    expect(formatWaiting(ago(28 * 60 + 59), now)).toBe('1 day 4 h')
    expect(formatWaiting(ago(2 * 24 * 60), now)).toBe('2 days')
    expect(formatWaiting(ago(12 * 24 * 60 + 300), now)).toBe('12 days')
  })

  it('never shows a negative wait when clocks disagree', () => {
    expect(formatWaiting(ago(-5), now)).toBe('under a minute')
  })
})
