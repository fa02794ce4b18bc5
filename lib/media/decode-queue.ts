/**
 * The one place that decides how many images this process decodes at once, and how many uploads
 * it takes on at all. Decoding is the expensive part of an upload (a 10 MB photo is ~1 s of a
 * core and tens of MB of pixels); everything before it streams to disk and costs little memory.
 */

export type DecodeQueueSettings = {
  /** Images decoded and encoded at once: each keeps one core busy, so on two cores one is left for readers. */
  concurrency: number
  /**
   * Uploads taken on at once (receiving, waiting or decoding). Past it, an upload is answered
   * 503 with Retry-After at once, before its body is read.
   */
  maxAdmitted: number
  /** Also refused: an upload that would wait longer than this for its turn, at the recent pace of decoding. */
  maxWaitSeconds: number
}

/**
 * At most 64 uploads taken on (their temporary files are at most 64 × 25 MB of disk, never
 * memory), and none that would wait more than two minutes: a photo takes from ~1 s (a 12 MP JPEG
 * on an idle core) to ~10 s (10 MB of noise, on a busy machine) to make into every rendition, and
 * past two minutes the uploader is better served by "try again in N seconds" than by a request
 * that a proxy or the browser gives up on.
 */
export const defaultDecodeQueueSettings: DecodeQueueSettings = { concurrency: 2, maxAdmitted: 64, maxWaitSeconds: 120 }

/** A place taken by `admit()`; `release()` gives it back (twice is harmless). */
export type Admission = { release: () => void }

export type DecodeQueue = {
  /** Takes a place for an upload, or answers null when `maxAdmitted` are under way or the wait would be too long. */
  admit: () => Admission | null
  /** Runs `decode` when a slot is free; never more than `concurrency` at once. */
  run: <T>(decode: () => Promise<T>) => Promise<T>
  /** Seconds an upload turned away now should wait before trying again (at least 1). */
  retryAfterSeconds: () => number
  /** What is under way, for tests and the bench. */
  state: () => { admitted: number; decoding: number; waiting: number }
}

export function createDecodeQueue(settings: DecodeQueueSettings = defaultDecodeQueueSettings): DecodeQueue {
  let admitted = 0
  let decoding = 0
  const waiting: (() => void)[] = []
  // A running average of one decode's seconds, to tell a refused uploader how long the line is.
  let averageSeconds = 1.5

  const expectedWait = (ahead: number) => (ahead / settings.concurrency) * averageSeconds
  const admit = (): Admission | null => {
    if (admitted >= settings.maxAdmitted) return null
    if (admitted >= settings.concurrency && expectedWait(admitted - settings.concurrency + 1) > settings.maxWaitSeconds) return null
    admitted++
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        admitted--
      },
    }
  }

  const run = async <T>(decode: () => Promise<T>): Promise<T> => {
    // A finishing decode hands its slot straight to the next in line, so the count never overshoots.
    if (decoding < settings.concurrency) decoding++
    else await new Promise<void>((resolve) => waiting.push(resolve))
    const started = performance.now()
    try {
      return await decode()
    } finally {
      averageSeconds = 0.8 * averageSeconds + 0.2 * ((performance.now() - started) / 1000)
      const next = waiting.shift()
      if (next) next()
      else decoding--
    }
  }

  const retryAfterSeconds = () => Math.max(1, Math.ceil(expectedWait(waiting.length + decoding)))

  return { admit, run, retryAfterSeconds, state: () => ({ admitted, decoding, waiting: waiting.length }) }
}

// One queue per process, kept on globalThis so that `next dev` reloads never make a second one.
const holder = globalThis as typeof globalThis & { __copydeskDecodeQueue?: DecodeQueue }

export function decodeQueue(): DecodeQueue {
  return (holder.__copydeskDecodeQueue ??= createDecodeQueue())
}
