import 'server-only'
import { eq } from 'drizzle-orm'
import type { Tx } from '@/db'
import { type ArticleStatus, articles, workflowEvents } from '@/db/schema'
import { syncMediaUses } from './media/uses'
import type { Actor } from './permissions'
import { type MovingArticle, type StatusMove } from './workflow'
import { holdsApproval } from './story-state'
import { checkTransition } from './workflow-checks'
import { enqueueStoryEvent, storyEventOfMove } from './webhooks/events'

// THE door to a story's status. Every change of `articles.status` — a story's creation, each
// workflow action, the scheduler's publications and its giving up on one — goes through
// `changeStatus`, which checks the move against the workflow table (lib/workflow.ts) and writes
// the audit event with it, and queues the webhooks' event of the move (lib/webhooks/events.ts).
// status-change.test.ts fails when any other code writes either.

/** What going live sets along with the status: the live revision, its address, the publication times. */
type Publication = Partial<
  Pick<typeof articles.$inferInsert, 'sectionId' | 'slug' | 'publishedRevisionId' | 'firstPublishedAt' | 'publishedAt'>
>

export type StatusChange = {
  /** The revision the move is made on: the audit event points at it. */
  revisionId: number | null
  /** What the audit trail says: the person's note, or why Copydesk made the move. */
  note?: string
  /** For a move to `scheduled`: when to publish. */
  scheduledAt?: Date
  publication?: Publication
  now: Date
}

/**
 * Moves a story (locked by the caller's transaction) along `move`, made by `by`: checks the
 * workflow table, sets the new status — a new version of the story, except at its creation, which
 * is its first — and records the move in the audit trail. Throws when the table does not allow
 * the move: code acting on a person's request checks first (`checkTransition`) to answer with a
 * reason, so a refusal here is a bug.
 */
export async function changeStatus(
  tx: Tx,
  story: MovingArticle & { id: number; version: number },
  move: StatusMove,
  by: Actor | 'system',
  change: StatusChange,
): Promise<ArticleStatus> {
  const allowed = checkTransition(by, story, move)
  if (!allowed.ok) throw new Error(`Story ${story.id} cannot “${move}” now: ${allowed.message}`)
  await tx
    .update(articles)
    .set({
      ...change.publication,
      status: allowed.to,
      statusChangedAt: change.now,
      version: story.status === null ? story.version : story.version + 1,
      updatedAt: change.now,
      // A story has a publication time only while it is scheduled.
      scheduledAt: allowed.to === 'scheduled' ? (change.scheduledAt ?? null) : null,
      // And an approved revision only while it is approved or scheduled: the one the move was made on,
      // kept from approved to scheduled and back (lib/approval.ts moves it with an edit approved again).
      ...(holdsApproval(allowed.to)
        ? holdsApproval(story.status)
          ? {}
          : { approvedRevisionId: change.revisionId }
        : { approvedRevisionId: null }),
    })
    .where(eq(articles.id, story.id))
  await tx.insert(workflowEvents).values({
    articleId: story.id,
    fromStatus: story.status,
    toStatus: allowed.to,
    actorId: by === 'system' ? null : by.id,
    revisionId: change.revisionId,
    note: change.note ?? '',
    createdAt: change.now,
  })
  // Publishing makes the live revision's images public; unpublishing makes them private again.
  await syncMediaUses(tx, story.id)
  const event = storyEventOfMove(story, allowed.to)
  if (event) await enqueueStoryEvent(tx, { type: event, articleId: story.id, now: change.now })
  return allowed.to
}
