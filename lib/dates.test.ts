import { describe, expect, it } from 'vitest'
import { clockTime, formatDay, formatWhen } from './dates'

describe('desk dates', () => {
  const at = new Date('2026-12-03T23:05:00Z')

  it('gives a moment as day, month, year and time in UTC', () => {
    expect(formatWhen(at)).toBe('3 Dec 2026, 23:05')
  })

  it('gives a day in UTC', () => {
    expect(formatDay(new Date('2026-12-31T23:59:00Z'))).toBe('31 Dec 2026')
  })
})

describe('the time a save is shown with', () => {
  it('is on the 24-hour clock with two-digit hours and minutes', () => {
    expect(clockTime(new Date(2030, 2, 1, 9, 5))).toBe('09:05')
    expect(clockTime(new Date(2030, 2, 1, 22, 42))).toBe('22:42')
  })
})
