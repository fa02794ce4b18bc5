import 'server-only'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { StartUpError, localDataDir } from '@/db/config'

/** A real deployment: a production build on a PostgreSQL server. The local demo is not one. */
export function isProductionDeployment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production' && Boolean(env.DATABASE_URL?.trim())
}

// Per folder, so that in memory (no folder) every caller in the process gets the same secret.
const holder = globalThis as typeof globalThis & { __copydeskAuthSecrets?: Map<string, string> }

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
  const dataDir = localDataDir(env)
  const secrets = (holder.__copydeskAuthSecrets ??= new Map())
  const secret = secrets.get(dataDir) ?? localSecret(dataDir)
  secrets.set(dataDir, secret)
  return secret
}

function localSecret(dataDir: string): string {
  const secret = crypto.randomBytes(32).toString('base64url')
  if (dataDir === 'memory://') return secret
  const file = path.join(dataDir, 'auth-secret')
  fs.mkdirSync(dataDir, { recursive: true })
  // Written aside and linked into place, so a second process never reads a half-written file.
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}`
  fs.writeFileSync(temporary, secret, { mode: 0o600 })
  try {
    fs.linkSync(temporary, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    fs.rmSync(temporary, { force: true })
  }
  const kept = fs.readFileSync(file, 'utf8').trim()
  if (!kept) throw new StartUpError(`${file} is empty; delete it and a new secret will be made (everyone will have to sign in again).`)
  return kept
}

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For (`TRUSTED_PROXY_HOPS`).
 * Unset means none: the header is then the client's own writing and never trusted, and the
 * client is the socket's peer (lib/client-address.ts).
 */
export function trustedProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim()
  if (!raw) return 0
  const hops = z.coerce.number().int().min(0).max(10).safeParse(raw)
  if (!hops.success) throw new StartUpError(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (got ${JSON.stringify(raw)}).`)
  return hops.data
}

/** How long a session lasts: ended after `idleMs` without a request, and `absoluteMs` after sign-in whatever happens. */
export type SessionLifetimes = { idleMs: number; absoluteMs: number }

/**
 * `SESSION_IDLE_HOURS` (default 12) and `SESSION_MAX_DAYS` (default 30). Fractions are allowed
 * (0.5 hours idle); the idle timeout cannot be longer than the absolute lifetime.
 */
export function sessionLifetimes(env: NodeJS.ProcessEnv = process.env): SessionLifetimes {
  const idleHours = positiveSetting(env, 'SESSION_IDLE_HOURS', 12, 24 * 366)
  const maxDays = positiveSetting(env, 'SESSION_MAX_DAYS', 30, 366)
  const lifetimes = { idleMs: idleHours * 60 * 60_000, absoluteMs: maxDays * 24 * 60 * 60_000 }
  if (lifetimes.idleMs > lifetimes.absoluteMs) {
    throw new StartUpError(`SESSION_IDLE_HOURS (${idleHours}) is longer than SESSION_MAX_DAYS (${maxDays} days); shorten it.`)
  }
  return lifetimes
}

function positiveSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const value = z.coerce.number().positive().max(max).safeParse(raw)
  if (!value.success) throw new StartUpError(`${name} must be a number above 0 and at most ${max} (got ${JSON.stringify(raw)}).`)
  return value.data
}

export type UploadLimits = { perMinute: number; bytesPerDay: number }

/**
 * What one person may upload (lib/media/upload-quota.ts): `UPLOADS_PER_MINUTE` images (default
 * 30, a photographer's batch) and `UPLOAD_MB_PER_DAY` megabytes in any 24 hours (default 2000).
 * The bench raises both for its upload flood.
 */
export function uploadLimits(env: NodeJS.ProcessEnv = process.env): UploadLimits {
  const perMinute = wholeSetting(env, 'UPLOADS_PER_MINUTE', 30, 1, 100_000)
  // At least one largest file a day, or nobody could ever upload one.
  const megabytesPerDay = wholeSetting(env, 'UPLOAD_MB_PER_DAY', 2000, 25, 10_000_000)
  return { perMinute, bytesPerDay: megabytesPerDay * 1024 * 1024 }
}

function wholeSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw)
  if (!parsed.success) throw new StartUpError(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)}).`)
  return parsed.data
}

/**
 * Where notification e-mail goes out (`SMTP_URL`, e.g. `smtp://user:pass@mail.example.org:587`,
 * or `smtps://…` for TLS from the start); null when unset, and then nobody is e-mailed.
 * `SMTP_FROM` is the sender (default `Copydesk <copydesk@localhost>`).
 */
export function smtpSettings(env: NodeJS.ProcessEnv = process.env): { url: string; from: string } | null {
  const raw = env.SMTP_URL?.trim()
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new StartUpError(
      `SMTP_URL is not an address (got ${JSON.stringify(raw)}); write it like smtp://user:password@mail.example.org:587.`,
    )
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new StartUpError(`SMTP_URL must start with smtp:// or smtps:// (got ${JSON.stringify(url.protocol)}).`)
  }
  if (!url.hostname) throw new StartUpError('SMTP_URL names no mail server; write it like smtp://mail.example.org:587.')
  return { url: raw, from: env.SMTP_FROM?.trim() || 'Copydesk <copydesk@localhost>' }
}

/** The site's public address for links in e-mail (`SITE_URL`, default http://localhost:3000). */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.SITE_URL?.trim() || 'http://localhost:3000').replace(/\/+$/, '')
}

/** Where the sync servers of several app instances meet (lib/collab/server.ts). */
export type RedisSettings = { host: string; port: number; username?: string; password?: string; db: number; tls: boolean }

/**
 * `REDIS_URL` (e.g. `redis://127.0.0.1:6379`, `rediss://…` for TLS, `/2` for database 2): with it,
 * every instance may serve every story's shared document and their changes meet in Redis;
 * null when unset, and then one instance at a time serves each story (lib/collab/lease.ts).
 */
export function redisSettings(env: NodeJS.ProcessEnv = process.env): RedisSettings | null {
  const raw = env.REDIS_URL?.trim()
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new StartUpError(`REDIS_URL is not an address (got ${JSON.stringify(raw)}); write it like redis://127.0.0.1:6379.`)
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new StartUpError(`REDIS_URL must start with redis:// or rediss:// (got ${JSON.stringify(url.protocol)}).`)
  }
  if (!url.hostname) throw new StartUpError('REDIS_URL names no server; write it like redis://127.0.0.1:6379.')
  const db = z.coerce
    .number()
    .int()
    .min(0)
    .max(15)
    .safeParse(url.pathname.replace(/^\//, '') || '0')
  if (!db.success) throw new StartUpError(`REDIS_URL names database ${JSON.stringify(url.pathname)}; use a number from 0 to 15.`)
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    db: db.data,
    tls: url.protocol === 'rediss:',
  }
}
