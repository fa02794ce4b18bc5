import 'server-only'
import { and, asc, eq, gte, inArray, ne } from 'drizzle-orm'
import type { Db } from '@/db'
import { articlePresence, users } from '@/db/schema'
import { mayReadStory } from './article-access'
import { authorize } from './authorize'
import type { Actor } from './permissions'
import type { Result } from './refusal'

/** Someone whose editor has said it has the story open within this time counts as there. */
export const presenceWindowMs = 30_000

export type PresentPerson = { userId: number; name: string }

/**
 * Notes that the actor has the story open, and returns the other people who have it open too
 * (seen within the last 30 seconds), by name. An editor calls it every few seconds.
 */
export async function recordPresence(
  db: Db,
  actor: Actor,
  articleId: number,
  now: Date = new Date(),
): Promise<Result<{ others: PresentPerson[] }>> {
  const allowed = await authorize(db, actor, 'desk.enter')
  if (!allowed.ok) return allowed
  // Who has a story open is part of the story: nobody is told or recorded on one they may not read.
  if (!(await mayReadStory(db, allowed.actor, articleId))) return { ok: true, others: [] }
  await db
    .insert(articlePresence)
    .values({ articleId, userId: actor.id, seenAt: now })
    .onConflictDoUpdate({ target: [articlePresence.articleId, articlePresence.userId], set: { seenAt: now } })
  const others = await db
    .select({ userId: users.id, name: users.name })
    .from(articlePresence)
    .innerJoin(users, eq(users.id, articlePresence.userId))
    .where(
      and(
        eq(articlePresence.articleId, articleId),
        ne(articlePresence.userId, actor.id),
        gte(articlePresence.seenAt, new Date(now.getTime() - presenceWindowMs)),
        eq(users.isDisabled, false),
      ),
    )
    .orderBy(asc(users.name))
  return { ok: true, others }
}

/** Notes that the actor closed the story, so that others stop seeing them at once. */
export async function leavePresence(db: Db, actor: Actor, articleId: number): Promise<Result> {
  const allowed = await authorize(db, actor, 'desk.enter')
  if (!allowed.ok) return allowed
  await db.delete(articlePresence).where(and(eq(articlePresence.articleId, articleId), eq(articlePresence.userId, actor.id)))
  return { ok: true }
}

/**
 * Who has each of these stories open (seen within the last 30 seconds), in one query for all of
 * them: what the story event streams (lib/story-events.ts) tell each editor, every second.
 */
export async function presentOn(db: Db, articleIds: readonly number[], now: Date = new Date()): Promise<Map<number, PresentPerson[]>> {
  const byStory = new Map<number, PresentPerson[]>()
  if (articleIds.length === 0) return byStory
  const rows = await db
    .select({ articleId: articlePresence.articleId, userId: users.id, name: users.name })
    .from(articlePresence)
    .innerJoin(users, eq(users.id, articlePresence.userId))
    .where(
      and(
        inArray(articlePresence.articleId, [...articleIds]),
        gte(articlePresence.seenAt, new Date(now.getTime() - presenceWindowMs)),
        eq(users.isDisabled, false),
      ),
    )
    .orderBy(asc(users.name))
  for (const { articleId, ...person } of rows) byStory.set(articleId, [...(byStory.get(articleId) ?? []), person])
  return byStory
}
