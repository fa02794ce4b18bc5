import 'server-only'
import type { RedisInstance } from '@hocuspocus/extension-redis'

// One instance at a time puts in the saves waiting in a story's queue in Redis
// (lib/collab/across-instances.ts): the one holding the queue's claim. The claim is short and
// renewed while its instance works, so a claim whose instance stopped lapses within `claimMs`.
// An instance that stalls (a long pause, a frozen process) can still wake past its lapse, in the
// middle of putting a save in, while another instance puts the same save in: the change a
// request makes is therefore fixed once, in Redis, by the first instance to compute it, and every
// instance applies those same bytes (Yjs takes the same change twice as once).

/** How long a save waits for Redis to answer before going on without it. */
const answerMs = 1000

/** `asked`, or a failure once Redis has not answered for `answerMs` (ioredis queues commands while it reconnects). */
export function within<T>(asked: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${answerMs} ms`)), answerMs)
  })
  return Promise.race([asked, late]).finally(() => clearTimeout(timer))
}

/** Where a story's queue, its claim and the changes fixed for its requests are kept. */
export type ClaimKeys = {
  queue: (articleId: number) => string
  claim: (articleId: number) => string
  fixed: (requestId: string) => string
}

const ifMine = "if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end"

/** Extends a claim only while it is still this one's (a lapsed claim may be another's now). */
const renewScript = `${ifMine} return redis.call('pexpire', KEYS[1], ARGV[2])`

/** Deletes a claim only while it is still this one's. */
const releaseScript = `${ifMine} return redis.call('del', KEYS[1])`

/** The change fixed for a request; else, while the claim is this one's, fixes the one offered. */
const fixScript = `local fixed = redis.call('get', KEYS[2])
if fixed then return fixed end
${ifMine}
redis.call('set', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1`

/** Takes requests off the queue, and their fixed changes, while the claim is this one's. */
const takeOffScript = `${ifMine}
for i = 2, #ARGV do redis.call('lrem', KEYS[2], 1, ARGV[i]) end
for i = 3, #KEYS do redis.call('del', KEYS[i]) end
return 1`

export class QueueClaim {
  private readonly key: string
  private renewing: ReturnType<typeof setInterval> | undefined

  constructor(
    private readonly redis: RedisInstance,
    private readonly keys: ClaimKeys,
    private readonly articleId: number,
    /** This claim's own token: its instance's name and a random part. */
    private readonly token: string,
    private readonly claimMs: number,
    /** How long a fixed change is kept when its request is never taken off. */
    private readonly keptMs: number,
    private readonly report: (error: unknown) => void,
  ) {
    this.key = keys.claim(articleId)
  }

  /** Claims the queue, renewed every third of `claimMs` until `release`; false when another instance holds it. */
  async take(): Promise<boolean> {
    const taken = (await within(this.redis.set(this.key, this.token, 'PX', this.claimMs, 'NX'))) === 'OK'
    if (taken) {
      this.renewing = setInterval(() => void this.renew(), this.claimMs / 3)
      this.renewing.unref()
    }
    return taken
  }

  /**
   * The change to make for `requestId`: the one an instance fixed first (this one, or one that
   * held the claim before), else `computed`, fixed now. Null when neither was fixed and the claim
   * is no longer this one's: the instance holding it now puts the request in.
   */
  async fix(requestId: string, computed: Uint8Array): Promise<Uint8Array | null> {
    const answer = await within(
      this.redis.callBuffer('eval', fixScript, 2, this.key, this.keys.fixed(requestId), this.token, Buffer.from(computed), this.keptMs),
    )
    if (Buffer.isBuffer(answer)) return new Uint8Array(answer)
    return answer === 1 ? computed : null
  }

  /** Takes `raw` (as read from the queue) off it, with the changes fixed for `requestIds`; false when the claim lapsed. */
  async takeOff(raw: string[], requestIds: string[]): Promise<boolean> {
    const keys = [this.key, this.keys.queue(this.articleId), ...requestIds.map((id) => this.keys.fixed(id))]
    return (await within(this.redis.eval(takeOffScript, keys.length, ...keys, this.token, ...raw))) === 1
  }

  async release(): Promise<void> {
    clearInterval(this.renewing)
    await within(this.redis.eval(releaseScript, 1, this.key, this.token))
  }

  private async renew(): Promise<void> {
    try {
      if ((await within(this.redis.eval(renewScript, 1, this.key, this.token, this.claimMs))) !== 1) clearInterval(this.renewing)
    } catch (error) {
      this.report(error)
    }
  }
}
