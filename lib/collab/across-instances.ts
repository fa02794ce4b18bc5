import 'server-only'
import crypto from 'node:crypto'
import type { RedisInstance } from '@hocuspocus/extension-redis'
import type { Extension } from '@hocuspocus/server'
import { z } from 'zod'
import { type FixChange, type SavedChange, type SavedRequest, requestKeptMs, savedRequestSchema } from './saved-changes'
import { QueueClaim, within } from './queue-claim'
import { documentNameOf } from './storage'

// With Redis, a story's shared document may be open on any instance, and a save made by other
// means (a revision restored, a draft written through the Content API, a form's save made alone)
// is taken by whichever instance answered its request. It is recorded in Redis, in the story's
// queue, until an instance has put it into the shared document: the instances where the story is
// open are told, and the one that claims the story's queue puts in everything waiting there, in
// order, and then takes it off. A claim lapses `claimMs` after its instance last renewed it: when
// the instance that claimed it stopped first, another takes the queue over (each looks every
// `sweepMs`), and a story opened later takes in what waits when it loads. The shared document
// notes each request it took (lib/collab/saved-changes.ts), and the change a request makes is
// fixed in Redis by the first instance to compute it (lib/collab/queue-claim.ts), so a request
// taken over is never put in twice, even by an instance that stalled past its claim meanwhile.
//
// A reply to a comment, or a thread resolved or reopened, is announced through Redis too: every
// instance tells the people on the story there.

const nudgeSchema = z.object({ articleId: z.number().int().positive(), from: z.string() })

/** Where in Redis the instances meet over saves made elsewhere, under `prefix`. */
export function savedElsewhereKeys(prefix: string) {
  const channel = `${prefix}:saved-elsewhere`
  return {
    /** Where an instance says a request waits for a story, or that a story's comments changed. */
    channel,
    comments: `${prefix}:comments`,
    /** A story's requests, oldest first. */
    queue: (articleId: number) => `${channel}:queue:${articleId}`,
    /** The claim on a story's queue: its holder's name, and a lapse. */
    claim: (articleId: number) => `${channel}:claim:${articleId}`,
    /** The change a request makes, as the first instance to put it in computed it (lib/collab/queue-claim.ts). */
    fixed: (requestId: string) => `${channel}:fixed:${requestId}`,
  }
}

/** How long a claim on a story's queue holds unless renewed: a claim whose instance stopped lapses within it. */
export const queueClaimMs = 3000

/** How often an instance looks for requests left waiting for a story it has open. */
export const queueSweepMs = 1000

/** Puts requests into a story's document, each with the change `fix` gives for it (lib/collab/saves-in.ts). */
export type PutIn = (requests: SavedRequest[], fix: FixChange) => Promise<unknown>

export type AcrossSettings = {
  prefix: string
  instance: string
  /** The stories open on this instance. */
  openHere: () => number[]
  /** Puts the requests waiting for a story open here into it (each once). */
  putInOpen: (articleId: number, requests: SavedRequest[], fix: FixChange) => Promise<void>
  /** Tells the people on the story on this instance that its comments changed. */
  announceHere: (articleId: number) => void
  /** How long a claim on a story's queue holds unless renewed (renewed every third of it while its instance works). */
  claimMs: number
  /** How often an instance looks for requests left waiting for a story it has open. */
  sweepMs: number
  log: Pick<Console, 'error'>
}

export class SavesAcrossInstances implements Extension {
  readonly extensionName = 'saved-elsewhere'
  private readonly subscriber: RedisInstance
  private readonly keys: ReturnType<typeof savedElsewhereKeys>
  private readonly sweeping: ReturnType<typeof setInterval>
  private isSweeping = false

  constructor(
    private readonly redis: RedisInstance,
    private readonly settings: AcrossSettings,
  ) {
    this.keys = savedElsewhereKeys(settings.prefix)
    this.subscriber = redis.duplicate()
    this.subscriber.on('error', (error: Error) => this.report(error))
    this.subscriber.on('message', (channel: string, message: string) => this.hear(channel, message))
    this.subscriber.subscribe(this.keys.channel, this.keys.comments).catch((error: unknown) => this.report(error))
    this.sweeping = setInterval(() => void this.sweep(), settings.sweepMs)
    this.sweeping.unref()
  }

  /**
   * Whether an instance has the story open: each instance with a copy listens on the story's own
   * channel (the Redis extension subscribes to it once the document is loaded).
   */
  async isOpenAnywhere(articleId: number): Promise<boolean> {
    try {
      const answer = await within(this.redis.pubsub('NUMSUB', `${this.settings.prefix}:${documentNameOf(articleId)}`))
      return Number((answer as [string, number])[1]) > 0
    } catch (error) {
      // Saving never waits on Redis: without an answer, the story counts as open nowhere else.
      this.report(error)
      return false
    }
  }

  /** Records `change` in the story's queue until it is put in; null when Redis did not take it. */
  async record(articleId: number, change: SavedChange): Promise<SavedRequest | null> {
    const request: SavedRequest = { id: crypto.randomUUID(), articleId, change }
    const queue = this.keys.queue(articleId)
    try {
      await within(this.redis.multi().rpush(queue, JSON.stringify(request)).pexpire(queue, requestKeptMs).exec())
      return request
    } catch (error) {
      this.report(error)
      return null
    }
  }

  /** Tells the instances where the story is open that a request waits for it. */
  async nudge(articleId: number): Promise<void> {
    await this.publish(this.keys.channel, articleId)
  }

  /**
   * Claims the story's queue and hands what waits in it, in order, to `putIn`, then takes it off;
   * again while more came meanwhile. Nothing when another instance holds the claim (it takes what
   * came, or its claim lapses and an instance takes the queue over), and nothing more once this
   * claim lapsed.
   */
  async settle(articleId: number, putIn: PutIn): Promise<void> {
    const queue = this.keys.queue(articleId)
    const { instance } = this.settings
    const claim = new QueueClaim(
      this.redis,
      this.keys,
      articleId,
      `${instance}:${crypto.randomUUID()}`,
      this.settings.claimMs,
      requestKeptMs,
      (error) => this.report(error),
    )
    while (await claim.take()) {
      try {
        const waiting = await within(this.redis.lrange(queue, 0, -1))
        if (waiting.length === 0) return
        const requests = waiting.flatMap((raw) => this.parse(raw))
        await putIn(requests, (request, computed) => claim.fix(request.id, computed))
        if (
          !(await claim.takeOff(
            waiting,
            requests.map((request) => request.id),
          ))
        )
          return
      } finally {
        await claim.release()
      }
    }
  }

  /** Tells the people on the story on every instance, this one first, that its comments changed. */
  async announceComments(articleId: number): Promise<void> {
    this.settings.announceHere(articleId)
    await this.publish(this.keys.comments, articleId)
  }

  stop(): void {
    clearInterval(this.sweeping)
    this.subscriber.disconnect(false)
  }

  /** Registered with the sync server: stops with it. */
  async onDestroy(): Promise<void> {
    this.stop()
  }

  private async publish(channel: string, articleId: number): Promise<void> {
    try {
      await within(this.redis.publish(channel, JSON.stringify({ articleId, from: this.settings.instance })))
    } catch (error) {
      this.report(error)
    }
  }

  private hear(channel: string, message: string): void {
    const heard = nudgeSchema.safeParse(safeJson(message))
    if (!heard.success) return
    const { articleId, from } = heard.data
    if (channel === this.keys.comments && from !== this.settings.instance) this.settings.announceHere(articleId)
    if (channel === this.keys.channel && this.settings.openHere().includes(articleId)) void this.settleOpen(articleId)
  }

  /** Takes over the queues of stories open here that requests still wait in (their claim lapsed, or came too late). */
  private async sweep(): Promise<void> {
    const open = this.settings.openHere()
    if (this.isSweeping || open.length === 0) return
    this.isSweeping = true
    try {
      const found = await within(open.reduce((steps, id) => steps.exists(this.keys.queue(id)), this.redis.pipeline()).exec())
      const waiting = open.filter((_, index) => Number(found?.[index]?.[1]) > 0)
      for (const articleId of waiting) await this.settleOpen(articleId)
    } catch (error) {
      this.report(error)
    } finally {
      this.isSweeping = false
    }
  }

  private async settleOpen(articleId: number): Promise<void> {
    try {
      await this.settle(articleId, (requests, fix) => this.settings.putInOpen(articleId, requests, fix))
    } catch (error) {
      this.report(error)
    }
  }

  /** A request as recorded by an instance of this app, whose change is a SavedChange. */
  private parse(raw: string): SavedRequest[] {
    const request = savedRequestSchema.safeParse(safeJson(raw))
    return request.success ? [request.data as SavedRequest] : []
  }

  private report(error: unknown): void {
    this.settings.log.error(`Copydesk: a save made elsewhere could not reach a shared story through Redis: ${String(error)}`)
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
