import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, sessions, users } from '@/db/schema'
import { openTestDatabase } from '@/test/newsroom'
import { changeOwnPassword, signOutEverywhere } from './account'
import { listAudit, recordAudit } from './audit'
import type { SessionLifetimes } from './env'
import type { Actor } from './permissions'
import { checkSession, countOpenSessions, endSession, endSessionsForAdmin, startSession, touchEveryMs } from './sessions'
import { signInWithPassword } from './sign-in'
import { insertUser, resetPassword, setDisabled } from './users'

const db = await openTestDatabase()
const lifetimes: SessionLifetimes = { idleMs: 12 * 3_600_000, absoluteMs: 30 * 86_400_000 }
const password = 'the first long password'
let admin: Actor
let writer: Actor
let editor: Actor

beforeAll(async () => {
  const make = async (email: string, role: Actor['role']) => {
    const result = await insertUser(db, { email, name: email.split('@')[0] ?? email, role, password })
    if (!result.ok) throw new Error(result.message)
    return { id: result.person.id, role }
  }
  admin = await make('boss@example.test', 'admin')
  writer = await make('scribe@example.test', 'writer')
  editor = await make('sub@example.test', 'editor')
})

const from = { client: '198.51.100.7', userAgent: 'Test browser' }
const open = (userId: number, now = new Date()) => startSession(db, { userId, ...from }, now)
const isOpen = async (id: string) => (await checkSession(db, id, lifetimes)).ok

async function signInAs(email: string, secret = password): Promise<string> {
  const result = await signInWithPassword(db, { email, password: secret }, from)
  if (!result.ok) throw new Error(`Sign-in refused: ${result.reason}`)
  return result.sessionId
}

describe('server-side sessions', () => {
  it('lets a fresh session in, and signing out ends that one only', async () => {
    const here = await signInAs('scribe@example.test')
    const there = await signInAs('scribe@example.test')
    expect(await checkSession(db, here, lifetimes)).toMatchObject({ ok: true, user: { id: writer.id, role: 'writer' } })

    expect(await endSession(db, here, 'signed-out', { actorId: writer.id })).toBe(true)
    expect(await checkSession(db, here, lifetimes)).toEqual({ ok: false, reason: 'signed-out' })
    expect(await isOpen(there)).toBe(true)
    // A second sign-out of the same cookie changes nothing and records nothing.
    expect(await endSession(db, here, 'signed-out', { actorId: writer.id })).toBe(false)
  })

  it('refuses a session id it never issued', async () => {
    expect(await checkSession(db, 'made-up', lifetimes)).toEqual({ ok: false, reason: 'ended' })
  })

  it('"sign out everywhere" ends every session of the person and nobody else’s', async () => {
    const mine = [await open(writer.id), await open(writer.id)]
    const theirs = await open(editor.id)
    expect(await signOutEverywhere(db, { actor: writer, sessionId: mine[0] ?? '', client: 'x' })).toBeGreaterThanOrEqual(2)
    for (const id of mine) expect(await checkSession(db, id, lifetimes)).toEqual({ ok: false, reason: 'signed-out-everywhere' })
    expect(await isOpen(theirs)).toBe(true)
  })

  it('an admin signs a person out everywhere; nobody else may', async () => {
    const target = await open(editor.id)
    expect(await endSessionsForAdmin(db, writer, editor.id)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await isOpen(target)).toBe(true)
    const before = await countOpenSessions(db, editor.id)
    expect(before).toBeGreaterThanOrEqual(1)
    expect(await endSessionsForAdmin(db, admin, editor.id)).toEqual({ ok: true, ended: before })
    expect(await checkSession(db, target, lifetimes)).toEqual({ ok: false, reason: 'ended-by-admin' })
    expect(await countOpenSessions(db, editor.id)).toBe(0)
  })

  it('a password change needs the current password, and ends the other sessions but not this one', async () => {
    const current = await signInAs('scribe@example.test')
    const other = await signInAs('scribe@example.test')
    const own = { actor: writer, sessionId: current, client: 'x' }
    const change = { newPassword: 'the second long password', confirmPassword: 'the second long password' }

    expect(await changeOwnPassword(db, own, { ...change, currentPassword: 'a guess' })).toMatchObject({
      ok: false,
      field: 'currentPassword',
    })
    expect(await isOpen(other)).toBe(true)

    expect(await changeOwnPassword(db, own, { ...change, currentPassword: password })).toMatchObject({ ok: true, ended: 1 })
    expect(await isOpen(current)).toBe(true)
    expect(await checkSession(db, other, lifetimes)).toEqual({ ok: false, reason: 'password-changed' })
    await signInAs('scribe@example.test', change.newPassword)
    expect(await signInWithPassword(db, { email: 'scribe@example.test', password }, from)).toMatchObject({ ok: false })
  })

  it('an admin password reset ends every session of the person', async () => {
    const session = await open(editor.id)
    expect(await resetPassword(db, admin, editor.id)).toMatchObject({ ok: true })
    expect(await checkSession(db, session, lifetimes)).toEqual({ ok: false, reason: 'password-reset' })
  })

  it('a disabled account’s sessions end, and stay ended when it is enabled again', async () => {
    const session = await open(editor.id)
    await setDisabled(db, admin, editor.id, true)
    expect(await checkSession(db, session, lifetimes)).toEqual({ ok: false, reason: 'disabled' })
    await setDisabled(db, admin, editor.id, false)
    expect(await checkSession(db, session, lifetimes)).toEqual({ ok: false, reason: 'disabled' })
  })

  it('ends a session found on a disabled account even if nothing ended it before', async () => {
    const session = await open(editor.id)
    await db.update(users).set({ isDisabled: true }).where(eq(users.id, editor.id))
    expect(await checkSession(db, session, lifetimes)).toEqual({ ok: false, reason: 'disabled' })
    await db.update(users).set({ isDisabled: false }).where(eq(users.id, editor.id))
    expect(await checkSession(db, session, lifetimes)).toEqual({ ok: false, reason: 'disabled' })
  })

  it('ends a session idle past the idle timeout, and keeps one in use alive', async () => {
    const start = new Date('2026-12-01T08:00:00Z')
    const idle = await open(writer.id, start)
    const busy = await open(writer.id, start)
    const at = (ms: number) => new Date(start.getTime() + ms)

    // Used every 6 hours: never idle for 12.
    for (const hours of [6, 12, 18, 24]) {
      expect((await checkSession(db, busy, lifetimes, at(hours * 3_600_000))).ok).toBe(true)
    }
    expect((await checkSession(db, idle, lifetimes, at(lifetimes.idleMs - 1000))).ok).toBe(true)
    expect(await checkSession(db, idle, lifetimes, at(2 * lifetimes.idleMs))).toEqual({ ok: false, reason: 'idle' })
    // Ended for good: a later request finds the row says why.
    expect(await checkSession(db, idle, lifetimes, at(2 * lifetimes.idleMs))).toEqual({ ok: false, reason: 'idle' })
  })

  it('writes the last-seen time at most once a minute', async () => {
    const start = new Date('2026-12-02T08:00:00Z')
    const id = await open(writer.id, start)
    const lastSeen = async () => (await db.select().from(sessions).where(eq(sessions.id, id)))[0]?.lastSeenAt.getTime()
    await checkSession(db, id, lifetimes, new Date(start.getTime() + touchEveryMs / 2))
    expect(await lastSeen()).toBe(start.getTime())
    await checkSession(db, id, lifetimes, new Date(start.getTime() + touchEveryMs + 1))
    expect(await lastSeen()).toBe(start.getTime() + touchEveryMs + 1)
  })

  it('ends a session at its absolute lifetime, however busy', async () => {
    const start = new Date('2026-11-01T08:00:00Z')
    const id = await open(writer.id, start)
    const short: SessionLifetimes = { idleMs: 3_600_000, absoluteMs: 3 * 3_600_000 }
    for (const minutes of [50, 100, 150]) {
      expect((await checkSession(db, id, short, new Date(start.getTime() + minutes * 60_000))).ok).toBe(true)
    }
    expect(await checkSession(db, id, short, new Date(start.getTime() + 3 * 3_600_000))).toEqual({ ok: false, reason: 'expired' })
  })
})

describe('the audit log', () => {
  it('records sign-ins, refusals with the e-mail tried, and every session end, never a secret', async () => {
    await signInWithPassword(db, { email: 'Boss@Example.test', password: 'hunter2-wrong-guess' }, from)
    const session = await signInAs('boss@example.test')
    await endSession(db, session, 'signed-out', { actorId: admin.id })

    const entries = await db.select().from(auditEvents)
    const actions = new Set(entries.map((entry) => entry.action))
    for (const action of [
      'sign-in',
      'sign-in.failed',
      'sign-out',
      'session.ended',
      'sessions.ended-all',
      'password.change',
      'password.reset',
      'user.disable',
      'user.enable',
    ]) {
      expect(actions).toContain(action)
    }
    const failed = entries.find((entry) => entry.action === 'sign-in.failed' && entry.detail.email === 'boss@example.test')
    expect(failed).toMatchObject({ client: from.client, actorId: null, subjectUserId: admin.id })
    const reasons = new Set(entries.filter((entry) => entry.action === 'session.ended').map((entry) => entry.detail.reason))
    expect([...reasons]).toEqual(expect.arrayContaining(['idle', 'expired', 'disabled', 'password-changed', 'password-reset']))

    const secrets = [
      password,
      'hunter2-wrong-guess',
      'the second long password',
      session,
      ...(await db.select({ id: sessions.id }).from(sessions)).map((row) => row.id),
      ...(await db.select({ hash: users.passwordHash }).from(users)).map((row) => row.hash),
    ]
    const written = JSON.stringify(entries)
    for (const secret of secrets) expect(written).not.toContain(secret)
  })

  it('refuses an entry whose detail names a secret, and writes nothing', async () => {
    const before = (await db.select().from(auditEvents)).length
    for (const key of ['password', 'passwordHash', 'sessionId', 'token']) {
      await expect(recordAudit(db, { action: 'sign-in', actorId: null, detail: { [key]: 'x' } })).rejects.toThrow(/may not carry/)
    }
    expect(await db.select().from(auditEvents)).toHaveLength(before)
  })

  it('lists newest first for admins only, filtered by action and by person', async () => {
    expect(await listAudit(db, writer, { page: 1 })).toMatchObject({ ok: false, reason: 'forbidden' })
    const all = await listAudit(db, admin, { page: 1 })
    if (!all.ok) throw new Error(all.message)
    const times = all.rows.map((row) => row.at.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))

    const resets = await listAudit(db, admin, { action: 'password.reset', page: 1 })
    expect(resets.ok && resets.rows.map((row) => [row.action, row.actorName, row.subjectName])).toEqual([['password.reset', 'boss', 'sub']])
    const aboutEditor = await listAudit(db, admin, { person: editor.id, page: 1 })
    expect(aboutEditor.ok && aboutEditor.rows.length).toBeGreaterThan(0)
    expect(aboutEditor.ok && aboutEditor.rows.every((row) => row.actorName === 'sub' || row.subjectName === 'sub')).toBe(true)
    expect(await listAudit(db, admin, { page: 999 })).toMatchObject({ ok: true, rows: [], hasMore: false })
  })
})
