import 'server-only'
import { and, desc, eq, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import type { Db, Tx } from '@/db'
import { auditEvents, users } from '@/db/schema'
import { authorize } from './authorize'
import type { Actor } from './permissions'
import type { Result } from './refusal'

/** Everything the audit log records, with how the admin page names it. */
export const auditActions = {
  'sign-in': 'Signed in',
  'sign-in.failed': 'Sign-in refused',
  'sign-out': 'Signed out',
  'session.ended': 'Session ended',
  'sessions.ended-all': 'Signed out everywhere',
  'user.create': 'Account created',
  'user.role': 'Role changed',
  'user.sections': 'Section desk changed',
  'user.disable': 'Account disabled',
  'user.enable': 'Account enabled',
  'password.reset': 'Password reset',
  'password.change': 'Password changed',
  'profile.edit': 'Profile edited',
  'media.delete': 'Image deleted',
  'site.page': 'Site page edited',
  'story.unpublish': 'Story unpublished',
  'story.republish': 'Story republished',
  'story.embargo': 'Embargo set',
  'story.embargo-lifted': 'Embargo lifted early',
  'story.trash': 'Story moved to the trash',
  'story.restore': 'Story restored from the trash',
  'story.purge': 'Story deleted from the trash',
  'story.warnings-confirmed': 'Checklist warnings confirmed',
  'settings.change': 'Setting changed',
  'front.pin': 'Pinned on the front page',
  'front.unpin': 'Unpinned from the front page',
  'tag.rename': 'Tag renamed',
  'tag.merge': 'Tags merged',
  'tag.describe': 'Tag description changed',
  'section.create': 'Section created',
  'section.change': 'Section changed',
  'section.reorder': 'Section moved up or down',
  'section.retire': 'Section retired',
  'section.pin': 'Pinned at the top of a section',
  'section.unpin': 'Unpinned from the top of a section',
  'webhook.create': 'Webhook added',
  'webhook.change': 'Webhook changed',
  'webhook.rotate': 'Webhook secret rotated',
  'webhook.delete': 'Webhook deleted',
  'webhook.resend': 'Webhook delivery resent',
  'api-token.create': 'API token created',
  'api-token.revoke': 'API token revoked',
} as const

export type AuditAction = keyof typeof auditActions
export const auditActionSchema = z.enum(Object.keys(auditActions) as [AuditAction, ...AuditAction[]])

export type AuditDetail = Record<string, string | number | boolean | null>

export type AuditEntry = {
  action: AuditAction
  actorId: number | null
  subjectUserId?: number | null
  detail?: AuditDetail
  client?: string
  /** When it happened, if not now (a change made with a test's clock). */
  at?: Date
}

/** Keys a detail may never have: the log must hold nothing that opens an account or a session. */
const secretKey = /pass|hash|secret|token|session.?id|sid|cookie/i

/** Writes one entry; inside the transaction that made the change when there is one, so both happen or neither. */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  const detail = entry.detail ?? {}
  const leaked = Object.keys(detail).find((key) => secretKey.test(key))
  if (leaked) throw new Error(`An audit entry may not carry "${leaked}".`)
  await db.insert(auditEvents).values({
    action: entry.action,
    actorId: entry.actorId,
    subjectUserId: entry.subjectUserId ?? null,
    detail,
    client: (entry.client ?? '').slice(0, 100),
    at: entry.at,
  })
}

export const auditPageSize = 50

export const auditFilterSchema = z.object({
  action: auditActionSchema.optional().catch(undefined),
  person: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type AuditFilter = z.infer<typeof auditFilterSchema>

export type AuditRow = {
  id: number
  at: Date
  action: string
  actorName: string | null
  subjectName: string | null
  detail: AuditDetail
  client: string
}

/** A page of the log, newest first, for an admin: one action, and entries where a person acted or was acted on. */
export async function listAudit(db: Db, actor: Actor, filter: AuditFilter): Promise<Result<{ rows: AuditRow[]; hasMore: boolean }>> {
  const allowed = await authorize(db, actor, 'user.manage')
  if (!allowed.ok) return allowed
  const actorUser = alias(users, 'actor_user')
  const subjectUser = alias(users, 'subject_user')
  const conditions = [
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.person ? or(eq(auditEvents.actorId, filter.person), eq(auditEvents.subjectUserId, filter.person)) : undefined,
  ]
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorName: actorUser.name,
      subjectName: subjectUser.name,
      detail: auditEvents.detail,
      client: auditEvents.client,
    })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorId))
    .leftJoin(subjectUser, eq(subjectUser.id, auditEvents.subjectUserId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(auditPageSize + 1)
    .offset((filter.page - 1) * auditPageSize)
  return { ok: true, rows: rows.slice(0, auditPageSize), hasMore: rows.length > auditPageSize }
}
