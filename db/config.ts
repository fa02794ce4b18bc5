import path from 'node:path'
import { z } from 'zod'

/** Raised for a configuration or start-up problem a person must fix; its message is one clear line. */
export class StartUpError extends Error {
  override name = 'StartUpError'
}

const databaseUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== ''
    } catch {
      return false
    }
  })

export type DatabaseConfig = { driver: 'pglite'; dataDir: string; cacheMb?: number } | { driver: 'memory' } | { driver: 'pg'; url: string }

/** `COPYDESK_DB_CACHE_MB`: the embedded database's cache, a whole number of MB. */
const cacheMbSchema = z.coerce.number().int().min(16).max(65_536)

/**
 * Which database to open, from the environment: PostgreSQL when `DATABASE_URL` is set, otherwise
 * embedded PGlite in `COPYDESK_DATA_DIR` (default `.data`), or in memory when that is `memory://`.
 * `COPYDESK_DB_CACHE_MB` sets the embedded database's cache (otherwise sized to it: db/cache-size.ts).
 */
export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL
  if (url !== undefined && url.trim() !== '') {
    const parsed = databaseUrlSchema.safeParse(url)
    if (!parsed.success) {
      throw new StartUpError('DATABASE_URL is not a valid PostgreSQL URL (expected postgres://user:password@host:5432/database).')
    }
    return { driver: 'pg', url: parsed.data }
  }
  const dir = localDataDir(env)
  if (dir === 'memory://') return { driver: 'memory' }
  const dataDir = path.join(/*turbopackIgnore: true*/ dir, 'pglite')
  const cache = env.COPYDESK_DB_CACHE_MB?.trim()
  if (!cache) return { driver: 'pglite', dataDir }
  const cacheMb = cacheMbSchema.safeParse(cache)
  if (!cacheMb.success) throw new StartUpError('COPYDESK_DB_CACHE_MB must be a whole number of megabytes from 16 to 65536.')
  return { driver: 'pglite', dataDir, cacheMb: cacheMb.data }
}

/** The folder for local state: the embedded database and the generated demo secret. */
export function localDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.COPYDESK_DATA_DIR?.trim()
  if (dir === 'memory://') return dir
  // Resolved at run time against the working directory; nothing here belongs in the build's trace.
  return path.resolve(/*turbopackIgnore: true*/ dir || '.data')
}

/** Where the server finds the committed migrations (the project root is the working directory). */
export const migrationsFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations')
