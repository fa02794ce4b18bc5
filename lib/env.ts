import 'server-only'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { StartUpError, localDataDir } from '@/db/config'

/** A real deployment: a production build on a PostgreSQL server. The local demo is not one. */
export function isProductionDeployment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production' && Boolean(env.DATABASE_URL?.trim())
}

const holder = globalThis as typeof globalThis & { __copydeskAuthSecret?: string }

/**
 * The key that signs session cookies. `AUTH_SECRET` when set; for the local demo, one generated
 * once and kept in the git-ignored data folder; a real deployment without it must not start.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.AUTH_SECRET?.trim()
  if (configured) return configured
  if (isProductionDeployment(env)) {
    throw new StartUpError('AUTH_SECRET is not set; a production deployment needs one (generate it with `openssl rand -base64 32`).')
  }
  holder.__copydeskAuthSecret ??= localSecret(localDataDir(env))
  return holder.__copydeskAuthSecret
}

function localSecret(dataDir: string): string {
  if (dataDir === 'memory://') return crypto.randomBytes(32).toString('base64url')
  const file = path.join(dataDir, 'auth-secret')
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return fs.readFileSync(file, 'utf8').trim()
}
