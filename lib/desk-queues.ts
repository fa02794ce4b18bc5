import 'server-only'
import { type SQL, and, asc, count, desc, eq, gt, ilike, inArray, isNull, max, ne, not, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import {
  type ArticleStatus,
  articleAuthors,
  articleStatus,
  articles,
  deskVisits,
  notes,
  revisions,
  sections,
  users,
  workflowEvents,
} from '@/db/schema'
import { type Actor, can } from './permissions'
import { publiclyVisible } from './public-articles'
import { hasUnpublishedChanges, isPubliclyVisible } from './workflow'

// The desk's lists. "Mine" means created by me or bylined on me (the live bylines, or the
// newest ones for a story never published). Each list is one query on `articles` with the
// current revision's headline; the filters and the search narrow it; a page is at most 50.

export const deskQueues = ['drafts', 'review', 'sentBack', 'scheduled', 'published', 'all'] as const
export type DeskQueue = (typeof deskQueues)[number]

export const deskQueueLabels: Record<DeskQueue, string> = {
  drafts: 'My drafts',
  review: 'Review queue',
  sentBack: 'Sent back to me',
  scheduled: 'Scheduled',
  published: 'Recently published',
  all: 'All stories',
}

export const maxDeskPageSize = 50

/** The desk's query string, forgiving: a value that does not parse is ignored. */
export const deskQuerySchema = z.object({
  sectionId: z.coerce.number().int().positive().optional().catch(undefined),
  authorId: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(articleStatus.enumValues).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(maxDeskPageSize).default(20).catch(20),
})

export type DeskFilters = {
  sectionId?: number
  /** Stories this person created or is bylined on. */
  authorId?: number
  status?: ArticleStatus
  /** Words in the current headline (case-insensitive; `%` and `_` are literal). */
  q?: string
}
export type DeskQuery = DeskFilters & { page?: number; pageSize?: number }

/** One line of a desk list. */
export type DeskItem = {
  id: number
  /** The newest revision's headline: what the desk works on. */
  headline: string
  status: ArticleStatus
  sectionId: number
  sectionName: string
  createdBy: { id: number; name: string }
  /** Bylines in order: staff names, or "Name / Outlet". */
  bylines: string[]
  updatedAt: Date
  /** When the story entered its status (from the audit trail): "waiting since" in the review queue. */
  statusSince: Date | null
  scheduledAt: Date | null
  firstPublishedAt: Date | null
  publishedAt: Date | null
  isLive: boolean
  hasUnpublishedChanges: boolean
  openNotes: number
}

export type DeskPage = { items: DeskItem[]; total: number; page: number; pageSize: number; pageCount: number }

/** A page of one desk list; null for someone who may not enter the desk. */
export async function listDeskQueue(db: Db, viewer: Actor, queue: DeskQueue, query: DeskQuery = {}): Promise<DeskPage | null> {
  if (!can(viewer, 'desk.enter')) return null
  const pageSize = Math.min(maxDeskPageSize, Math.max(1, Math.trunc(query.pageSize ?? 20) || 20))
  const page = Math.max(1, Math.trunc(query.page ?? 1) || 1)
  const where = and(queueCondition(queue, viewer.id), filterCondition(query))
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
  if (!can(viewer, 'desk.enter')) return null
  const counted = (queue: DeskQueue) =>
    sql<number>`count(*) filter (where ${queueCondition(queue, viewer.id) ?? sql`true`})`.mapWith(Number)
  const base = db
    .select({
      drafts: counted('drafts'),
      review: counted('review'),
      sentBack: counted('sentBack'),
      scheduled: counted('scheduled'),
      published: counted('published'),
      all: count(),
    })
    .from(articles)
  const where = filterCondition(filters)
  const [row] = await (filters.q?.trim()
    ? base.innerJoin(revisions, eq(revisions.id, articles.currentRevisionId)).where(where)
    : base.where(where))
  return row ?? { drafts: 0, review: 0, sentBack: 0, scheduled: 0, published: 0, all: 0 }
}

function queueCondition(queue: DeskQueue, viewerId: number): SQL | undefined {
  switch (queue) {
    case 'drafts':
      return and(eq(articles.status, 'draft'), mine(viewerId))
    case 'review':
      return eq(articles.status, 'in_review')
    case 'sentBack':
      return and(eq(articles.status, 'changes_requested'), mine(viewerId))
    case 'scheduled':
      return eq(articles.status, 'scheduled')
    case 'published':
      return publiclyVisible
    case 'all':
      return undefined
  }
}

function filterCondition(filters: DeskFilters): SQL | undefined {
  const q = filters.q?.trim()
  return and(
    filters.sectionId === undefined ? undefined : eq(articles.sectionId, filters.sectionId),
    filters.authorId === undefined ? undefined : mine(filters.authorId),
    filters.status === undefined ? undefined : eq(articles.status, filters.status),
    q ? ilike(revisions.headline, `%${escapeLike(q)}%`) : undefined,
  )
}

/** Stories this person created or is bylined on (the byline list is read once, not per story). */
function mine(userId: number): SQL {
  return or(
    eq(articles.createdBy, userId),
    sql`${articles.id} in (select ${articleAuthors.articleId} from ${articleAuthors} where ${articleAuthors.userId} = ${userId})`,
  ) as SQL
}

/** The text as a literal inside a LIKE pattern (backslash is PostgreSQL's default escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
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

/** Something that happened to one of my stories, done by someone else. */
export type DeskNewsItem = {
  kind: 'status' | 'note'
  articleId: number
  headline: string
  at: Date
  /** Null for the system (a scheduled publication that could not go ahead) or a deleted account. */
  actorName: string | null
  /** For a status change: the new status. */
  toStatus: ArticleStatus | null
  /** The note's or the event's text, shortened. */
  excerpt: string
}

/** What a first look counts as new: the last week. */
const firstLookWindowMs = 7 * 24 * 60 * 60 * 1000

/**
 * The desk's badge: status changes and notes by others on my stories since I last looked
 * (`markDeskSeen`), newest first, with how many there are in all.
 */
export async function getDeskNews(
  db: Db,
  viewer: Actor,
  options: { now?: Date; limit?: number } = {},
): Promise<{ since: Date; count: number; items: DeskNewsItem[] } | null> {
  if (!can(viewer, 'desk.enter')) return null
  const now = options.now ?? new Date()
  const limit = Math.min(50, Math.max(1, options.limit ?? 20))
  const [visit] = await db.select({ seenAt: deskVisits.seenAt }).from(deskVisits).where(eq(deskVisits.userId, viewer.id))
  const since = visit?.seenAt ?? new Date(now.getTime() - firstLookWindowMs)
  const byOthers = (actor: typeof workflowEvents.actorId | typeof notes.authorId) => or(isNull(actor), ne(actor, viewer.id))

  const eventsWhere = and(gt(workflowEvents.createdAt, since), byOthers(workflowEvents.actorId), mine(viewer.id))
  // Requesting changes writes its note twice, on the event and as a thread: it is news once, as the event.
  const eventsOwnNote = sql`exists (select 1 from ${workflowEvents} where ${workflowEvents.articleId} = ${notes.articleId}
    and ${workflowEvents.actorId} is not distinct from ${notes.authorId} and ${workflowEvents.createdAt} = ${notes.createdAt}
    and ${workflowEvents.note} <> '' and ${notes.parentId} is null)`
  const notesWhere = and(gt(notes.createdAt, since), byOthers(notes.authorId), mine(viewer.id), not(eventsOwnNote))
  const [events, noteRows, [eventTotal], [noteTotal]] = await Promise.all([
    db
      .select({
        articleId: articles.id,
        headline: revisions.headline,
        at: workflowEvents.createdAt,
        actorName: users.name,
        toStatus: workflowEvents.toStatus,
        text: workflowEvents.note,
      })
      .from(workflowEvents)
      .innerJoin(articles, eq(articles.id, workflowEvents.articleId))
      .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
      .leftJoin(users, eq(users.id, workflowEvents.actorId))
      .where(eventsWhere)
      .orderBy(desc(workflowEvents.createdAt))
      .limit(limit),
    db
      .select({ articleId: articles.id, headline: revisions.headline, at: notes.createdAt, actorName: users.name, text: notes.body })
      .from(notes)
      .innerJoin(articles, eq(articles.id, notes.articleId))
      .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
      .leftJoin(users, eq(users.id, notes.authorId))
      .where(notesWhere)
      .orderBy(desc(notes.createdAt))
      .limit(limit),
    db.select({ total: count() }).from(workflowEvents).innerJoin(articles, eq(articles.id, workflowEvents.articleId)).where(eventsWhere),
    db.select({ total: count() }).from(notes).innerJoin(articles, eq(articles.id, notes.articleId)).where(notesWhere),
  ])
  const items: DeskNewsItem[] = [
    ...events.map((row) => ({
      kind: 'status' as const,
      articleId: row.articleId,
      headline: row.headline,
      at: row.at,
      actorName: row.actorName,
      toStatus: row.toStatus,
      excerpt: excerpt(row.text),
    })),
    ...noteRows.map((row) => ({
      kind: 'note' as const,
      articleId: row.articleId,
      headline: row.headline,
      at: row.at,
      actorName: row.actorName,
      toStatus: null,
      excerpt: excerpt(row.text),
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit)
  return { since, count: (eventTotal?.total ?? 0) + (noteTotal?.total ?? 0), items }
}

/**
 * Records that this person has seen what changed on their stories up to `seenAt` (now by
 * default): the badge counts only what comes after. Never moves back, so a page left open in
 * another tab cannot bring back what was seen since.
 */
export async function markDeskSeen(db: Db, viewer: Actor, seenAt: Date = new Date()): Promise<void> {
  await db
    .insert(deskVisits)
    .values({ userId: viewer.id, seenAt })
    .onConflictDoUpdate({ target: deskVisits.userId, set: { seenAt: sql`greatest(${deskVisits.seenAt}, excluded.seen_at)` } })
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat
}

/** How long a story has waited, in a newsroom's words: "under a minute", "3 h 20 min", "1 day 4 h", "12 days". */
export function formatWaiting(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000))
  const hours = Math.floor(minutes / 60)
  const days = Math.floor(hours / 24)
  if (minutes < 1) return 'under a minute'
  if (hours < 1) return `${minutes} min`
  if (days < 1) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`
  const dayWords = days === 1 ? '1 day' : `${days} days`
  return days < 7 && hours % 24 > 0 ? `${dayWords} ${hours % 24} h` : dayWords
}

/** The desk's query string for a list, leaving out what is empty or the default. */
export function deskQueries(query: DeskQuery & { queue?: DeskQueue }): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'pageSize' && value === 20)) continue
    params.set(key, String(value))
  }
  return params.toString()
}
