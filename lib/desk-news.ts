import 'server-only'
import { type SQL, and, desc, eq, gt, not, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Db } from '@/db'
import { type ArticleStatus, articles, deskVisits, notes, revisions, users, workflowEvents } from '@/db/schema'
import { mine } from './desk-queues-conditions'
import { timeInText, wholeNumberInText } from './sql-in-text'
import { keptUntilDeskChanges, newsItemsPart, newsPart } from './desk-kept'
import { authorize } from './authorize'
import { cutText, isWithin } from './clean-text'
import type { Actor } from './permissions'
import type { Result } from './refusal'

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

/** The badge counts changes up to this many, then says "99+". */
export const newsCountCap = 99

/** The badge's number: exact up to the cap. */
export function formatNewsCount(count: number): string {
  return count > newsCountCap ? `${newsCountCap}+` : String(count)
}

/** What a first look counts as new: the last week. */
const firstLookWindowMs = 7 * 24 * 60 * 60 * 1000

/** A change as the news box keeps it, before its story's headline is added. */
type NewsChange = Omit<DeskNewsItem, 'headline'>

/** The changes since then, how many in all, and until when that holds (ms; for a first look, as its window moves). */
type NewsChanges = { count: number; changes: NewsChange[]; validUntil: number }

/**
 * The desk's badge: status changes and notes by others on my stories since I last looked
 * (`markDeskSeen`), newest first, with how many there are in all. Three queries: the last visit;
 * each kind newest first up to just past the badge's cap, counted, and only the newest few read
 * with who did it; then the current headline of the stories of those few.
 * The viewer's id, the limits, the last visit's time and the stories' ids are written into the
 * statements' text, not sent as parameters: a statement with none keeps its plan
 * (db/pglite-client.ts), so the news box read again after each change to one of my stories is not
 * planned again. A first look's time moves with the clock: it stays a parameter, as a new text
 * each time would only be prepared once.
 * The changes are kept until an event or note on my stories comes or goes, or my stories change
 * owners; the headlines until anything of my stories changes (lib/desk-kept.ts): an autosave of
 * one of them reads its headlines again, not its changes.
 */
export async function getDeskNews(
  db: Db,
  viewer: Actor,
  options: { now?: Date; limit?: number } = {},
): Promise<{ count: number; items: DeskNewsItem[] } | null> {
  const now = options.now ?? new Date()
  const limit = Math.min(50, Math.max(1, options.limit ?? 20))
  const firstLook = new Date(now.getTime() - firstLookWindowMs)
  // Read first, so that the planner knows how far back it looks and picks its path by that.
  const [visit] = await db
    .select({ seenAt: deskVisits.seenAt })
    .from(deskVisits)
    .where(sql`${deskVisits.userId} = ${wholeNumberInText(viewer.id)}`)
  const since = visit?.seenAt ?? firstLook
  // Whose news, since when. A first look's window moves with the clock: what it read holds from
  // now until the oldest change it counted leaves the window.
  const key = JSON.stringify([viewer.id, visit ? since.getTime() : 'first look', limit])
  const readChanges = async () => {
    const after = (column: PgColumn) => (visit ? sql`${column} > ${timeInText(since)}` : gt(column, since))
    const { count, changes, oldest } = await readDeskNews(db, viewer, after, limit)
    const validUntil = visit || oldest === null ? Infinity : oldest + firstLookWindowMs
    return { value: { count, changes, validUntil }, validFrom: visit ? undefined : now.getTime(), validUntil }
  }
  const read = async () => {
    const news = await keptChanges(db, key, [newsItemsPart(viewer.id)], readChanges, now.getTime())
    const headlines = await currentHeadlines(db, news.changes)
    // As the query that read both at once: a change whose story has no current revision is not listed.
    const items = news.changes.flatMap((change) => {
      const headline = headlines.get(change.articleId)
      return headline === undefined ? [] : [{ ...change, headline }]
    })
    return { value: { count: news.count, items }, validFrom: visit ? undefined : now.getTime(), validUntil: news.validUntil }
  }
  return keptNews(db, key, [newsPart(viewer.id)], read, now.getTime())
}

const keptNews = keptUntilDeskChanges<{ count: number; items: DeskNewsItem[] }>()
const keptChanges = keptUntilDeskChanges<NewsChanges>()

/** The headline of the current revision of each story of these changes, by the story's id. */
async function currentHeadlines(db: Db, changes: NewsChange[]): Promise<Map<number, string>> {
  const ids = [...new Set(changes.map((change) => change.articleId))].sort((a, b) => a - b)
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: articles.id, headline: revisions.headline })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(sql`${articles.id} in (${sql.join(ids.map(wholeNumberInText), sql`, `)})`)
  return new Map(rows.map((row) => [row.id, row.headline]))
}

/** The changes since then, how many there are, and when the oldest change it counted happened (ms; null for none). */
async function readDeskNews(
  db: Db,
  viewer: Actor,
  after: (column: PgColumn) => SQL,
  limit: number,
): Promise<{ count: number; changes: NewsChange[]; oldest: number | null }> {
  const byOthers = (actor: PgColumn) => sql`(${actor} is null or ${actor} <> ${wholeNumberInText(viewer.id)})`

  // A status change also moves the story's `updated_at`: only stories changed since are looked at.
  const eventsWhere = and(after(workflowEvents.createdAt), after(articles.updatedAt), byOthers(workflowEvents.actorId), mine(viewer.id))
  // Requesting changes writes its note twice, on the event and as a thread: it is news once, as the event.
  const eventsOwnNote = sql`exists (select 1 from ${workflowEvents} where ${workflowEvents.articleId} = ${notes.articleId}
    and ${workflowEvents.actorId} is not distinct from ${notes.authorId} and ${workflowEvents.createdAt} = ${notes.createdAt}
    and ${workflowEvents.note} <> '' and ${notes.parentId} is null)`
  const notesWhere = and(after(notes.createdAt), byOthers(notes.authorId), mine(viewer.id), not(eventsOwnNote))
  const eventFields = {
    kind: sql<DeskNewsItem['kind']>`'status'`.as('news_kind'),
    articleId: workflowEvents.articleId,
    at: workflowEvents.createdAt,
    actorId: workflowEvents.actorId,
    toStatus: sql<ArticleStatus | null>`${workflowEvents.toStatus}`.as('news_status'),
    text: workflowEvents.note,
    // The earlier of the two times checked against the window: when this change leaves it.
    inWindowFrom: sql<Date>`least(${workflowEvents.createdAt}, ${articles.updatedAt})`.as('news_in_window_from'),
  }
  const events = db
    .select(eventFields)
    .from(workflowEvents)
    .innerJoin(articles, eq(articles.id, workflowEvents.articleId))
    .where(eventsWhere)
    .orderBy(desc(workflowEvents.createdAt))
  const notesOnMine = db
    .select({
      kind: sql<DeskNewsItem['kind']>`'note'`.as('news_kind'),
      articleId: notes.articleId,
      at: notes.createdAt,
      actorId: notes.authorId,
      toStatus: sql<ArticleStatus | null>`null::article_status`.as('news_status'),
      text: notes.body,
      inWindowFrom: sql<Date>`${notes.createdAt}`.as('news_in_window_from'),
    })
    .from(notes)
    .innerJoin(articles, eq(articles.id, notes.articleId))
    .where(notesWhere)
    .orderBy(desc(notes.createdAt))
  const cap = wholeNumberInText(newsCountCap + 1)
  const changes = db
    .$with('changes', eventFields)
    .as(sql`(${events.getSQL()} limit ${cap}) union all (${notesOnMine.getSQL()} limit ${cap})`)
  const newestFields = {
    kind: changes.kind,
    articleId: changes.articleId,
    at: changes.at,
    actorId: changes.actorId,
    toStatus: changes.toStatus,
    text: changes.text,
    total: sql<number>`(count(*) over ())::int`.as('news_total'),
    oldest: sql<number>`(extract(epoch from min(${changes.inWindowFrom}) over ()) * 1000)::float8`.as('news_oldest'),
  }
  const newest = db
    .$with('newest', newestFields)
    .as(sql`${db.select(newestFields).from(changes).orderBy(desc(changes.at)).getSQL()} limit ${wholeNumberInText(limit)}`)
  const rows = await db
    .with(changes, newest)
    .select({
      kind: newest.kind,
      articleId: newest.articleId,
      at: newest.at,
      actorName: users.name,
      toStatus: newest.toStatus,
      text: newest.text,
      total: newest.total,
      oldest: newest.oldest,
    })
    .from(newest)
    .leftJoin(users, eq(users.id, newest.actorId))
    .orderBy(desc(newest.at))
  const found = rows.map((row) => ({
    ...{ kind: row.kind, articleId: row.articleId, at: row.at },
    ...{ actorName: row.actorName, toStatus: row.toStatus, excerpt: excerpt(row.text) },
  }))
  const oldest = rows[0]?.oldest
  return { count: Math.min(rows[0]?.total ?? 0, newsCountCap + 1), changes: found, oldest: oldest === undefined ? null : Number(oldest) }
}

/**
 * Records that this person has seen what changed on their stories up to `seenAt` (now by
 * default): the badge counts only what comes after. Never moves back, so a page left open in
 * another tab cannot bring back what was seen since.
 */
export async function markDeskSeen(db: Db, viewer: Actor, seenAt: Date = new Date()): Promise<Result> {
  const allowed = await authorize(db, viewer, 'desk.enter')
  if (!allowed.ok) return allowed
  await db
    .insert(deskVisits)
    .values({ userId: viewer.id, seenAt })
    .onConflictDoUpdate({ target: deskVisits.userId, set: { seenAt: sql`greatest(${deskVisits.seenAt}, excluded.seen_at)` } })
  return { ok: true }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return isWithin(flat, 140) ? flat : `${cutText(flat, 139)}…`
}
