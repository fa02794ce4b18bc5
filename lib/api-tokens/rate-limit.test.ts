import { describe, expect, it } from 'vitest'
import { RateLimiter, rateLimitHeaders } from './rate-limit'

describe('the rate limit per token', () => {
  it('lets a token make its limit of requests in a window, refuses the next, and starts again with the next window', () => {
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000 })
    expect(limiter.take(1, 0)).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 60 })
    expect(limiter.take(1, 1_000)).toMatchObject({ allowed: true, remaining: 0 })
    const refused = limiter.take(1, 30_000)
    expect(refused).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 30 })
    expect(rateLimitHeaders(refused)).toEqual({
      'ratelimit-limit': '2',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '30',
      'retry-after': '30',
    })
    expect(limiter.take(2, 30_000).allowed).toBe(true)
    expect(limiter.take(1, 60_000)).toMatchObject({ allowed: true, remaining: 1 })
  })

  it('sends no Retry-After while requests are allowed', () => {
    const state = new RateLimiter().take(7, 0)
    expect(rateLimitHeaders(state)['retry-after']).toBeUndefined()
  })
})
