import { describe, expect, it } from 'vitest'
import { nextAttemptAt, retryDelayMs, retryWindowMs } from './backoff'

const seconds = (ms: number) => ms / 1000

describe('the retry schedule', () => {
  it('doubles from 15 seconds up to an hour', () => {
    // With no jitter taken off (random = 0): the full delay.
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map((attempts) => seconds(retryDelayMs(attempts, 0)))).toEqual([
      15, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ])
  })

  it('takes up to half of each delay off at random, so that failures together are not retried together', () => {
    expect(seconds(retryDelayMs(1, 0.5))).toBe(11.25)
    expect(seconds(retryDelayMs(3, 0.999_999))).toBeCloseTo(30, 1)
    for (let attempts = 1; attempts < 12; attempts++) {
      const delay = retryDelayMs(attempts, Math.random())
      expect(delay).toBeGreaterThanOrEqual(retryDelayMs(attempts, 0) / 2)
      expect(delay).toBeLessThanOrEqual(retryDelayMs(attempts, 0))
    }
  })

  it('gives up when the next attempt would fall after the delivery’s day', () => {
    const start = new Date('2031-01-05T08:00:00Z')
    const giveUpAt = new Date(start.getTime() + retryWindowMs)
    expect(nextAttemptAt(1, start, giveUpAt, 0)).toEqual(new Date(start.getTime() + 15_000))
    const lateInTheDay = new Date(giveUpAt.getTime() - 40 * 60_000)
    expect(nextAttemptAt(12, lateInTheDay, giveUpAt, 0)).toBeNull()
    expect(nextAttemptAt(12, lateInTheDay, giveUpAt, 0.99)).toEqual(new Date(lateInTheDay.getTime() + 1_818_000))
  })

  it('keeps trying for a day: about thirty attempts', () => {
    const start = new Date('2031-01-05T08:00:00Z')
    const giveUpAt = new Date(start.getTime() + retryWindowMs)
    let attempts = 0
    for (let at: Date | null = start; at; at = nextAttemptAt(attempts, at, giveUpAt, 0)) attempts++
    expect(attempts).toBe(31)
  })
})
