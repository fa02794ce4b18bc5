import 'server-only'
import { aliasedTable, and, count, desc, eq, sql } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { type ArticleStatus, type CorrectionKind, articles, corrections, revisions, users } from '@/db/schema'
import { authorize } from './authorize'
import { cleanText, isWithin } from './clean-text'
import { notify } from './notifications'
import { pageKey, shows, showsStories } from './page-keys'
import type { Actor } from './permissions'
import { type Result, refusal } from './refusal'
import { publiclyVisible, storyPlaceColumns } from './public-articles'
import { sectionTrails, storyPath } from './sections'
import { isPubliclyVisible } from './story-state'
import { enqueueStoryEvent } from './webhooks/events'

// Corrections and update notes on published stories. Newsroom practice: a correction is never
// taken away from readers. Retracting one (it was attached to the wrong story, or was itself
// wrong) records who, when and why, and readers then see it marked as withdrawn with that note.

export const correctionKinds = ['correction', 'update'] as const satisfies readonly CorrectionKind[]
export const correctionLimits = { body: 2000, retractionNote: 1000 } as const

/** A correction as readers see it. `retractedAt` set: show it as withdrawn, with the note. */
export type PublicCorrection = {
  id: number
  kind: CorrectionKind
  body: string
  createdAt: Date
  retractedAt: Date | null
  retractionNote: string
}

/** A correction on the /corrections page, with the story it belongs to. */
export type RecentCorrection = PublicCorrection & { article: { id: number; headline: string; path: string } }

/** A correction as the desk sees it: who wrote and who withdrew it. */
export type DeskCorrection = PublicCorrection & { createdByName: string | null; retractedByName: string | null }

/** What the caller refreshes: the story's public page and /corrections. */
type ChangedStory = { article: { id: number; isLive: boolean; path: string } }

/** Attaches a correction or update note to a story that has been published. */
export async function addCorrection(
  db: Db,
  actor: Actor,
  articleId: number,
  input: { kind: CorrectionKind; body: string },
  options: { now?: Date } = {},
): Promise<Result<ChangedStory & { correctionId: number }>> {
  const body = cleanText(input.body, { multiline: true }).trim()
  if (!correctionKinds.includes(input.kind)) return refusal('invalid', 'Choose a correction or an update.')
  if (body === '') return refusal('invalid', 'Write the text readers will see.')
  if (!isWithin(body, correctionLimits.body))
    return refusal('invalid', `Keep it under ${correctionLimits.body.toLocaleString('en-GB')} characters.`)
  const now = options.now ?? new Date()

  return db.transaction(async (tx) => {
    const [article] = await tx
      .select({ ...storyPlaceColumns, firstPublishedAt: articles.firstPublishedAt })
      .from(articles)
      .where(eq(articles.id, articleId))
    const allowed = await authorizeCorrection(tx, actor, article?.sectionId)
    if (!allowed.ok) return allowed
    const person = allowed.actor
    if (!article) return refusal('missing', 'This story no longer exists; it may have been deleted.')
    if (article.firstPublishedAt === null) return refusal('invalid', 'Only a story that has been published can carry a correction.')
    const [row] = await tx
      .insert(corrections)
      .values({ articleId, kind: input.kind, body, createdBy: person.id, createdAt: now })
      .returning({ id: corrections.id })
    if (!row) throw new Error('Inserting a correction returned no row.')
    await notify(tx, { kind: 'corrected', articleId, actorId: person.id, detail: { correctionKind: input.kind, note: body }, now })
    await enqueueStoryEvent(tx, { type: 'story.corrected', articleId, now, correction: { kind: input.kind, text: body } })
    return { ok: true, correctionId: row.id, article: await changed(tx, article) }
  })
}

/** Withdraws a correction, saying why. It stays on record and readers see it marked as withdrawn. */
export async function retractCorrection(
  db: Db,
  actor: Actor,
  correctionId: number,
  input: { note: string },
  options: { now?: Date } = {},
): Promise<Result<ChangedStory>> {
  const note = cleanText(input.note).trim()
  if (note === '') return refusal('invalid', 'Say why the correction is withdrawn; readers will see it.')
  if (!isWithin(note, correctionLimits.retractionNote)) {
    return refusal('invalid', `Keep the reason under ${correctionLimits.retractionNote.toLocaleString('en-GB')} characters.`)
  }
  const now = options.now ?? new Date()

  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        retractedAt: corrections.retractedAt,
        article: storyPlaceColumns,
      })
      .from(corrections)
      .innerJoin(articles, eq(articles.id, corrections.articleId))
      .where(eq(corrections.id, correctionId))
      .for('update', { of: corrections })
    const allowed = await authorizeCorrection(tx, actor, row?.article.sectionId)
    if (!allowed.ok) return allowed
    const person = allowed.actor
    if (!row) return refusal('missing', 'This correction no longer exists.')
    if (row.retractedAt) return refusal('conflict', 'This correction has already been withdrawn.')
    await tx
      .update(corrections)
      .set({ retractedAt: now, retractedBy: person.id, retractionNote: note })
      .where(eq(corrections.id, correctionId))
    return { ok: true, article: await changed(tx, row.article) }
  })
}

/** `article.correct` on a story filed in this section (a section desk's editor corrects only there). */
function authorizeCorrection(tx: Tx, actor: Actor, sectionId: number | undefined) {
  return authorize(tx, actor, 'article.correct', { ownerIds: [], sectionIds: sectionId === undefined ? [] : [sectionId] })
}

/** What of a correction readers see (its page, the story's notice, the Content API). */
export const publicColumns = {
  id: corrections.id,
  kind: corrections.kind,
  body: corrections.body,
  createdAt: corrections.createdAt,
  retractedAt: corrections.retractedAt,
  retractionNote: corrections.retractionNote,
}

/**
 * When readers last saw a story change: its live revision's publication, or a correction or
 * update under it added or withdrawn, whichever came last (JSON-LD's `dateModified`, the Content
 * API's `modifiedAt`). Its SQL twin is `lastModifiedSql`.
 */
export function storyLastModified(
  story: { firstPublishedAt: Date | null; publishedAt: Date | null },
  storyCorrections: readonly Pick<PublicCorrection, 'createdAt' | 'retractedAt'>[],
): Date | null {
  const changes = [
    story.publishedAt,
    story.firstPublishedAt,
    ...storyCorrections.flatMap((correction) => [correction.createdAt, correction.retractedAt]),
  ]
  return changes.reduce<Date | null>((latest, at) => (at && (!latest || at > latest) ? at : latest), null)
}

/** `storyLastModified` of the story in the row as SQL (`greatest` passes over nulls). */
export const lastModifiedSql =
  sql<Date>`greatest(${articles.publishedAt}, ${articles.firstPublishedAt}, (select max(greatest(${corrections.createdAt}, ${corrections.retractedAt})) from ${corrections} where ${corrections.articleId} = ${articles.id}))`.mapWith(
    articles.publishedAt,
  )

/** A story's corrections for its public page, newest first, withdrawn ones included; none unless readers can see the story. */
export async function listCorrections(db: Db, articleId: number): Promise<PublicCorrection[]> {
  shows(pageKey.storyCorrections(articleId))
  return db
    .select(publicColumns)
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(and(eq(corrections.articleId, articleId), publiclyVisible))
    .orderBy(desc(corrections.createdAt), desc(corrections.id))
}

/** The public /corrections page: every correction on a story readers can see, newest first. */
export async function listRecentCorrections(
  db: Db,
  query: { page?: number; pageSize?: number } = {},
): Promise<{ items: RecentCorrection[]; total: number; page: number; pageSize: number; pageCount: number }> {
  const pageSize = clamp(Math.trunc(query.pageSize ?? 20), 1, 50)
  const page = Math.max(1, Math.trunc(query.page ?? 1) || 1)
  const [rows, [totals], trails] = await Promise.all([
    db
      .select({
        ...publicColumns,
        articleId: articles.id,
        sectionId: articles.sectionId,
        slug: articles.slug,
        headline: revisions.headline,
      })
      .from(corrections)
      .innerJoin(articles, eq(articles.id, corrections.articleId))
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .where(publiclyVisible)
      .orderBy(desc(corrections.createdAt), desc(corrections.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(corrections).innerJoin(articles, eq(articles.id, corrections.articleId)).where(publiclyVisible),
    sectionTrails(db),
  ])
  const total = totals?.total ?? 0
  shows(pageKey.corrections)
  showsStories(rows.map((row) => row.articleId))
  return {
    items: rows.map(({ articleId, sectionId, slug, headline, ...correction }) => ({
      ...correction,
      article: { id: articleId, headline, path: storyPath(trails, sectionId, slug) },
    })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  }
}

/** A story's corrections for the desk, newest first, with who wrote and who withdrew each. */
export async function listArticleCorrections(db: Db, articleId: number): Promise<DeskCorrection[] | null> {
  const retractor = aliasedTable(users, 'retractor')
  return db
    .select({ ...publicColumns, createdByName: users.name, retractedByName: retractor.name })
    .from(corrections)
    .leftJoin(users, eq(users.id, corrections.createdBy))
    .leftJoin(retractor, eq(retractor.id, corrections.retractedBy))
    .where(eq(corrections.articleId, articleId))
    .orderBy(desc(corrections.createdAt), desc(corrections.id))
}

async function changed(
  db: Db,
  article: { id: number; status: ArticleStatus; sectionId: number; slug: string; publishedRevisionId: number | null },
) {
  return {
    id: article.id,
    isLive: isPubliclyVisible(article),
    path: storyPath(await sectionTrails(db), article.sectionId, article.slug),
  }
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min
}
