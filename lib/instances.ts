import 'server-only'
import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import type { Db } from '@/db'
import { StartUpError } from '@/db/config'

// App instances on one PostgreSQL database tell each other what changed through the database
// itself (LISTEN/NOTIFY): no other server to run. Each instance keeps one connection listening.

const channel = 'copydesk_reader_changes'
// NOTIFY carries at most 8,000 bytes; keys are sent in parts below that.
const maxPayload = 7000
const heartbeatMs = 5000
const reconnectMs = 1000

/** Tells every instance listening on this database that pages showing these keys changed. */
export async function tellInstances(db: Db, keys: readonly string[]): Promise<void> {
  let part: string[] = []
  const send = async () => {
    if (part.length > 0) await db.execute(sql`select pg_notify(${channel}, ${part.join(' ')})`)
    part = []
  }
  for (const key of keys) {
    if ([...part, key].join(' ').length > maxPayload) await send()
    part.push(key)
  }
  await send()
}

export type Listening = {
  /** Keys another instance (or this one) says changed. */
  onKeys: (keys: string[]) => void
  /** The connection was lost: messages may have been missed. Called on the loss and again on reconnecting. */
  onMissed: () => void
  /** Shown in `pg_stat_activity.application_name`: how other instances recognise this one. */
  applicationName: string
  log?: Pick<Console, 'info' | 'error'>
}

/**
 * Listens for changes until the returned function is called. A lost connection (noticed by a
 * query every few seconds) is reopened, and `onMissed` lets the caller forget what it cached.
 */
export function listenToInstances(url: string, listening: Listening): () => Promise<void> {
  const log = listening.log ?? console
  let client: pg.Client | null = null
  let stopped = false
  let heartbeat: ReturnType<typeof setInterval> | undefined
  let retry: ReturnType<typeof setTimeout> | undefined

  const lost = (reason: string) => {
    if (stopped || !client) return
    const gone = client
    client = null
    clearInterval(heartbeat)
    gone.end().catch(() => {})
    log.error(`Copydesk: lost the connection that hears other instances (${reason}); forgetting cached reader pages`)
    listening.onMissed()
    retry = setTimeout(connect, reconnectMs)
  }

  const connect = async () => {
    if (stopped) return
    const next = new pg.Client({
      connectionString: url,
      application_name: listening.applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    })
    next.on('notification', (message) => listening.onKeys((message.payload ?? '').split(' ').filter(Boolean)))
    next.on('error', (error) => lost(error.message))
    next.on('end', () => lost('the server closed it'))
    try {
      await next.connect()
      await next.query(`LISTEN ${channel}`)
    } catch (error) {
      next.end().catch(() => {})
      log.error(`Copydesk: cannot listen to other instances yet (${(error as Error).message}); trying again`)
      retry = setTimeout(connect, reconnectMs)
      return
    }
    const reconnected = client === null && heartbeat !== undefined
    client = next
    heartbeat = setInterval(() => {
      next.query('select 1').catch((error: Error) => lost(error.message))
    }, heartbeatMs)
    heartbeat.unref()
    if (reconnected) {
      log.info('Copydesk: listening to other instances again')
      listening.onMissed()
    }
  }

  void connect()
  return async () => {
    stopped = true
    clearTimeout(retry)
    clearInterval(heartbeat)
    await client?.end().catch(() => {})
  }
}

const applicationPrefix = 'copydesk media '

/** The name an instance's listening connection carries: it says where its media are, as a short digest. */
export function instanceName(mediaLocation: string): string {
  return applicationPrefix + crypto.createHash('sha256').update(mediaLocation).digest('hex').slice(0, 16)
}

/**
 * Refuses to start an instance whose media are somewhere another running instance of this
 * database cannot see (each with its own local folder, or one on S3 and one not): pages made by
 * one would show images the other cannot serve. Instances on one machine sharing one folder,
 * or sharing one bucket, are fine.
 */
export async function checkMediaIsShared(db: Db, mediaLocation: string): Promise<void> {
  const ours = instanceName(mediaLocation)
  const { rows } = (await db.execute(
    sql`select distinct application_name as name from pg_stat_activity where datname = current_database() and application_name like ${`${applicationPrefix}%`} and pid <> pg_backend_pid()`,
  )) as unknown as { rows: { name: string }[] }
  if (rows.some((other) => other.name !== ours)) {
    throw new StartUpError(
      `Another Copydesk instance on this database keeps its media somewhere else than ${mediaLocation}: instances that share a database must share media through S3 (set MEDIA_S3_BUCKET; see "Many servers" in the README).`,
    )
  }
}
