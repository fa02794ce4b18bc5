import 'server-only'
import { and, eq, isNull, lt, lte, or } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { signInFailures, users } from '@/db/schema'
import { recordAudit } from './audit'
import { maxPasswordLength, verifyPassword } from './passwords'
import { startSession } from './sessions'
import { cleanEmail } from './users'

/** How many failures within the window lock a key, and for how long. */
export const throttle = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerEmail: 5,
  maxPerClient: 30,
} as const

export const credentialsSchema = z.object({
  email: z.string().transform(cleanEmail).pipe(z.string().min(3).max(320)),
  password: z.string().min(1).max(maxPasswordLength),
})

export type SignInResult = { ok: true; user: { id: number; name: string; email: string } } | { ok: false; reason: 'invalid' | 'throttled' }

/**
 * Checks an e-mail and password. Every kind of failure looks the same to the caller ("invalid"),
 * except a lock after repeated failures for this address or this client ("throttled").
 */
export async function checkCredentials(db: Db, raw: unknown, client: string, now = new Date()): Promise<SignInResult> {
  const input = credentialsSchema.safeParse(raw)
  const clientKey = `client:${client}`
  const emailKey = input.success ? `email:${input.data.email}` : null
  const keys = emailKey ? [clientKey, emailKey] : [clientKey]

  if (await isLocked(db, keys, now)) return { ok: false, reason: 'throttled' }
  if (!input.success) {
    await recordFailure(db, clientKey, throttle.maxPerClient, now)
    return { ok: false, reason: 'invalid' }
  }

  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      passwordHash: users.passwordHash,
      isDisabled: users.isDisabled,
    })
    .from(users)
    .where(eq(users.email, input.data.email))
  const matches = await verifyPassword(user?.passwordHash ?? null, input.data.password)

  if (!user || !matches || user.isDisabled) {
    await recordFailure(db, clientKey, throttle.maxPerClient, now)
    await recordFailure(db, `email:${input.data.email}`, throttle.maxPerEmail, now)
    return { ok: false, reason: 'invalid' }
  }
  await db.delete(signInFailures).where(eq(signInFailures.key, `email:${input.data.email}`))
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } }
}

/** The e-mail someone tried, for the audit log: never the password. */
const triedEmail = z.object({ email: z.string().transform((email) => email.trim().toLowerCase().slice(0, 320)) }).catch({ email: '' })

/**
 * A sign-in through the form: the credentials checked, a session opened for the right ones
 * (its id goes into the cookie), and the attempt written to the audit log, with the account the
 * e-mail names if any. Attempts refused by a lock are not written: the failures that set the lock
 * were, and a locked client hammering away must not grow the log without end.
 */
export async function signInWithPassword(
  db: Db,
  raw: unknown,
  from: { client: string; userAgent: string },
  now = new Date(),
): Promise<({ sessionId: string } & Extract<SignInResult, { ok: true }>) | Extract<SignInResult, { ok: false }>> {
  const result = await checkCredentials(db, raw, from.client, now)
  if (!result.ok) {
    if (result.reason === 'throttled') return result
    const { email } = triedEmail.parse(raw)
    const [named] = email ? await db.select({ id: users.id }).from(users).where(eq(users.email, email)) : []
    await recordAudit(db, {
      action: 'sign-in.failed',
      actorId: null,
      subjectUserId: named?.id ?? null,
      detail: { email },
      client: from.client,
    })
    return result
  }
  const sessionId = await startSession(db, { userId: result.user.id, ...from }, now)
  await recordAudit(db, { action: 'sign-in', actorId: result.user.id, subjectUserId: result.user.id, client: from.client })
  return { ...result, sessionId }
}

/**
 * A password typed to prove who a signed-in person is (changing their own password): a wrong one
 * counts against the same limits as a failed sign-in, for their e-mail and their client, and
 * while either is locked it is refused without being checked.
 */
export async function confirmPassword(
  db: Db,
  person: { email: string; passwordHash: string },
  password: string,
  client: string,
  now = new Date(),
): Promise<'ok' | 'wrong' | 'throttled'> {
  const clientKey = `client:${client}`
  const emailKey = `email:${cleanEmail(person.email)}`
  if (await isLocked(db, [clientKey, emailKey], now)) return 'throttled'
  if (await verifyPassword(person.passwordHash, password)) return 'ok'
  await recordFailure(db, clientKey, throttle.maxPerClient, now)
  await recordFailure(db, emailKey, throttle.maxPerEmail, now)
  return 'wrong'
}

async function isLocked(db: Db, keys: string[], now: Date): Promise<boolean> {
  for (const key of keys) {
    const [row] = await db.select().from(signInFailures).where(eq(signInFailures.key, key))
    if (row?.lockedUntil && row.lockedUntil > now) return true
  }
  return false
}

async function recordFailure(db: Db, key: string, max: number, now: Date): Promise<void> {
  // Rows whose window and lock are both over count for nothing: drop them, so guesses from many
  // addresses or at many e-mails cannot grow the table without end.
  const forgotten = new Date(now.getTime() - Math.max(throttle.windowMs, throttle.lockMs))
  await db
    .delete(signInFailures)
    .where(and(lt(signInFailures.windowStartedAt, forgotten), or(isNull(signInFailures.lockedUntil), lte(signInFailures.lockedUntil, now))))
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(signInFailures).where(eq(signInFailures.key, key)).for('update')
    const windowIsOpen = row !== undefined && now.getTime() - row.windowStartedAt.getTime() < throttle.windowMs
    const failures = windowIsOpen ? row.failures + 1 : 1
    const next = {
      failures,
      windowStartedAt: windowIsOpen ? row.windowStartedAt : now,
      lockedUntil: failures >= max ? new Date(now.getTime() + throttle.lockMs) : null,
    }
    await tx
      .insert(signInFailures)
      .values({ key, ...next })
      .onConflictDoUpdate({ target: signInFailures.key, set: next })
  })
}
