import 'server-only'
import { eq } from 'drizzle-orm'
import type { Tx } from '@/db'
import { type ArticleStatus, articles } from '@/db/schema'
import type { Actor } from './permissions'
import { check } from './permissions'
import { changeStatus } from './status-change'
import { hasUnpublishedChanges, holdsApproval } from './story-state'

// Approving exactly what goes live. Approving a story pins the revision the editor approved
// (`articles.approved_revision_id`, set by lib/status-change.ts); publishing, by a person or the
// scheduler, publishes that revision. So an edit after approval cannot slip out unseen: the save
// either approves the edit too (an editor who asked to and may approve the story) or sends the
// story back to review, its schedule cancelled.

/** What a save did to a story's approval: nothing (it had none), approved the edit too, or sent it back to review. */
export type ApprovalAfterEdit = 'none' | 'approvedAgain' | 'backToReview'

type EditedStory = {
  id: number
  status: ArticleStatus
  /** The story's version after the save's own increment. */
  version: number
  currentRevisionId: number
  publishedRevisionId: number | null
  ownerIds: readonly number[]
  sectionIds: readonly number[]
}

/**
 * Settles the approval of a story just saved (inside the save's transaction): an approved or
 * scheduled story stays so only if `approveAgain` was asked by someone who may approve it, and
 * then the new revision is the approved one; otherwise it goes back to review (`reopen`).
 * Answers what happened and the story's version after it.
 */
export async function settleApproval(
  tx: Tx,
  actor: Actor,
  story: EditedStory,
  approveAgain: boolean,
  now: Date,
): Promise<{ approval: ApprovalAfterEdit; version: number }> {
  if (!holdsApproval(story.status)) return { approval: 'none', version: story.version }
  if (approveAgain && check(actor, 'article.approve', story).ok) {
    await tx.update(articles).set({ approvedRevisionId: story.currentRevisionId }).where(eq(articles.id, story.id))
    return { approval: 'approvedAgain', version: story.version }
  }
  const moving = {
    ...story,
    hasUnpublishedChanges: hasUnpublishedChanges(story),
  }
  await changeStatus(tx, moving, 'reopen', actor, {
    revisionId: story.currentRevisionId,
    note: 'Edited after approval: to be reviewed again.',
    now,
  })
  return { approval: 'backToReview', version: story.version + 1 }
}
