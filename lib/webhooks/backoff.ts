// When a delivery that failed is tried again: exponential backoff with jitter, for a day.

/** A delivery is retried for this long after its event (or after an admin resends it), then marked failed. */
export const retryWindowMs = 24 * 60 * 60_000

const firstDelayMs = 15_000
const longestDelayMs = 60 * 60_000

/**
 * The wait after the `attempts`-th failed attempt: 15 s doubled at each attempt, at most an hour,
 * then a random part of it taken off (up to half), so that endpoints that failed together are not
 * all tried again at the same instant. `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, random: number = Math.random()): number {
  const full = Math.min(longestDelayMs, firstDelayMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(full * (1 - random / 2))
}

/** When to try again after the `attempts`-th failure, or null when that falls after `giveUpAt`: the delivery has failed. */
export function nextAttemptAt(attempts: number, now: Date, giveUpAt: Date, random: number = Math.random()): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(attempts, random))
  return next.getTime() > giveUpAt.getTime() ? null : next
}
