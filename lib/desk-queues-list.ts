import 'server-only'
import { type SQL, and, asc, count, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { articleAuthors, articles, notes, revisions, sections, users, workflowEvents } from '@/db/schema'
import { type DeskFilters, type DeskPage, type DeskQuery, type DeskQueue, maxDeskPageSize } from './desk-queues'
import { readableStories } from './article-access'
import { filterCondition, queueCondition } from './desk-queues-conditions'
import { isEmbargoed } from './embargo'
import type { Actor } from './permissions'
import { hasUnpublishedChanges, isPubliclyVisible } from './workflow'

// Each list is one query on `articles` with the current revision's headline, of the stories the
// viewer may read (`readableStories`); the filters and the search narrow it; a page is at most 50. Bylines, status times and open notes are then read for
// the page's stories only.

/** A page of one desk list; null for someone who may not enter the desk. */
export async function listDeskQueue(db: Db, viewer: Actor, queue: DeskQueue, query: DeskQuery = {}): Promise<DeskPage | null> {
  const pageSize = Math.min(maxDeskPageSize, Math.max(1, Math.trunc(query.pageSize ?? 20) || 20))
  const page = Math.max(1, Math.trunc(query.page ?? 1) || 1)
  const where = and(queueCondition(queue, viewer), filterCondition(query), readableStories(viewer))
  const needsHeadline = Boolean(query.q?.trim())

  // Only the review lists sort by it, and they are short: the time of the event that brought
  // the story into its status.
  const statusSince = sql`(select max(${workflowEvents.createdAt}) from ${workflowEvents}
    where ${workflowEvents.articleId} = ${articles.id} and ${workflowEvents.toStatus} = ${articles.status})`
  const order: Record<DeskQueue, SQL[]> = {
    drafts: [desc(articles.updatedAt), desc(articles.id)],
    review: [sql`${statusSince} asc nulls first`, asc(articles.id)],
    sentBack: [sql`${statusSince} desc nulls last`, desc(articles.id)],
    scheduled: [asc(articles.scheduledAt), asc(articles.id)],
    published: [desc(articles.publishedAt), desc(articles.id)],
    all: [desc(articles.updatedAt), desc(articles.id)],
    trash: [desc(articles.trashedAt), desc(articles.id)],
  }

  const totalQuery = db.select({ total: count() }).from(articles)
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: articles.id,
        headline: revisions.headline,
        status: articles.status,
        sectionId: articles.sectionId,
        sectionName: sections.name,
        createdById: articles.createdBy,
        createdByName: users.name,
        updatedAt: articles.updatedAt,
        scheduledAt: articles.scheduledAt,
        firstPublishedAt: articles.firstPublishedAt,
        publishedAt: articles.publishedAt,
        trashedAt: articles.trashedAt,
        embargoUntil: articles.embargoUntil,
        currentRevisionId: articles.currentRevisionId,
        publishedRevisionId: articles.publishedRevisionId,
      })
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .innerJoin(users, eq(users.id, articles.createdBy))
      .where(where)
      .orderBy(...order[queue])
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    needsHeadline ? totalQuery.innerJoin(revisions, eq(revisions.id, articles.currentRevisionId)).where(where) : totalQuery.where(where),
  ])
  const pageIds = rows.map((row) => row.id)
  // For the page's stories only: never computed for the rows an offset skips.
  const [bylines, since, open] = await Promise.all([bylineNames(db, pageIds), statusTimes(db, pageIds), openNoteCounts(db, pageIds)])
  const total = totals?.total ?? 0
  const now = new Date()
  return {
    items: rows.map((row) => ({
      id: row.id,
      headline: row.headline,
      status: row.status,
      sectionId: row.sectionId,
      sectionName: row.sectionName,
      createdBy: { id: row.createdById, name: row.createdByName },
      bylines: bylines.get(row.id) ?? [],
      updatedAt: row.updatedAt,
      statusSince: since.get(`${row.id}:${row.status}`) ?? null,
      scheduledAt: row.scheduledAt,
      firstPublishedAt: row.firstPublishedAt,
      publishedAt: row.publishedAt,
      trashedAt: row.trashedAt,
      embargoUntil: isEmbargoed(row, now) ? row.embargoUntil : null,
      isLive: isPubliclyVisible(row),
      hasUnpublishedChanges: hasUnpublishedChanges(row),
      openNotes: open.get(row.id) ?? 0,
    })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  }
}

/** How many stories each list holds for this person, with the same filters; null off the desk. */
export async function countDeskQueues(db: Db, viewer: Actor, filters: DeskFilters = {}): Promise<Record<DeskQueue, number> | null> {
  const counted = (queue: DeskQueue) => sql<number>`count(*) filter (where ${queueCondition(queue, viewer) ?? sql`true`})`.mapWith(Number)
  const base = db
    .select({
      drafts: counted('drafts'),
      review: counted('review'),
      sentBack: counted('sentBack'),
      scheduled: counted('scheduled'),
      published: counted('published'),
      all: counted('all'),
      trash: counted('trash'),
    })
    .from(articles)
  const where = and(filterCondition(filters), readableStories(viewer))
  const [row] = await (filters.q?.trim()
    ? base.innerJoin(revisions, eq(revisions.id, articles.currentRevisionId)).where(where)
    : base.where(where))
  return row ?? { drafts: 0, review: 0, sentBack: 0, scheduled: 0, published: 0, all: 0, trash: 0 }
}

/** When each story last entered each status, keyed `id:status`. */
async function statusTimes(db: Db, articleIds: number[]): Promise<Map<string, Date>> {
  if (articleIds.length === 0) return new Map()
  const rows = await db
    .select({ articleId: workflowEvents.articleId, status: workflowEvents.toStatus, at: max(workflowEvents.createdAt) })
    .from(workflowEvents)
    .where(inArray(workflowEvents.articleId, articleIds))
    .groupBy(workflowEvents.articleId, workflowEvents.toStatus)
  return new Map(rows.flatMap((row) => (row.at ? [[`${row.articleId}:${row.status}`, row.at] as const] : [])))
}

/** Open note threads per story. */
async function openNoteCounts(db: Db, articleIds: number[]): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map()
  const rows = await db
    .select({ articleId: notes.articleId, open: count() })
    .from(notes)
    .where(and(inArray(notes.articleId, articleIds), isNull(notes.parentId), isNull(notes.resolvedAt)))
    .groupBy(notes.articleId)
  return new Map(rows.map((row) => [row.articleId, row.open]))
}

async function bylineNames(db: Db, articleIds: number[]): Promise<Map<number, string[]>> {
  if (articleIds.length === 0) return new Map()
  const rows = await db
    .select({ articleId: articleAuthors.articleId, staff: users.name, name: articleAuthors.name, outlet: articleAuthors.outlet })
    .from(articleAuthors)
    .leftJoin(users, eq(users.id, articleAuthors.userId))
    .where(inArray(articleAuthors.articleId, articleIds))
    .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position))
  const names = new Map<number, string[]>()
  for (const row of rows) {
    const name = row.staff ?? (row.outlet ? `${row.name} / ${row.outlet}` : row.name) ?? 'Former staff member'
    names.set(row.articleId, [...(names.get(row.articleId) ?? []), name])
  }
  return names
}
