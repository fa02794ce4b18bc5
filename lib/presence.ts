import 'server-only'
import { and, asc, eq, gte, ne } from 'drizzle-orm'
import type { Db } from '@/db'
import { articlePresence, articles, users } from '@/db/schema'
import { type Actor, assertCan } from './permissions'

/** Someone whose editor has said it has the story open within this time counts as there. */
export const presenceWindowMs = 30_000

export type PresentPerson = { userId: number; name: string }

/**
 * Notes that the actor has the story open, and returns the other people who have it open too
 * (seen within the last 30 seconds), by name. An editor calls it every few seconds.
 */
export async function recordPresence(db: Db, actor: Actor, articleId: number, now: Date = new Date()): Promise<PresentPerson[]> {
  assertCan(actor, 'desk.enter')
  const [article] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId))
  if (!article) return []
  await db
    .insert(articlePresence)
    .values({ articleId, userId: actor.id, seenAt: now })
    .onConflictDoUpdate({ target: [articlePresence.articleId, articlePresence.userId], set: { seenAt: now } })
  return db
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
}

/** Notes that the actor closed the story, so that others stop seeing them at once. */
export async function leavePresence(db: Db, actor: Actor, articleId: number): Promise<void> {
  assertCan(actor, 'desk.enter')
  await db.delete(articlePresence).where(and(eq(articlePresence.articleId, articleId), eq(articlePresence.userId, actor.id)))
}
