import 'server-only'
import { type AnyColumn, and, asc, desc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '@/db'
import { articleAuthors, articles, notes, revisions, sections, users } from '@/db/schema'
import { type DeskPage, type DeskQuery, type DeskQueue, countCap, maxDeskPageSize } from './desk-queues'
import { readableStories } from './article-access'
import { filterCondition, queueCondition, queueStates } from './desk-queues-conditions'
import { isEmbargoed } from './embargo'
import { wholeNumberInText } from './sql-in-text'
import { type Fresh, keptUntilDeskChanges, listPart } from './desk-kept'
import { countUpToCap } from './desk-queues-counts'
import type { Actor } from './permissions'
import { hasUnpublishedChanges, isPubliclyVisible } from './story-state'

// Each list is one query on `articles` with the current revision's headline, of the stories the
// viewer may read (`readableStories`); the filters and the search narrow it; a page is at most 50.
// The same query adds bylines and open notes to the page's stories only.

/** Each list's order: by which time, which way (then by id, the same way). */
const listOrder: Record<DeskQueue, ['updatedAt' | 'statusChangedAt' | 'scheduledAt' | 'publishedAt' | 'trashedAt', 'asc' | 'desc']> = {
  drafts: ['updatedAt', 'desc'],
  // Who has waited longest comes first; what came back most recently, in "Sent back to me".
  review: ['statusChangedAt', 'asc'],
  sentBack: ['statusChangedAt', 'desc'],
  scheduled: ['scheduledAt', 'asc'],
  published: ['publishedAt', 'desc'],
  all: ['updatedAt', 'desc'],
  trash: ['trashedAt', 'desc'],
}

/**
 * A page of one desk list; null for someone who may not enter the desk. `knownTotal`: the list's
 * count when the caller has it already (`countDeskQueues` with the same filters), not counted again.
 * Kept until a story in a state the list holds changes (lib/desk-kept.ts) or an embargo on the page lifts.
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
  const { sectionId, authorId, status, q } = query
  const key = JSON.stringify([
    viewer.id,
    viewer.role,
    viewer.sections ?? null,
    queue,
    page,
    pageSize,
    sectionId,
    authorId,
    status,
    q,
    knownTotal,
  ])
  const now = new Date()
  const parts = queueStates(queue, status).map(listPart)
  return keptPages(db, key, parts, () => readDeskPage(db, viewer, queue, { ...query, page, pageSize }, knownTotal, now), now.getTime())
}

const keptPages = keptUntilDeskChanges<DeskPage>()

/** The page as it is now; it holds until the first embargo on it lifts (the list shows embargoes only while they hold). */
async function readDeskPage(
  db: Db,
  viewer: Actor,
  queue: DeskQueue,
  query: DeskQuery & { page: number; pageSize: number },
  knownTotal: number | undefined,
  now: Date,
): Promise<Fresh<DeskPage>> {
  const { page, pageSize } = query
  const where = and(queueCondition(queue, viewer), filterCondition(query), readableStories(viewer))

  // Each list's order, by a time and then the id, the same way: applied to the page, and kept by it.
  const [orderedBy, direction] = listOrder[queue]
  const inOrder = (fields: { id: AnyColumn }, time: AnyColumn) =>
    direction === 'asc' ? [asc(time), asc(fields.id)] : [desc(time), desc(fields.id)]

  const articleFields = {
    id: articles.id,
    status: articles.status,
    sectionId: articles.sectionId,
    createdById: articles.createdBy,
    updatedAt: articles.updatedAt,
    statusChangedAt: articles.statusChangedAt,
    scheduledAt: articles.scheduledAt,
    firstPublishedAt: articles.firstPublishedAt,
    publishedAt: articles.publishedAt,
    trashedAt: articles.trashedAt,
    embargoUntil: articles.embargoUntil,
    currentRevisionId: articles.currentRevisionId,
    publishedRevisionId: articles.publishedRevisionId,
  }
  // The page's stories first (one more than a page: whether there is a next one, beyond the
  // count's cap too); headlines, names, bylines and open notes for those only, never for the
  // rows an offset skips. The limit and offset are written into the statement, not sent as
  // parameters: a statement with none keeps its plan (db/pglite-client.ts).
  const pageOfStories = db.$with('page', articleFields).as(
    sql`${db
      .select(articleFields)
      .from(articles)
      .where(where)
      .orderBy(...inOrder(articles, articles[orderedBy]))
      .getSQL()} limit ${wholeNumberInText(pageSize + 1)} offset ${wholeNumberInText(Math.min((page - 1) * pageSize, Number.MAX_SAFE_INTEGER))}`,
  )
  const [rows, total] = await Promise.all([
    db
      .with(pageOfStories)
      .select({
        ...fieldsOf(pageOfStories, articleFields),
        headline: revisions.headline,
        sectionName: sections.name,
        createdByName: users.name,
        bylines: bylinesOf(pageOfStories.id),
        openNotes: openNotesOf(pageOfStories.id),
      })
      .from(pageOfStories)
      .innerJoin(revisions, eq(revisions.id, pageOfStories.currentRevisionId))
      .innerJoin(sections, eq(sections.id, pageOfStories.sectionId))
      .innerJoin(users, eq(users.id, pageOfStories.createdById))
      .orderBy(...inOrder(pageOfStories, pageOfStories[orderedBy])),
    knownTotal ?? countUpToCap(db, where),
  ])
  const hasNextPage = rows.length > pageSize
  rows.splice(pageSize)
  const embargoesLift = rows.flatMap((row) => (isEmbargoed(row, now) && row.embargoUntil ? [row.embargoUntil.getTime()] : []))
  const value = {
    items: rows.map(({ bylines, openNotes, ...row }) => ({
      id: row.id,
      headline: row.headline,
      status: row.status,
      sectionId: row.sectionId,
      sectionName: row.sectionName,
      createdBy: { id: row.createdById, name: row.createdByName },
      bylines: bylines.map(bylineName),
      updatedAt: row.updatedAt,
      statusSince: row.statusChangedAt,
      scheduledAt: row.scheduledAt,
      firstPublishedAt: row.firstPublishedAt,
      publishedAt: row.publishedAt,
      trashedAt: row.trashedAt,
      embargoUntil: isEmbargoed(row, now) ? row.embargoUntil : null,
      isLive: isPubliclyVisible(row),
      hasUnpublishedChanges: hasUnpublishedChanges(row),
      openNotes,
    })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(Math.min(total, countCap) / pageSize)),
    hasNextPage,
  }
  return { value, validFrom: now.getTime(), validUntil: Math.min(Infinity, ...embargoesLift) }
}

/** The columns of a subquery that selected `fields`, to select them again from it with more. */
function fieldsOf<Fields extends object, Query extends Record<keyof Fields, unknown>>(
  query: Query,
  fields: Fields,
): Pick<Query, keyof Fields> {
  return Object.fromEntries(Object.keys(fields).map((key) => [key, query[key as keyof Fields]])) as Pick<Query, keyof Fields>
}

/** Open note threads of the story with this id. */
function openNotesOf(articleId: AnyColumn) {
  return sql<number>`(select count(*) from ${notes} where ${notes.articleId} = ${articleId}
    and ${notes.parentId} is null and ${notes.resolvedAt} is null)`.mapWith(Number)
}

type BylineRow = { staff: string | null; name: string | null; outlet: string | null }

/** The bylines of the story with this id, in order. */
function bylinesOf(articleId: AnyColumn) {
  return sql<BylineRow[]>`(select coalesce(json_agg(json_build_object('staff', ${staff.name}, 'name', ${articleAuthors.name},
    'outlet', ${articleAuthors.outlet}) order by ${articleAuthors.position}), '[]') from ${articleAuthors}
    left join ${users} as ${sql.identifier(staffAlias)} on ${staff.id} = ${articleAuthors.userId} where ${articleAuthors.articleId} = ${articleId})`
}

/** The staff member of a byline, apart from the story's creator in the same query. */
const staffAlias = 'staff'
const staff = alias(users, staffAlias)

/** A byline as the desk lists it: staff by their name, an outside contributor with their outlet. */
function bylineName(row: BylineRow): string {
  return row.staff ?? (row.outlet ? `${row.name} / ${row.outlet}` : row.name) ?? 'Former staff member'
}
