import 'server-only'
import crypto from 'node:crypto'
import { and, count, eq, isNull, ne } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { sessions, users } from '@/db/schema'
import { type AuditAction, recordAudit } from './audit'
import { authorize } from './authorize'
import type { SessionLifetimes } from './env'
import type { Actor } from './permissions'
import { type Result, refusal } from './refusal'
import { deskOf, sectionDeskOf } from './section-desks'

/** Why a session ended, kept on its row and told to the person on the sign-in page (`/login?reason=…`). */
export const sessionEndReasons = [
  'signed-out',
  'signed-out-everywhere',
  'ended-by-admin',
  'idle',
  'expired',
  'password-changed',
  'password-reset',
  'disabled',
] as const
export type SessionEndReason = (typeof sessionEndReasons)[number]
/** `ended`: the session is unknown or ended for no recorded reason (a cookie from before sessions were kept, say). */
export type SignInReason = SessionEndReason | 'ended'

export const signInReasonMessages: Record<SignInReason, string> = {
  'signed-out': 'You signed out.',
  'signed-out-everywhere': 'You signed out on every device.',
  'ended-by-admin': 'An administrator signed you out on every device. Please sign in again.',
  idle: 'You were signed out after a long time without activity. Please sign in again.',
  expired: 'Your session reached its maximum length. Please sign in again.',
  'password-changed': 'Your password was changed, which signed you out here. Sign in with the new password.',
  'password-reset': 'An administrator reset your password. Sign in with the new one.',
  disabled: 'Your account has been disabled; ask an administrator.',
  ended: 'Your session has ended. Please sign in again.',
}

export function parseSignInReason(raw: unknown): SignInReason | null {
  if (raw === 'ended') return 'ended'
  return sessionEndReasons.find((reason) => reason === raw) ?? null
}

/** How often a session's last-seen time is written: often enough for the idle timeout, not on every request. */
export const touchEveryMs = 60_000

/** Who asked for a change and from where, for the audit log. */
export type Requester = { actorId: number | null; client?: string }

/** Opens a session for someone who just proved who they are; its id (256 random bits) goes into the cookie. */
export async function startSession(
  db: Db | Tx,
  person: { userId: number; client: string; userAgent: string },
  now = new Date(),
): Promise<string> {
  const id = crypto.randomBytes(32).toString('base64url')
  await db.insert(sessions).values({
    id,
    userId: person.userId,
    createdAt: now,
    lastSeenAt: now,
    client: person.client.slice(0, 100),
    userAgent: person.userAgent.slice(0, 300),
  })
  return id
}

/**
 * The person behind a live session, with what every desk page needs of their own choices:
 * the zone they chose to read the desk in ('' for the newsroom's) and the list they last chose.
 */
export type SessionUser = Actor & { email: string; name: string; ownTimeZone: string; deskView: string }
export type SessionCheck = { ok: true; user: SessionUser } | { ok: false; reason: SignInReason }

/**
 * THE check of a session, on every request: open, its account enabled, not idle past the idle
 * timeout, not older than the absolute lifetime. A session found idle, expired or disabled is
 * ended here, so its row tells why. A live one is touched at most once every `touchEveryMs`.
 */
export async function checkSession(db: Db, id: string, lifetimes: SessionLifetimes, now = new Date()): Promise<SessionCheck> {
  const [row] = await db
    .select({
      endedAt: sessions.endedAt,
      endReason: sessions.endReason,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        isDisabled: users.isDisabled,
        ownTimeZone: users.timeZone,
        deskView: users.deskView,
      },
      sections: sectionDeskOf(users.id),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
  if (!row) return { ok: false, reason: 'ended' }
  if (row.endedAt) return { ok: false, reason: parseSignInReason(row.endReason) ?? 'ended' }
  const { isDisabled, ...user } = row.user
  const ending: SessionEndReason | null = isDisabled
    ? 'disabled'
    : now.getTime() - row.createdAt.getTime() >= lifetimes.absoluteMs
      ? 'expired'
      : now.getTime() - row.lastSeenAt.getTime() >= lifetimes.idleMs
        ? 'idle'
        : null
  if (ending) {
    await endSession(db, id, ending, { actorId: null }, now)
    return { ok: false, reason: ending }
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id))
  }
  return { ok: true, user: { ...user, ...deskOf(row.sections) } }
}

/** Ends one session (a no-op for one already ended); says whether it was open. */
export async function endSession(db: Db | Tx, id: string, reason: SessionEndReason, by: Requester, now = new Date()): Promise<boolean> {
  const [ended] = await db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
    .returning({ userId: sessions.userId })
  if (!ended) return false
  await recordAudit(db, {
    action: reason === 'signed-out' ? 'sign-out' : 'session.ended',
    actorId: by.actorId,
    subjectUserId: ended.userId,
    detail: { reason },
    client: by.client,
  })
  return true
}

/**
 * Ends every open session of a person, or every one but `exceptId` (the session that changed the
 * password stays signed in). Returns how many ended.
 */
export async function endSessionsOf(
  db: Db | Tx,
  userId: number,
  reason: SessionEndReason,
  by: Requester,
  options: { exceptId?: string; now?: Date } = {},
): Promise<number> {
  const open = and(eq(sessions.userId, userId), isNull(sessions.endedAt))
  const ended = await db
    .update(sessions)
    .set({ endedAt: options.now ?? new Date(), endReason: reason })
    .where(options.exceptId ? and(open, ne(sessions.id, options.exceptId)) : open)
    .returning({ userId: sessions.userId })
  const everywhere = reason === 'signed-out-everywhere' || reason === 'ended-by-admin'
  if (everywhere || ended.length > 0) {
    const action: AuditAction = everywhere ? 'sessions.ended-all' : 'session.ended'
    await recordAudit(db, { action, ...by, subjectUserId: userId, detail: { reason, sessions: ended.length } })
  }
  return ended.length
}

/** How many sessions a person has open now, for the admin's person page. */
export async function countOpenSessions(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ open: count() })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
  return row?.open ?? 0
}

/** An admin's "Sign out everywhere" for someone else: every session of theirs ends. */
export async function endSessionsForAdmin(db: Db, actor: Actor, userId: number, client = ''): Promise<Result<{ ended: number }>> {
  return db.transaction(async (tx) => {
    const allowed = await authorize(tx, actor, 'user.manage')
    if (!allowed.ok) return allowed
    const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId))
    if (!person) return refusal('missing', 'That account no longer exists.')
    return { ok: true, ended: await endSessionsOf(tx, userId, 'ended-by-admin', { actorId: actor.id, client }) }
  })
}
