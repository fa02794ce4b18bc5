import 'server-only'
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '@/db'
import { type Byline, articles, revisions, users } from '@/db/schema'
import { checkRead, mayReadStory } from './article-access'
import { ownerIds } from './article-attribution'
import { createArticle } from './article-create'
import { articleInputSchema } from './article-input'
import { authorize } from './authorize'
import { snapshotColumns } from './editable-article'
import { type Actor, can } from './permissions'
import { type Result, refusal } from './refusal'
import { sanitizeDoc } from './rich-text'

// Duplicate: a new draft from any revision of a story ("Follow-up to …"), the person's own, with
// its own history from its creation. The copy is made by `createArticle`, as every new story is.

const noSuchStory = refusal('missing', 'This story no longer exists; it may have been deleted.')

/**
 * Makes a new draft owned by `actor` with the content of revision `number` of the story: text,
 * section, tags, bylines, lead image, SEO; a free slug of its own. Needs `article.read` on the
 * story and `article.create`; a refusal creates nothing.
 */
export async function duplicateArticle(
  db: Db,
  actor: Actor,
  articleId: number,
  number: number,
  options: { now?: Date } = {},
): Promise<Result<{ articleId: number }>> {
  const [source] = await db
    .select({
      id: articles.id,
      createdBy: articles.createdBy,
      status: articles.status,
      publishedRevisionId: articles.publishedRevisionId,
      currentBylines: revisions.bylines,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
  if (!source) return noSuchStory
  const readable = checkRead(actor, { ...source, ownerIds: await ownerIds(db, source, source.currentBylines) })
  if (!readable.ok) return refusal('forbidden', `${readable.message} It cannot be duplicated.`)
  const allowed = await authorize(db, actor, 'article.create')
  if (!allowed.ok) return allowed

  const [revision] = await db
    .select({ ...snapshotColumns, id: revisions.id })
    .from(revisions)
    .where(and(eq(revisions.articleId, articleId), eq(revisions.number, number)))
  if (!revision) return refusal('missing', `This story has no revision ${number}.`)
  // Today's rules apply to old content too (limits may have changed since it was saved).
  const input = articleInputSchema.safeParse(revision)
  if (!input.success) {
    return refusal('invalid', `Revision ${number} cannot be duplicated as it is: ${input.error.issues[0]?.message ?? 'it is incomplete.'}`)
  }
  const body = sanitizeDoc(input.data.body)
  if (!body.ok) return refusal('invalid', body.message)
  const { headline, slug, ...content } = input.data
  return createArticle(
    db,
    allowed.actor,
    { ...content, headline, slug, body: body.doc, bylines: await bylinesFor(db, allowed.actor, input.data.bylines) },
    { now: options.now, duplicatedFrom: revision.id },
  )
}

/**
 * The copied bylines, without staff whose accounts are gone; someone who may edit only their own
 * stories stays on theirs (lib/article-editing.ts `checkBylines`), so is put first when missing.
 */
async function bylinesFor(db: Db, actor: Actor, bylines: readonly Byline[]): Promise<Byline[]> {
  const staff = bylines.flatMap((byline) => ('userId' in byline ? [byline.userId] : []))
  const found = staff.length > 0 ? await db.select({ id: users.id }).from(users).where(inArray(users.id, staff)) : []
  const present = new Set(found.map((row) => row.id))
  const kept = bylines.filter((byline) => !('userId' in byline) || present.has(byline.userId))
  const isOn = kept.some((byline) => 'userId' in byline && byline.userId === actor.id)
  return isOn || can(actor, 'article.edit') ? kept : [{ userId: actor.id }, ...kept]
}

/** What a duplicate's page says it follows: the revision's headline, and the story if the viewer may open it. */
export type FollowUp = { headline: string; articleId: number | null }

/** The story this one was duplicated from, or null when it was not (or that story was deleted since). */
export async function getFollowUp(db: Db, viewer: Actor, articleId: number): Promise<FollowUp | null> {
  const [row] = await db
    .select({ headline: revisions.headline, sourceId: revisions.articleId })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.duplicatedFrom))
    .where(eq(articles.id, articleId))
  if (!row) return null
  const mayRead = await mayReadStory(db, viewer, row.sourceId)
  // A story the viewer may not open is not named either.
  return mayRead ? { headline: row.headline, articleId: row.sourceId } : { headline: '', articleId: null }
}
