import 'server-only'
import { type Configuration, Redis } from '@hocuspocus/extension-redis'
import type { RedisSettings } from '../env'

// Hocuspocus's Redis extension: the instances' copies of a story meet on the story's channel.
// It sends its messages to the other instances (a change, a caret, an answer to another
// instance's sync) where nothing waits for them, so one that fails, while Redis is away or as the
// instance stops, would be an unhandled rejection, which ends a Node process. Here such a failure
// is told in the log and the story goes on being served to the people on this instance; the
// connections retry by themselves.

type Log = Pick<Console, 'error'>

class StoryChannels extends Redis {
  constructor(
    configuration: Partial<Configuration>,
    private readonly log: Log,
  ) {
    super(configuration)
    for (const client of [this.pub, this.sub]) client.on('error', (error: Error) => log.error(`Copydesk: Redis: ${error.message}`))
    const publish: (channel: string, message: Buffer) => Promise<number> = this.pub.publish.bind(this.pub)
    Object.assign(this.pub, {
      publish: (channel: string, message: Buffer) =>
        publish(channel, message).catch((error: unknown) => {
          log.error(`Copydesk: Redis: a message to the other instances was not sent: ${String(error)}`)
          return 0
        }),
    })
  }

  /** Ends its connections, even when they ended already (then its lock's connection refuses to quit). */
  override async onDestroy(): Promise<void> {
    try {
      await super.onDestroy()
    } catch (error) {
      this.log.error(`Copydesk: Redis: its connections had ended already: ${String(error)}`)
      this.pub.disconnect(false)
      this.sub.disconnect(false)
    }
  }
}

/** The extension through which this instance's copies of stories meet the other instances' in Redis, under `prefix`. */
export function storyChannels(
  { host, port, username, password, db, tls }: RedisSettings,
  instance: string,
  prefix: string,
  log: Log,
): Redis {
  return new StoryChannels(
    {
      host,
      port,
      identifier: instance,
      prefix,
      // No ready check: its INFO fails on a connection already subscribing (the extension subscribes at once).
      options: { enableReadyCheck: false, username, password, db, ...(tls ? { tls: {} } : {}) },
    },
    log,
  )
}
