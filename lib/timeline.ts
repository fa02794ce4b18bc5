import 'server-only'
import type { Db } from '@/db'
import type { Actor } from './permissions'
import { type RevisionSummary, listRevisions } from './revisions'
import { type WorkflowEventView, listWorkflowEvents } from './transitions'

/** One line of a story's timeline: a revision started, or a move through the workflow. */
export type TimelineEntry =
  { kind: 'revision'; at: Date; revision: RevisionSummary } | { kind: 'event'; at: Date; event: WorkflowEventView }

/** A story's revisions (newest first) and its timeline. */
export type ArticleHistory = { revisions: RevisionSummary[]; timeline: TimelineEntry[] }

/**
 * The history page's data: the revisions, and the revisions interleaved with the workflow
 * events, newest first. An event recorded at the same instant as a revision is listed above it:
 * it was taken on that revision (a story's creation, a publication). Null when the story does
 * not exist or the viewer is not at the desk.
 */
export async function getArticleHistory(db: Db, viewer: Actor, articleId: number): Promise<ArticleHistory | null> {
  const [revisions, events] = await Promise.all([listRevisions(db, viewer, articleId), listWorkflowEvents(db, viewer, articleId)])
  if (!revisions || !events) return null
  // Both lists arrive newest first, and the sort is stable: their own orders are kept.
  const timeline: TimelineEntry[] = [
    ...events.map((event) => ({ kind: 'event' as const, at: event.createdAt, event })),
    ...revisions.map((revision) => ({ kind: 'revision' as const, at: revision.createdAt, revision })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime())
  return { revisions, timeline }
}
