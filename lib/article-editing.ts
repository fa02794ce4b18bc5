import type { ArticleStatus } from '@/db/schema'
import { type Actor, type Owned, can, check } from './permissions'

/**
 * The statuses in which a writer may change their own story. A published one too: the save makes
 * a new draft revision, readers keep the live one, and the writer then submits the update for
 * review (only an editor publishes it). Editors and admins change any story in any status.
 */
export const writerEditableStatuses = ['draft', 'changes_requested', 'published'] as const satisfies readonly ArticleStatus[]

/** Why a writer may not change their own story in this status, for each status they may not. */
const writerBlockedReasons: Record<Exclude<ArticleStatus, (typeof writerEditableStatuses)[number]>, string> = {
  in_review: 'This story is with the editors for review; withdraw it to make changes.',
  approved: 'This story has been approved; only an editor can change it now.',
  scheduled: 'This story is scheduled to be published; only an editor can change it now.',
  unpublished: 'This story has been taken off the site; only an editor can change it now.',
}

/** Why this person may not change this story now, or null when they may. */
export function editBlockedReason(actor: Actor, story: Owned & { status: ArticleStatus }): string | null {
  const permission = check(actor, 'article.edit', story)
  if (!permission.ok) return permission.message
  // Permission on every story, not only one's own, is what makes someone an editor here.
  if (can(actor, 'article.edit')) return null
  return isWriterEditable(story.status) ? null : writerBlockedReasons[story.status]
}

function isWriterEditable(status: ArticleStatus): status is (typeof writerEditableStatuses)[number] {
  return (writerEditableStatuses as readonly ArticleStatus[]).includes(status)
}

/** A live story whose newest revision is not the one readers see ("published — unpublished changes"). */
export function hasUnpublishedChanges(article: { currentRevisionId: number | null; publishedRevisionId: number | null }): boolean {
  return article.publishedRevisionId !== null && article.currentRevisionId !== article.publishedRevisionId
}
