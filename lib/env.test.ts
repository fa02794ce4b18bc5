import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StartUpError } from '@/db/config'
import { authSecret, redisSettings, sessionLifetimes, smtpSettings, trustedProxyHops, uploadLimits } from './env'

let dataDir: string
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-env-'))
})
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

/** An environment holding only these variables, so the developer's own shell cannot leak in. */
const env = (vars: Partial<NodeJS.ProcessEnv> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...vars })

describe('authSecret', () => {
  it('uses AUTH_SECRET when it is set', () => {
    expect(authSecret(env({ AUTH_SECRET: ' configured ', COPYDESK_DATA_DIR: dataDir }))).toBe('configured')
    expect(fs.existsSync(path.join(dataDir, 'auth-secret'))).toBe(false)
  })

  it('generates a secret once for the local demo and keeps it, readable by its owner only, in the data folder', () => {
    const secret = authSecret(env({ COPYDESK_DATA_DIR: dataDir }))
    const file = path.join(dataDir, 'auth-secret')

    expect(secret.length).toBeGreaterThanOrEqual(40)
    expect(fs.readFileSync(file, 'utf8')).toBe(secret)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(authSecret(env({ COPYDESK_DATA_DIR: dataDir }))).toBe(secret)
  })

  it('reuses the secret a previous run kept', () => {
    fs.writeFileSync(path.join(dataDir, 'auth-secret'), 'kept-from-last-time\n')

    expect(authSecret(env({ COPYDESK_DATA_DIR: dataDir }))).toBe('kept-from-last-time')
  })

  it('keeps the local data folder out of git', () => {
    const ignored = fs.readFileSync(path.join(import.meta.dirname, '..', '.gitignore'), 'utf8').split('\n')
    expect(ignored).toContain('.data/')
  })

  it('stops a production deployment without AUTH_SECRET with one clear line, writing nothing', () => {
    const production = env({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.internal/copydesk', COPYDESK_DATA_DIR: dataDir })

    expect(() => authSecret(production)).toThrow(StartUpError)
    expect(() => authSecret(production)).toThrow(/^AUTH_SECRET is not set; a production deployment needs one[^\n]*$/)
    expect(fs.readdirSync(dataDir)).toEqual([])
  })
})

describe('trustedProxyHops', () => {
  it('trusts no proxy unless told there is one', () => {
    expect(trustedProxyHops(env())).toBe(0)
    expect(trustedProxyHops(env({ TRUSTED_PROXY_HOPS: '0' }))).toBe(0)
    expect(trustedProxyHops(env({ TRUSTED_PROXY_HOPS: '2' }))).toBe(2)
  })

  it.each(['-1', 'two', '1.5', '11'])('refuses TRUSTED_PROXY_HOPS=%s with one clear line', (value) => {
    expect(() => trustedProxyHops(env({ TRUSTED_PROXY_HOPS: value }))).toThrow(/^TRUSTED_PROXY_HOPS must be a whole number from 0 to 10/)
  })
})

describe('sessionLifetimes', () => {
  it('ends a session after 12 idle hours and 30 days at most unless told otherwise', () => {
    expect(sessionLifetimes(env())).toEqual({ idleMs: 12 * 3_600_000, absoluteMs: 30 * 86_400_000 })
    expect(sessionLifetimes(env({ SESSION_IDLE_HOURS: '0.5', SESSION_MAX_DAYS: '7' }))).toEqual({
      idleMs: 1_800_000,
      absoluteMs: 7 * 86_400_000,
    })
  })

  it.each([{ SESSION_IDLE_HOURS: '0' }, { SESSION_IDLE_HOURS: 'soon' }, { SESSION_MAX_DAYS: '-3' }, { SESSION_MAX_DAYS: '9999' }])(
    'refuses %o with one clear line',
    (settings) => {
      expect(() => sessionLifetimes(env(settings))).toThrow(/^SESSION_(IDLE_HOURS|MAX_DAYS) must be a number above 0/)
    },
  )

  it('refuses an idle timeout longer than the absolute lifetime', () => {
    expect(() => sessionLifetimes(env({ SESSION_IDLE_HOURS: '48', SESSION_MAX_DAYS: '1' }))).toThrow(StartUpError)
  })
})

describe('per-person upload limits', () => {
  it('default to 30 uploads a minute and 2,000 MB a day', () => {
    expect(uploadLimits(env({}))).toEqual({ perMinute: 30, bytesPerDay: 2000 * 1024 * 1024 })
  })

  it('take UPLOADS_PER_MINUTE and UPLOAD_MB_PER_DAY', () => {
    expect(uploadLimits(env({ UPLOADS_PER_MINUTE: ' 5 ', UPLOAD_MB_PER_DAY: '100' }))).toEqual({
      perMinute: 5,
      bytesPerDay: 100 * 1024 * 1024,
    })
  })

  it.each([
    ['UPLOADS_PER_MINUTE', '0', /^UPLOADS_PER_MINUTE must be a whole number from 1 to 100000 \(got "0"\)\.$/],
    ['UPLOADS_PER_MINUTE', 'lots', /^UPLOADS_PER_MINUTE must be a whole number/],
    // Below one largest file (25 MB), nobody could upload one.
    ['UPLOAD_MB_PER_DAY', '10', /^UPLOAD_MB_PER_DAY must be a whole number from 25 to 10000000 \(got "10"\)\.$/],
    ['UPLOAD_MB_PER_DAY', '2.5', /^UPLOAD_MB_PER_DAY must be a whole number/],
  ])('refuse to start with %s=%s', (name, value, message) => {
    expect(() => uploadLimits(env({ [name]: value }))).toThrow(StartUpError)
    expect(() => uploadLimits(env({ [name]: value }))).toThrow(message)
  })
})

describe('smtpSettings', () => {
  it('sends no mail unless SMTP_URL is set, and takes smtp:// and smtps:// addresses', () => {
    expect(smtpSettings(env())).toBeNull()
    expect(smtpSettings(env({ SMTP_URL: 'smtp://user:pw@mail.example.org:587' }))).toEqual({
      url: 'smtp://user:pw@mail.example.org:587',
      from: 'Copydesk <copydesk@localhost>',
    })
    expect(smtpSettings(env({ SMTP_URL: 'smtps://mail.example.org', SMTP_FROM: 'Desk <desk@example.org>' }))?.from).toBe(
      'Desk <desk@example.org>',
    )
  })

  it('stops start-up with one clear line for an address that is not an SMTP server', () => {
    expect(() => smtpSettings(env({ SMTP_URL: 'mail.example.org' }))).toThrow(
      'SMTP_URL is not an address (got "mail.example.org"); write it like smtp://user:password@mail.example.org:587.',
    )
    expect(() => smtpSettings(env({ SMTP_URL: 'https://mail.example.org' }))).toThrow(
      'SMTP_URL must start with smtp:// or smtps:// (got "https:").',
    )
  })
})

describe('redisSettings', () => {
  it('uses no Redis unless REDIS_URL is set, and reads the server, credentials, database and TLS from it', () => {
    expect(redisSettings(env())).toBeNull()
    expect(redisSettings(env({ REDIS_URL: 'redis://127.0.0.1:6379' }))).toEqual({ host: '127.0.0.1', port: 6379, db: 0, tls: false })
    expect(redisSettings(env({ REDIS_URL: 'rediss://desk:s%40fe@cache.example.org/2' }))).toEqual({
      host: 'cache.example.org',
      port: 6379,
      username: 'desk',
      password: 's@fe',
      db: 2,
      tls: true,
    })
  })

  it('stops start-up with one clear line for an address that is not a Redis server', () => {
    expect(() => redisSettings(env({ REDIS_URL: 'localhost:6379' }))).toThrow(StartUpError)
    expect(() => redisSettings(env({ REDIS_URL: 'http://cache.example.org' }))).toThrow(
      'REDIS_URL must start with redis:// or rediss:// (got "http:").',
    )
    expect(() => redisSettings(env({ REDIS_URL: 'redis://cache.example.org/x' }))).toThrow(
      'REDIS_URL names database "/x"; use a number from 0 to 15.',
    )
  })
})
