import 'server-only'
import { type SQL, and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { articleAuthors, articles, notes, revisions, sections, users } from '@/db/schema'
import { type DeskFilters, type DeskPage, type DeskQuery, type DeskQueue, countCap, deskQueues, maxDeskPageSize } from './desk-queues'
import { readableStories } from './article-access'
import { filterCondition, queueCondition } from './desk-queues-conditions'
import { isEmbargoed } from './embargo'
import type { Actor } from './permissions'
import { hasUnpublishedChanges, isPubliclyVisible } from './story-state'

// Each list is one query on `articles` with the current revision's headline, of the stories the
// viewer may read (`readableStories`); the filters and the search narrow it; a page is at most 50. Bylines, status times and open notes are then read for
// the page's stories only.

/**
 * A page of one desk list; null for someone who may not enter the desk. `knownTotal`: the list's
 * count when the caller has it already (`countDeskQueues` with the same filters), not counted again.
 */
export async function listDeskQueue(
  db: Db,
  viewer: Actor,
  queue: DeskQueue,
  query: DeskQuery = {},
  knownTotal?: number,
): Promise<DeskPage | null> {
  const pageSize = Math.min(maxDeskPageSize, Math.max(1, Math.trunc(query.pageSize ?? 20) || 20))
  const page = Math.max(1, Math.trunc(query.page ?? 1) || 1)
  const where = and(queueCondition(queue, viewer), filterCondition(query), readableStories(viewer))

  const order: Record<DeskQueue, SQL[]> = {
    drafts: [desc(articles.updatedAt), desc(articles.id)],
    // Who has waited longest comes first; what came back most recently, in "Sent back to me".
    review: [asc(articles.statusChangedAt), asc(articles.id)],
    sentBack: [desc(articles.statusChangedAt), desc(articles.id)],
    scheduled: [asc(articles.scheduledAt), asc(articles.id)],
    published: [desc(articles.publishedAt), desc(articles.id)],
    all: [desc(articles.updatedAt), desc(articles.id)],
    trash: [desc(articles.trashedAt), desc(articles.id)],
  }

  const [rows, total] = await Promise.all([
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
        statusChangedAt: articles.statusChangedAt,
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
      // One more than a page: whether there is a next one, beyond the count's cap too.
      .limit(pageSize + 1)
      .offset((page - 1) * pageSize),
    knownTotal ?? countUpToCap(db, where),
  ])
  const hasNextPage = rows.length > pageSize
  rows.splice(pageSize)
  const pageIds = rows.map((row) => row.id)
  // For the page's stories only: never computed for the rows an offset skips.
  const [bylines, open] = await Promise.all([bylineNames(db, pageIds), openNoteCounts(db, pageIds)])
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
      statusSince: row.statusChangedAt,
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
    pageCount: Math.max(1, Math.ceil(Math.min(total, countCap) / pageSize)),
    hasNextPage,
  }
}

/**
 * How many stories each list holds for this person, with the same filters, each counted up to
 * just past `countCap` (the desk shows "1,000+"): a count never reads the whole archive. Null
 * off the desk.
 */
export async function countDeskQueues(db: Db, viewer: Actor, filters: DeskFilters = {}): Promise<Record<DeskQueue, number> | null> {
  const where = and(filterCondition(filters), readableStories(viewer))
  // Every list's count in one statement: one round trip to the database instead of seven.
  const counts = Object.fromEntries(
    deskQueues.map((queue) => [
      queue,
      sql<number>`(select count(*) from (${upToCap(db, and(queueCondition(queue, viewer), where))}) as matching)`.mapWith(Number),
    ]),
  ) as Record<DeskQueue, SQL<number>>
  const [row] = await db.select(counts).from(sql`(values (1)) as one (x)`)
  return row ?? null
}

/** The stories matching `where`, counted up to `countCap + 1`. */
async function countUpToCap(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ total: count() }).from(upToCap(db, where).as('matching'))
  return row?.total ?? 0
}

/** The ids of the stories matching `where`, at most one past the cap: what a count reads. */
function upToCap(db: Db, where: SQL | undefined) {
  return db
    .select({ id: articles.id })
    .from(articles)
    .where(where)
    .limit(countCap + 1)
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
