// Requests per token: a fixed window in this process's memory. With several instances each
// counts its own share (the README says "per instance"); a shared counter would need Redis.

export type RateLimitSettings = { limit: number; windowMs: number }

/** The default: 120 requests a minute per token, per instance. */
export const defaultRateLimit: RateLimitSettings = { limit: 120, windowMs: 60_000 }

/** What the client is told: how many a window allows, how many are left, and in how many seconds the window resets. */
export type RateLimitState = { allowed: boolean; limit: number; remaining: number; resetSeconds: number }

type Window = { startedAt: number; count: number }

export class RateLimiter {
  private readonly windows = new Map<number, Window>()

  constructor(private readonly settings: RateLimitSettings = defaultRateLimit) {}

  /** Counts one request of the token at `now`, and says whether it is within the limit. */
  take(tokenId: number, now = Date.now()): RateLimitState {
    const { limit, windowMs } = this.settings
    let window = this.windows.get(tokenId)
    if (!window || now - window.startedAt >= windowMs) {
      window = { startedAt: now, count: 0 }
      this.windows.set(tokenId, window)
      if (this.windows.size > 10_000) this.forgetOld(now)
    }
    const allowed = window.count < limit
    if (allowed) window.count += 1
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000))
    return { allowed, limit, remaining: limit - window.count, resetSeconds }
  }

  private forgetOld(now: number): void {
    for (const [id, window] of this.windows) if (now - window.startedAt >= this.settings.windowMs) this.windows.delete(id)
  }
}

/** The headers that tell a client where it stands (draft-ietf-httpapi-ratelimit-headers), and Retry-After when refused. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-limit': String(state.limit),
    'ratelimit-remaining': String(state.remaining),
    'ratelimit-reset': String(state.resetSeconds),
  }
  if (!state.allowed) headers['retry-after'] = String(state.resetSeconds)
  return headers
}
