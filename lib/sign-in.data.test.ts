import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { sessions, signInFailures, users } from '@/db/schema'
import { openTestDatabase } from '@/test/newsroom'
import { hashPassword } from './passwords'
import { checkCredentials, signInWithPassword, throttle } from './sign-in'

const db = await openTestDatabase()
const password = 'correct horse battery'

beforeAll(async () => {
  const passwordHash = await hashPassword(password)
  await db.insert(users).values([
    { email: 'rana@example.test', name: 'Rana', slug: 'rana', role: 'writer', passwordHash },
    { email: 'gone@example.test', name: 'Gone', slug: 'gone', role: 'editor', passwordHash, isDisabled: true },
    { email: 'locked@example.test', name: 'Locked', slug: 'locked', role: 'writer', passwordHash },
  ])
})

describe('signing in with an e-mail and password', () => {
  it('lets a person in with the right password, whatever the case of the e-mail', async () => {
    const result = await checkCredentials(db, { email: ' Rana@Example.test ', password }, 'client-a')
    expect(result).toMatchObject({ ok: true, user: { email: 'rana@example.test', name: 'Rana' } })
  })

  it.each([
    ['an unknown e-mail', { email: 'nobody@example.test', password }],
    ['a wrong password', { email: 'rana@example.test', password: 'wrong' }],
    ['an empty form', { email: '', password: '' }],
    ['no fields at all', {}],
    ['a 10 MB password', { email: 'rana@example.test', password: 'x'.repeat(10 * 1024 * 1024) }],
    ['a disabled account with the right password', { email: 'gone@example.test', password }],
  ])('refuses %s with the same generic answer', async (_, credentials) => {
    const result = await checkCredentials(db, credentials, 'client-b')
    expect(result).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses a 10 MB password quickly, without hashing it', async () => {
    const started = performance.now()
    await checkCredentials(db, { email: 'rana@example.test', password: 'y'.repeat(10 * 1024 * 1024) }, 'client-c')
    // Generous bound: hashing 10 MB with argon2 would take far longer than this.
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('locks an account for a while after repeated failures, even for the right password', async () => {
    const now = new Date('2026-11-24T10:00:00Z')
    for (let attempt = 0; attempt < throttle.maxPerEmail; attempt++) {
      await checkCredentials(db, { email: 'locked@example.test', password: 'nope' }, `client-${attempt}`, now)
    }
    const during = await checkCredentials(db, { email: 'locked@example.test', password }, 'client-x', now)
    expect(during).toEqual({ ok: false, reason: 'throttled' })

    const later = new Date(now.getTime() + throttle.lockMs + 1000)
    const after = await checkCredentials(db, { email: 'locked@example.test', password }, 'client-x', later)
    expect(after.ok).toBe(true)
  })

  it('locks a client that keeps guessing across many accounts', async () => {
    const now = new Date('2026-11-24T12:00:00Z')
    for (let attempt = 0; attempt < throttle.maxPerClient; attempt++) {
      await checkCredentials(db, { email: `guess${attempt}@example.test`, password: 'nope' }, 'client-guesser', now)
    }
    const result = await checkCredentials(db, { email: 'rana@example.test', password }, 'client-guesser', now)
    expect(result).toEqual({ ok: false, reason: 'throttled' })
    const elsewhere = await checkCredentials(db, { email: 'rana@example.test', password }, 'client-honest', now)
    expect(elsewhere.ok).toBe(true)
  })

  it('forgets failures whose window and lock are over when it records a new one', async () => {
    const now = new Date('2026-11-25T09:00:00Z')
    const dayBefore = new Date(now.getTime() - 24 * 60 * 60_000)
    await db.insert(signInFailures).values([
      { key: 'client:long-gone', failures: 3, windowStartedAt: dayBefore, lockedUntil: null },
      {
        key: 'email:lock-over@example.test',
        failures: 5,
        windowStartedAt: dayBefore,
        lockedUntil: new Date(dayBefore.getTime() + throttle.lockMs),
      },
      { key: 'email:still-locked@example.test', failures: 5, windowStartedAt: dayBefore, lockedUntil: new Date(now.getTime() + 60_000) },
      { key: 'client:recent', failures: 2, windowStartedAt: new Date(now.getTime() - 60_000), lockedUntil: null },
    ])

    await checkCredentials(db, { email: 'nobody@example.test', password: 'nope' }, 'client-e', now)

    const keys = (await db.select({ key: signInFailures.key }).from(signInFailures)).map((row) => row.key)
    expect(keys).not.toContain('client:long-gone')
    expect(keys).not.toContain('email:lock-over@example.test')
    expect(keys).toEqual(
      expect.arrayContaining(['email:still-locked@example.test', 'client:recent', 'client:client-e', 'email:nobody@example.test']),
    )
  })

  it('opens a server-side session with an unguessable id for the right password, and none for a wrong one', async () => {
    const from = { client: 'client-d', userAgent: 'Test browser' }
    const result = await signInWithPassword(db, { email: 'rana@example.test', password }, from)
    if (!result.ok) throw new Error(result.reason)
    expect(result.sessionId).toMatch(/^[\w-]{43}$/)
    const [row] = await db.select().from(sessions).where(eq(sessions.id, result.sessionId))
    expect(row).toMatchObject({ userId: result.user.id, endedAt: null, client: 'client-d', userAgent: 'Test browser' })

    const before = (await db.select().from(sessions)).length
    expect(await signInWithPassword(db, { email: 'rana@example.test', password: 'wrong' }, from)).toEqual({ ok: false, reason: 'invalid' })
    expect(await db.select().from(sessions)).toHaveLength(before)
  })
})
