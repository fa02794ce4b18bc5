import 'server-only'
import pg from 'pg'

// On PostgreSQL, each instance that takes leases (lib/collab/lease.ts) holds a lock of its own,
// on a connection of its own, for as long as it runs. A process that ends in any way (stopped,
// killed, its container or machine gone) loses its connection, and PostgreSQL frees the lock at
// once: another instance that finds the lock free knows the holder is gone, wherever it ran, and
// takes its stories without waiting for the leases to lapse.

/** Namespaces the leases' locks (two-number advisory locks; any number unused elsewhere). */
export const holderLockNamespace = 0x6c656173
/** How long after losing its connection, or failing to lock, the next try comes. */
export const holderLockRetryMs = 1000
const connectTimeoutMs = 5000

/**
 * This instance's lock. `key` comes from a sequence (no two instances share one) and goes in
 * every lease it takes; `isHeld` says whether the lock is held now. While it is not (not yet
 * taken, or the connection lost), other instances may take this one's stories: it must serve
 * none, so `onLost` is told at once, and the lock is taken again, with the same key, as soon as
 * the database lets it.
 */
export class HolderLock {
  key: number | null = null
  isHeld = false
  /** Settles after the first try to take the lock, taken or not. */
  readonly ready: Promise<void>
  private client: pg.Client | null = null
  private isClosed = false

  constructor(
    private readonly url: string,
    private readonly onLost: () => void,
    private readonly log: Pick<Console, 'error'> = console,
    private readonly retryMs = holderLockRetryMs,
  ) {
    this.ready = this.take()
  }

  private async take(): Promise<void> {
    if (this.isClosed) return
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, connectionTimeoutMillis: connectTimeoutMs })
    let isOver = false
    const drop = (why: string) => {
      if (isOver) return
      isOver = true
      const wasHeld = this.isHeld && this.client === client
      if (this.client === client) [this.client, this.isHeld] = [null, false]
      if (this.isClosed) return
      this.log.error(`Copydesk: the sync server's lock on the database is not held (${why}); taking it again.`)
      if (wasHeld) this.onLost()
      setTimeout(() => void this.take(), this.retryMs).unref()
    }
    // Unheard, a lost connection's error would end the process.
    client.on('error', (error) => drop(error.message))
    client.on('end', () => drop('the connection ended'))
    try {
      await client.connect()
      this.client = client
      if (this.key === null) {
        const { rows } = await client.query<{ key: number }>(`select nextval('collab_lock_keys')::integer as key`)
        this.key = rows[0]?.key ?? null
      }
      // A lost connection's session may live on in the database for a while, still holding it.
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1, $2) as locked', [
        holderLockNamespace,
        this.key,
      ])
      if (!rows[0]?.locked) throw new Error('an earlier connection still holds it')
      if (this.isClosed) return void (await client.end())
      this.isHeld = !isOver
    } catch (error) {
      drop(error instanceof Error ? error.message : String(error))
      await client.end().catch(() => undefined)
    }
  }

  /** Lets the lock go, as the end of the process would. */
  async close(): Promise<void> {
    this.isClosed = true
    this.isHeld = false
    const client = this.client
    this.client = null
    await client?.end()
  }
}
