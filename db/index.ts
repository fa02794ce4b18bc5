import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { type Logger, sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { type DatabaseConfig, StartUpError, databaseConfig } from './config'
import { cacheBoundsMb, cacheSizeFor } from './cache-size'
import { acquireDirectoryLock } from './lock'
import { PreparingPGlite, byteaAsHex } from './pglite-client'
import { databaseReason } from './migrate'
import * as schema from './schema'

/** The one database type the app codes against, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
/** A transaction, or the database itself: what data functions that write accept. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

type Connection = { db: Db; config: DatabaseConfig; close: () => Promise<void> }

// One connection per process, kept on globalThis so that `next dev` reloads do not open it twice.
const holder = globalThis as typeof globalThis & { __copydeskDb?: Connection; __copydeskOnServer?: WeakMap<Db, string> }

// The databases opened on a PostgreSQL server, which other instances may share, and their
// addresses. On globalThis too: Next bundles this module more than once (instrumentation, each
// route), and they share the connection.
const onServer = (holder.__copydeskOnServer ??= new WeakMap<Db, string>())

/** Whether `db` is on a PostgreSQL server (other instances may use it), not an embedded PGlite. */
export function isOnServer(db: Db): boolean {
  return onServer.has(db)
}

/** The address of `db`'s PostgreSQL server, for a connection of one's own; null for an embedded PGlite. */
export function serverUrlOf(db: Db): string | null {
  return onServer.get(db) ?? null
}

/**
 * PGlite reserves its cache (PostgreSQL's shared buffers) inside the server's own memory, all of
 * it at start: sized to the newsroom (db/cache-size.ts), not PostgreSQL's default 128 MB.
 * Statements are prepared once (db/pglite-client.ts) and planned on every call, as unprepared ones
 * are. pg_trgm is loaded for the reader's "did you mean" (lib/search.ts). Bytea goes through Buffer (`byteaAsHex`).
 */
function pgliteOptions(cacheMb: number) {
  return {
    postgresqlconf: [`shared_buffers=${cacheMb}MB`, 'plan_cache_mode=force_custom_plan'],
    extensions: { pg_trgm },
    ...byteaAsHex,
  }
}
const connectTimeoutMs = 5000

/** Opens a database from a configuration; the caller owns it and closes it. `logger` sees every query (tests). */
export function openDatabase(config: DatabaseConfig, logger?: Logger): Connection {
  if (config.driver === 'pg') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10, connectionTimeoutMillis: connectTimeoutMs })
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`))
    const db = drizzlePg({ client: pool, schema, logger }) as Db
    onServer.set(db, config.url)
    return { db, config, close: () => pool.end() }
  }
  if (config.driver === 'memory') return openMemoryDatabase(undefined, logger)
  const release = acquireDirectoryLock(config.dataDir)
  const client = new PreparingPGlite(config.dataDir, pgliteOptions(config.cacheMb ?? cacheSizeFor(config.dataDir)))
  return {
    db: drizzlePglite({ client, schema, logger }) as Db,
    config,
    close: async () => {
      try {
        // A client that never started (a corrupt directory) has nothing to close, and would throw again.
        if (client.ready) await client.close()
      } finally {
        release()
      }
    },
  }
}

/**
 * A database in memory, empty or opened from `startFrom`; `dump()` writes its data directory as
 * a tar file that opens again as `startFrom` (the data tests' migrated template).
 */
export function openMemoryDatabase(startFrom?: Blob, logger?: Logger): Connection & { dump: () => Promise<Blob> } {
  const client = new PreparingPGlite({ ...pgliteOptions(cacheBoundsMb.smallest), ...(startFrom ? { loadDataDir: startFrom } : {}) })
  return {
    db: drizzlePglite({ client, schema, logger }) as Db,
    config: { driver: 'memory' },
    close: () => client.close(),
    dump: async () => client.dumpDataDir('none'),
  }
}

function connection(): Connection {
  holder.__copydeskDb ??= openDatabase(databaseConfig())
  return holder.__copydeskDb
}

/** The process's database, opened on first use from the environment. */
export function getDb(): Db {
  return connection().db
}

export function getDatabaseConfig(): DatabaseConfig {
  return connection().config
}

/** Runs one query, turning a failure to connect into one line that names the cause. */
export async function checkConnection(db: Db, config: DatabaseConfig): Promise<void> {
  try {
    await db.execute(sql`select 1`)
  } catch (error) {
    throw new StartUpError(describeConnectionFailure(config, error))
  }
}

/** One line that says why the database could not be used, in words a person can act on. */
export function describeConnectionFailure(config: DatabaseConfig, error: unknown): string {
  // Drizzle wraps the driver's error ("Failed query: …"); the cause says what really happened.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  if (config.driver === 'pg') return describePgFailure(config.url, cause)
  // PGlite's abort carries an Emscripten build hint that means nothing to the reader.
  const reason = databaseReason(cause).replace(/\s*Build with -sASSERTIONS for more info\.?/, '')
  if (config.driver === 'pglite') {
    return `The embedded database in ${config.dataDir} cannot be opened and may be corrupt (${reason}); move that folder aside to start with a fresh one.`
  }
  return `The in-memory database failed to start (${reason}).`
}

function describePgFailure(url: string, cause: unknown): string {
  const { hostname, port, pathname, username } = new URL(url)
  const server = `${hostname}:${port || 5432}`
  const user = decodeURIComponent(username) || 'the default user'
  const database = decodeURIComponent(pathname.slice(1)) || 'the default database'
  const code = (cause as { code?: unknown } | null)?.code
  const reason = databaseReason(cause)
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot reach PostgreSQL at ${server}: nothing accepts connections there (is the server running, and is DATABASE_URL right?).`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach PostgreSQL at ${server}: the host name ${hostname} is not known (check DATABASE_URL).`
    case '28P01':
      return `PostgreSQL at ${server} refused the password for user ${user} (check DATABASE_URL).`
    case '3D000':
      return `The database ${database} does not exist on the PostgreSQL server at ${server}; create it (createdb ${database}) or fix DATABASE_URL.`
    case '28000':
      return `PostgreSQL at ${server} does not let user ${user} connect to ${database} (${reason}).`
  }
  if (code === 'ETIMEDOUT' || /timeout/i.test(reason)) {
    return `Cannot reach PostgreSQL at ${server}: no answer within ${connectTimeoutMs / 1000} seconds (is a firewall in the way?).`
  }
  return `Cannot use the PostgreSQL database ${database} at ${server} (${reason}).`
}

export { schema }
