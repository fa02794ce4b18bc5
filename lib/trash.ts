import 'server-only'
import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { type ArticleStatus, articles, auditEvents, revisions, users } from '@/db/schema'
import { ownerIds } from './article-attribution'
import { type AuditAction, recordAudit } from './audit'
import { authorizeEdit } from './authorize'
import type { Actor } from './permissions'
import { type Result, refusal } from './refusal'
import { trashRetentionDays } from './settings'
import { isPubliclyVisible } from './story-state'

// The trash: a story never live (or taken off the site) put aside by whoever may edit it. It
// leaves every desk list but the trash's (lib/desk-queues-conditions.ts), refuses saves and
// workflow actions (`trashedStoryMessage`) and comes back whole — revisions, notes, history —
// when restored. After the newsroom's retention (`trashRetentionDays`) the scheduler deletes it
// for good. Moves in and out are in the audit log, and the story's history shows them.

const dayMs = 24 * 60 * 60 * 1000
const missing = refusal('missing', 'This story no longer exists; it may have been deleted.')

/** The day a story put in the trash at `trashedAt` is deleted for good. */
export function purgeDate(trashedAt: Date, retentionDays: number): Date {
  return new Date(trashedAt.getTime() + retentionDays * dayMs)
}

/** The story as the trash's checks need it, locked for the transaction. */
async function lockStory(tx: Tx, articleId: number) {
  const locked = await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId)).for('update')
  if (locked.length === 0) return null
  const [row] = await tx
    .select({
      id: articles.id,
      status: articles.status,
      createdBy: articles.createdBy,
      publishedRevisionId: articles.publishedRevisionId,
      trashedAt: articles.trashedAt,
      version: articles.version,
      headline: revisions.headline,
      bylines: revisions.bylines,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
  return row ?? null
}

/**
 * Why this story cannot go in the trash whoever asks, or null: it is there already, readers can
 * see it, or it is scheduled to be published. (Who may is `authorizeEdit`'s question.)
 */
export function trashProblem(story: { status: ArticleStatus; publishedRevisionId: number | null; trashedAt: Date | null }): string | null {
  if (story.trashedAt) return 'This story is already in the trash.'
  if (isPubliclyVisible(story)) {
    return 'Readers can see this story: an editor must unpublish it first, with a reason, before it can go in the trash.'
  }
  if (story.status === 'scheduled') return 'This story is scheduled to be published: unschedule it first.'
  return null
}

type Moved = Result<{ headline: string }>

/**
 * Puts a story in the trash. Who may edit it in its status may (a writer their own draft); a
 * story readers can see, or one scheduled to be, is refused: it is unpublished or unscheduled first.
 */
export async function moveToTrash(db: Db, actor: Actor, articleId: number, options: { now?: Date } = {}): Promise<Moved> {
  const now = options.now ?? new Date()
  return db.transaction(async (tx): Promise<Moved> => {
    const story = await lockStory(tx, articleId)
    if (!story) return missing
    const allowed = await authorizeEdit(tx, actor, { status: story.status, ownerIds: await ownerIds(tx, story, story.bylines) })
    if (!allowed.ok) return allowed
    const problem = trashProblem(story)
    if (problem) return refusal('invalid', problem)
    await tx
      .update(articles)
      .set({ trashedAt: now, trashedBy: actor.id, version: story.version + 1, updatedAt: now })
      .where(eq(articles.id, articleId))
    await record(tx, 'story.trash', actor.id, story, now)
    return { ok: true, headline: story.headline }
  })
}

/** Takes a story out of the trash as it was; who may edit it in its status may. */
export async function restoreFromTrash(db: Db, actor: Actor, articleId: number, options: { now?: Date } = {}): Promise<Moved> {
  const now = options.now ?? new Date()
  return db.transaction(async (tx): Promise<Moved> => {
    const story = await lockStory(tx, articleId)
    if (!story) return missing
    // Asked as of the story out of the trash: who could change it there may bring it back.
    const allowed = await authorizeEdit(tx, actor, { status: story.status, ownerIds: await ownerIds(tx, story, story.bylines) })
    if (!allowed.ok) return allowed
    if (!story.trashedAt) return refusal('invalid', 'This story is not in the trash.')
    await tx
      .update(articles)
      .set({ trashedAt: null, trashedBy: null, version: story.version + 1, updatedAt: now })
      .where(eq(articles.id, articleId))
    await record(tx, 'story.restore', actor.id, story, now)
    return { ok: true, headline: story.headline }
  })
}

async function record(tx: Tx, action: AuditAction, actorId: number | null, story: { id: number; headline: string }, at: Date) {
  await recordAudit(tx, { action, actorId, detail: { story: story.id, headline: story.headline }, at })
}

/** Stories deleted in one transaction: a long-unattended trash is emptied in several. */
const purgeBatch = 100

/**
 * Deletes for good every story in the trash longer than the newsroom's retention, with all that
 * is its own (revisions, notes, history, bylines, tags, old addresses: their foreign keys cascade).
 * Each deletion is in the audit log. Instances running it at once share the work (`skip locked`).
 * Returns how many stories it deleted.
 */
export async function purgeExpiredTrash(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - (await trashRetentionDays(db)) * dayMs)
  // Reads the partial index `articles_trashed`, whatever else the newsroom holds.
  const expired = and(isNotNull(articles.trashedAt), lte(articles.trashedAt, cutoff))
  let purged = 0
  for (;;) {
    const deleted = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: articles.id })
        .from(articles)
        .where(expired)
        .orderBy(asc(articles.trashedAt))
        .limit(purgeBatch)
        .for('update', { skipLocked: true })
      if (due.length === 0) return 0
      const ids = due.map((row) => row.id)
      const named = await tx
        .select({ id: articles.id, headline: revisions.headline })
        .from(articles)
        .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
        .where(inArray(articles.id, ids))
      await tx.delete(articles).where(inArray(articles.id, ids))
      for (const story of named) await record(tx, 'story.purge', null, story, now)
      return ids.length
    })
    purged += deleted
    if (deleted < purgeBatch) return purged
  }
}

/** Where a story in the trash stands, for its desk page; null when it is not in the trash. */
export type TrashState = { trashedAt: Date; trashedBy: string | null; purgeAt: Date }

export async function getTrashState(db: Db, articleId: number): Promise<TrashState | null> {
  const [row] = await db
    .select({ trashedAt: articles.trashedAt, trashedBy: users.name })
    .from(articles)
    .leftJoin(users, eq(users.id, articles.trashedBy))
    .where(eq(articles.id, articleId))
  if (!row?.trashedAt) return null
  return { trashedAt: row.trashedAt, trashedBy: row.trashedBy, purgeAt: purgeDate(row.trashedAt, await trashRetentionDays(db)) }
}

/** A move of a story into or out of the trash, for its history. */
export type TrashMove = { id: number; move: 'trash' | 'restore'; actorName: string | null; at: Date }

/** A story's moves into and out of the trash, newest first, from the audit log. */
export async function listTrashMoves(db: Db, articleId: number): Promise<TrashMove[]> {
  const rows = await db
    .select({ id: auditEvents.id, action: auditEvents.action, actorName: users.name, at: auditEvents.at })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        inArray(auditEvents.action, ['story.trash', 'story.restore'] satisfies AuditAction[]),
        sql`${auditEvents.detail}->>'story' = ${String(articleId)}`,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
  return rows.map((row) => ({ ...row, move: row.action === 'story.trash' ? 'trash' : 'restore' }))
}
