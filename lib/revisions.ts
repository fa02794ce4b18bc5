import 'server-only'
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { type Byline, type RichTextDoc, articles, revisionKind, revisions, users } from '@/db/schema'
import { resolveBylines } from './article-attribution'
import { type SaveResult, saveArticle } from './article-drafts'
import { shareSavedDraft } from './collab/saved-elsewhere'
import { type ShownSnapshot, snapshotColumns } from './editable-article'
import { articleInputSchema } from './article-input'
import type { Actor } from './permissions'
import { refusal } from './refusal'

type RevisionKind = (typeof revisionKind.enumValues)[number]

/** What a revision holds of the editor's fields: what the story form sends on a save, too. */
export type RevisionSnapshot = {
  headline: string
  standfirst: string
  /** Where the story was reported from ("BEIRUT"); '' for none. */
  dateline: string
  body: RichTextDoc
  sectionId: number
  slug: string
  bylines: Byline[]
  tags: string[]
  leadMediaId: number | null
  leadCaption: string
  leadCredit: string
  seoTitle: string
  seoDescription: string
  socialHeadline: string
  socialMediaId: number | null
}

/** One line of a story's history. */
export type RevisionSummary = {
  number: number
  kind: RevisionKind
  createdAt: Date
  /** Later than `createdAt` when later autosaves went into this revision. */
  savedAt: Date
  /** Null when that account no longer exists. */
  authorName: string | null
  wordCount: number
  headline: string
  isCurrent: boolean
  isPublished: boolean
  /** A version set aside when two saves collided: kept for the record, never current. */
  notKept: boolean
}

/** A whole revision, to read, compare (`diffRevisions`) or restore. */
export type RevisionDetail = RevisionSummary & ShownSnapshot & { bodyText: string }

const summaryColumns = {
  id: revisions.id,
  number: revisions.number,
  kind: revisions.kind,
  createdAt: revisions.createdAt,
  savedAt: revisions.updatedAt,
  authorName: users.name,
  wordCount: revisions.wordCount,
  headline: revisions.headline,
  notKept: revisions.notKept,
  currentRevisionId: articles.currentRevisionId,
  publishedRevisionId: articles.publishedRevisionId,
}

/** A row of `summaryColumns`: a summary before it knows which revisions the story points at. */
type SummaryRow = Omit<RevisionSummary, 'isCurrent' | 'isPublished'> & {
  id: number
  currentRevisionId: number | null
  publishedRevisionId: number | null
}

/** A story's revisions, newest first; null when the story does not exist. Everyone at the desk may read them. */
export async function listRevisions(db: Db, articleId: number): Promise<RevisionSummary[] | null> {
  const [article] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId))
  if (!article) return null
  const rows = await db
    .select(summaryColumns)
    .from(revisions)
    .innerJoin(articles, eq(articles.id, revisions.articleId))
    .leftJoin(users, eq(users.id, revisions.createdBy))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.number))
  return rows.map(summary)
}

/** One revision of a story by its number, or null. */
export async function getRevision(db: Db, articleId: number, number: number): Promise<RevisionDetail | null> {
  const [row] = await db
    .select({ ...snapshotColumns, ...summaryColumns, bodyText: revisions.bodyText })
    .from(revisions)
    .innerJoin(articles, eq(articles.id, revisions.articleId))
    .leftJoin(users, eq(users.id, revisions.createdBy))
    .where(and(eq(revisions.articleId, articleId), eq(revisions.number, number)))
  if (!row) return null
  const { standfirst, body, bodyText, sectionId, slug, tags, leadMediaId, leadCaption, leadCredit } = row
  const { dateline, seoTitle, seoDescription, socialHeadline, socialMediaId } = row
  return {
    ...summary(row),
    ...{ standfirst, body, bodyText, sectionId, slug, tags, leadMediaId, leadCaption, leadCredit },
    ...{ dateline, seoTitle, seoDescription, socialHeadline, socialMediaId },
    bylines: await resolveBylines(db, row.bylines),
  }
}

/**
 * Makes an old revision's content the story's newest revision, as a save: history is never
 * rewritten. The same checks as any save apply (who may edit, in which status, which version).
 */
export async function restoreRevision(
  db: Db,
  actor: Actor,
  articleId: number,
  number: number,
  baseVersion: number,
  options: { now?: Date } = {},
): Promise<SaveResult> {
  const [old] = await db
    .select(snapshotColumns)
    .from(revisions)
    .where(and(eq(revisions.articleId, articleId), eq(revisions.number, number)))
  if (!old) return refusal('missing', `This story has no revision ${number}.`)
  // Today's rules apply to old content too (limits may have changed since it was saved).
  const input = articleInputSchema.safeParse(old)
  if (!input.success) {
    return refusal('invalid', `Revision ${number} cannot be restored as it is: ${input.error.issues[0]?.message ?? 'it is incomplete.'}`)
  }
  const saved = await saveArticle(db, actor, articleId, input.data, { baseVersion, kind: 'save', now: options.now })
  // Restored inside the shared document too: everyone writing sees it, nothing is duplicated.
  if (saved.ok) await shareSavedDraft(db, articleId)
  return saved
}

function summary({ id, currentRevisionId, publishedRevisionId, ...row }: SummaryRow): RevisionSummary {
  return { ...row, isCurrent: id === currentRevisionId, isPublished: id === publishedRevisionId }
}
