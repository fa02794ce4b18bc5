import 'server-only'
import crypto from 'node:crypto'
import type { RedisInstance } from '@hocuspocus/extension-redis'
import { z } from 'zod'
import type { SharedParts } from './shared-parts'
import { type SharedDraft, documentNameOf } from './storage'
import type { FieldValues } from './story-fields'

// With Redis, a story's shared document may be open on any instance, and a save made by other
// means (a revision restored, a draft written through the Content API, a form's save made alone)
// is taken by whichever instance answered its request. That instance puts the save into the
// shared document only where a copy of it is open: there, the Redis extension spreads the change
// to every other copy. When it is open only on other instances, it asks them through Redis, and
// the first of them to claim the request puts it in; the others leave it, so nothing is applied
// twice.

/** A save made outside the shared document, to put into it. */
export type SavedChange =
  | { kind: 'replace'; draft: SharedDraft; revisionId: number }
  | { kind: 'merge'; base: SharedParts; saved: SharedParts & { fields: FieldValues; revisionId: number } }

const requestSchema = z.object({
  id: z.string(),
  articleId: z.number().int().positive(),
  change: z.object({ kind: z.enum(['replace', 'merge']) }).passthrough(),
})

/** How long a claim on a request is kept in Redis: far longer than putting a save in takes. */
const claimMs = 60_000
/** How long a save waits for Redis to answer before going on without it. */
const answerMs = 1000

/** `asked`, or a failure once Redis has not answered for `answerMs` (ioredis queues commands while it reconnects). */
function within<T>(asked: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${answerMs} ms`)), answerMs)
  })
  return Promise.race([asked, late]).finally(() => clearTimeout(timer))
}

export class SavesAcrossInstances {
  private readonly subscriber: RedisInstance
  private readonly channel: string

  constructor(
    private readonly redis: RedisInstance,
    private readonly settings: {
      prefix: string
      instance: string
      isOpenHere: (articleId: number) => boolean
      putIn: (articleId: number, change: SavedChange) => Promise<void>
      log: Pick<Console, 'error'>
    },
  ) {
    this.channel = `${settings.prefix}:saved-elsewhere`
    this.subscriber = redis.duplicate()
    this.subscriber.on('error', (error: Error) => this.report(error))
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) void this.receive(message)
    })
    this.subscriber.subscribe(this.channel).catch((error: unknown) => this.report(error))
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

  /** Asks the instances where the story is open to put `change` in; one of them does. */
  async ask(articleId: number, change: SavedChange): Promise<void> {
    try {
      await within(this.redis.publish(this.channel, JSON.stringify({ id: crypto.randomUUID(), articleId, change })))
    } catch (error) {
      this.report(error)
    }
  }

  stop(): void {
    this.subscriber.disconnect(false)
  }

  private async receive(message: string): Promise<void> {
    try {
      const request = requestSchema.safeParse(JSON.parse(message))
      if (!request.success || !this.settings.isOpenHere(request.data.articleId)) return
      const { id, articleId } = request.data
      const claimed = await this.redis.set(`${this.channel}:${id}`, this.settings.instance, 'PX', claimMs, 'NX')
      // Sent by an instance of this app, whose change is a SavedChange.
      if (claimed === 'OK') await this.settings.putIn(articleId, request.data.change as SavedChange)
    } catch (error) {
      this.report(error)
    }
  }

  private report(error: unknown): void {
    this.settings.log.error(`Copydesk: a save made elsewhere could not reach a shared story through Redis: ${String(error)}`)
  }
}
