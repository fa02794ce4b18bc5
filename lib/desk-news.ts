import 'server-only'
import { type SQL, and, desc, eq, gt, not, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Db } from '@/db'
import { type ArticleStatus, articles, deskVisits, notes, revisions, users, workflowEvents } from '@/db/schema'
import { mine } from './desk-queues-conditions'
import { timeInText, wholeNumberInText } from './sql-in-text'
import { keptUntilDeskChanges, newsPart } from './desk-kept'
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

/**
 * The desk's badge: status changes and notes by others on my stories since I last looked
 * (`markDeskSeen`), newest first, with how many there are in all. Two queries: the last visit,
 * then each kind newest first up to just past the badge's cap, counted, and only the newest few
 * read with the story's headline (by the current revision each kind read with its story) and who did it.
 * The viewer's id, the limits and the last visit's time are written into the statements' text, not
 * sent as parameters: a statement with none keeps its plan (db/pglite-client.ts), so the news box
 * read again after each change to one of my stories is not planned again. A first look's time moves
 * with the clock: it stays a parameter, as a new text each time would only be prepared once.
 * The second is kept until one of my stories, its events or notes change (lib/desk-kept.ts).
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
  const read = async () => {
    const after = (column: PgColumn) => (visit ? sql`${column} > ${timeInText(since)}` : gt(column, since))
    const { news, oldest } = await readDeskNews(db, viewer, after, limit)
    if (visit) return { value: news }
    return { value: news, validFrom: now.getTime(), validUntil: oldest === null ? Infinity : oldest + firstLookWindowMs }
  }
  return keptNews(db, key, [newsPart(viewer.id)], read, now.getTime())
}

const keptNews = keptUntilDeskChanges<{ count: number; items: DeskNewsItem[] }>()

/** The news since then, and when the oldest change it counted happened (ms; null for none). */
async function readDeskNews(
  db: Db,
  viewer: Actor,
  after: (column: PgColumn) => SQL,
  limit: number,
): Promise<{ news: { count: number; items: DeskNewsItem[] }; oldest: number | null }> {
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
    currentRevisionId: articles.currentRevisionId,
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
      currentRevisionId: articles.currentRevisionId,
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
    currentRevisionId: changes.currentRevisionId,
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
      headline: revisions.headline,
      at: newest.at,
      actorName: users.name,
      toStatus: newest.toStatus,
      text: newest.text,
      total: newest.total,
      oldest: newest.oldest,
    })
    .from(newest)
    .innerJoin(revisions, eq(revisions.id, newest.currentRevisionId))
    .leftJoin(users, eq(users.id, newest.actorId))
    .orderBy(desc(newest.at))
  const items = rows.map((row) => ({
    ...{ kind: row.kind, articleId: row.articleId, headline: row.headline, at: row.at },
    ...{ actorName: row.actorName, toStatus: row.toStatus, excerpt: excerpt(row.text) },
  }))
  const oldest = rows[0]?.oldest
  return { news: { count: Math.min(rows[0]?.total ?? 0, newsCountCap + 1), items }, oldest: oldest === undefined ? null : Number(oldest) }
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
