import 'server-only'
import { desc, eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { type ArticleStatus, articles, revisions, users, workflowEvents } from '@/db/schema'
import { type RevisionSummary, listRevisions } from './revisions'
import { type TrashMove, listTrashMoves } from './trash'

/** One line of a story's timeline: a revision started, a move through the workflow, into the trash or out of it. */
export type TimelineEntry =
  | { kind: 'revision'; at: Date; revision: RevisionSummary }
  | { kind: 'event'; at: Date; event: WorkflowEventView }
  | { kind: 'trash'; at: Date; trash: TrashMove }

/** A story's revisions (newest first) and its timeline. */
export type ArticleHistory = { revisions: RevisionSummary[]; timeline: TimelineEntry[] }

/**
 * The history page's data: the revisions, and the revisions interleaved with the workflow
 * events and the moves into and out of the trash, newest first. An event recorded at the same instant as a revision is listed above it:
 * it was taken on that revision (a story's creation, a publication). Null when the story does
 * not exist. The page authorizes the reader (everyone at the desk may read every story's history).
 */
export async function getArticleHistory(db: Db, articleId: number): Promise<ArticleHistory | null> {
  const [revisions, events, trashMoves] = await Promise.all([
    listRevisions(db, articleId),
    listWorkflowEvents(db, articleId),
    listTrashMoves(db, articleId),
  ])
  if (!revisions || !events) return null
  // The lists arrive newest first, and the sort is stable: their own orders are kept.
  const timeline: TimelineEntry[] = [
    ...trashMoves.map((trash) => ({ kind: 'trash' as const, at: trash.at, trash })),
    ...events.map((event) => ({ kind: 'event' as const, at: event.createdAt, event })),
    ...revisions.map((revision) => ({ kind: 'revision' as const, at: revision.createdAt, revision })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime())
  return { revisions, timeline }
}

/** One line of a story's audit trail. */
export type WorkflowEventView = {
  id: number
  fromStatus: ArticleStatus | null
  toStatus: ArticleStatus
  /** Null for the system (a scheduled publication that could not go ahead) or a deleted account. */
  actorName: string | null
  note: string
  /** The revision the change was made on. */
  revisionNumber: number | null
  createdAt: Date
}

/** A story's status changes, newest first (to interleave with its revisions); null when it does not exist. */
export async function listWorkflowEvents(db: Db, articleId: number): Promise<WorkflowEventView[] | null> {
  const [article] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId))
  if (!article) return null
  return db
    .select({
      id: workflowEvents.id,
      fromStatus: workflowEvents.fromStatus,
      toStatus: workflowEvents.toStatus,
      actorName: users.name,
      note: workflowEvents.note,
      revisionNumber: revisions.number,
      createdAt: workflowEvents.createdAt,
    })
    .from(workflowEvents)
    .leftJoin(users, eq(users.id, workflowEvents.actorId))
    .leftJoin(revisions, eq(revisions.id, workflowEvents.revisionId))
    .where(eq(workflowEvents.articleId, articleId))
    .orderBy(desc(workflowEvents.createdAt), desc(workflowEvents.id))
}
