import 'server-only'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { users } from '@/db/schema'
import { recordAudit } from './audit'
import { authorize } from './authorize'
import { hashPassword, maxPasswordLength, minPasswordLength } from './passwords'
import type { Actor } from './permissions'
import { type Result, refusal } from './refusal'
import { endSessionsOf } from './sessions'
import { confirmPassword } from './sign-in'

/** A person's own session on this request: who, which session, and from where (for the audit log). */
export type OwnSession = { actor: Actor; sessionId: string; client: string }

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(maxPasswordLength),
    newPassword: z
      .string()
      .min(minPasswordLength, `Use at least ${minPasswordLength} characters.`)
      .max(maxPasswordLength, `Keep the password under ${maxPasswordLength} characters.`),
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { message: 'The two new passwords differ.', path: ['confirmPassword'] })
export type PasswordChange = z.infer<typeof passwordChangeSchema>

/**
 * A person changes their own password, proving the current one. Every other session of theirs
 * ends (a browser left signed in elsewhere, or someone who had the old password); this one stays.
 */
export async function changeOwnPassword(db: Db, own: OwnSession, input: PasswordChange): Promise<Result<{ ended: number }>> {
  const allowed = await authorize(db, own.actor, 'desk.enter')
  if (!allowed.ok) return allowed
  const [row] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, own.actor.id))
  const confirmed = row ? await confirmPassword(db, row, input.currentPassword, own.client) : 'wrong'
  if (confirmed === 'throttled') {
    return refusal('invalid', 'Too many wrong passwords: wait 15 minutes, then try again.', 'currentPassword')
  }
  if (confirmed === 'wrong') return refusal('invalid', 'That is not your current password.', 'currentPassword')
  const passwordHash = await hashPassword(input.newPassword)
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, own.actor.id))
    const by = { actorId: own.actor.id, client: own.client }
    await recordAudit(tx, { action: 'password.change', ...by, subjectUserId: own.actor.id })
    return { ok: true, ended: await endSessionsOf(tx, own.actor.id, 'password-changed', by, { exceptId: own.sessionId }) }
  })
}

/** "Sign out everywhere": every session of the person ends, this one included. */
export async function signOutEverywhere(db: Db, own: OwnSession): Promise<number> {
  return endSessionsOf(db, own.actor.id, 'signed-out-everywhere', { actorId: own.actor.id, client: own.client })
}
