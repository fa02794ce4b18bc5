import 'server-only'
import { type SQL, and, eq, inArray, or, sql } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articles, revisions } from '@/db/schema'
import type { ArticleStatus } from '@/db/schema'
import { ownerIds } from './article-attribution'
import { mine } from './desk-queues-conditions'
import { type Actor, type Owned, type Permission, check, permissionTable } from './permissions'
import { publiclyVisible } from './public-articles'
import { isPubliclyVisible } from './story-state'

// Who may open a story in the desk: `article.read` in the permission table, asked of one story
// (`checkRead`, `mayReadStory`) and of every story at once (`readableStories`, for lists). A
// story someone may not read answers as missing everywhere: its existence is not told.

/** A story as the read check needs it. */
export type ReadableStory = { ownerIds: readonly number[]; status: ArticleStatus; publishedRevisionId: number | null }

/** The story as `Owned` for the table: its owners, and whether readers can see it. */
export function readResource(story: ReadableStory): Owned {
  return { ownerIds: story.ownerIds, isPublic: isPubliclyVisible(story) }
}

/** Whether this person may open this story in the desk. */
export function checkRead(actor: Actor, story: ReadableStory): Permission {
  return check(actor, 'article.read', readResource(story))
}

/** `checkRead` for a story by id: false for a story that does not exist as for one the person may not read. */
export async function mayReadStory(db: Db | Tx, actor: Actor, articleId: number): Promise<boolean> {
  const [row] = await db
    .select({
      id: articles.id,
      createdBy: articles.createdBy,
      status: articles.status,
      publishedRevisionId: articles.publishedRevisionId,
      bylines: revisions.bylines,
    })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
  if (!row) return false
  return checkRead(actor, { ...row, ownerIds: await ownerIds(db, row, row.bylines ?? []) }).ok
}

/**
 * `article.read` as a condition on `articles`, read off the same table: undefined (every story)
 * for `any`; the person's own stories, and for `ownOrPublic` also those readers can see; none
 * for someone without the capability. "Own" is `mine`: creator or live byline, which for a story
 * never published are its newest bylines.
 */
export function readableStories(actor: Actor): SQL | undefined {
  switch (permissionTable[actor.role]['article.read']) {
    case 'any':
      return undefined
    case 'own':
      return mine(actor.id)
    case 'ownOrPublic':
      return or(mine(actor.id), publiclyVisible)
    case undefined:
      return sql`false`
  }
}

/** Of these stories, the ids of those this person may read. */
export async function readableStoryIds(db: Db | Tx, actor: Actor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(inArray(articles.id, [...ids]), readableStories(actor)))
  return new Set(rows.map((row) => row.id))
}
