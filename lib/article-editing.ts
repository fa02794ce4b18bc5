import type { ArticleStatus } from '@/db/schema'
import { type Actor, type Owned, can } from './permissions'

/**
 * The statuses in which a writer may change their own story. Editors and admins change any
 * story in any status; a published story then gets a new draft revision, never an edit of the
 * live one.
 */
export const writerEditableStatuses = ['draft', 'changes_requested'] as const satisfies readonly ArticleStatus[]

/** Why this person may not change this story now, or null when they may. */
export function editBlockedReason(actor: Actor, story: Owned & { status: ArticleStatus }): string | null {
  if (!can(actor, 'article.edit', story)) return 'Only the story’s writers and the editors can change it.'
  // Permission on every story, not only one's own, is what makes someone an editor here.
  if (can(actor, 'article.edit')) return null
  if ((writerEditableStatuses as readonly ArticleStatus[]).includes(story.status)) return null
  if (story.status === 'in_review') return 'This story is with the editors for review; withdraw it to make changes.'
  if (story.status === 'published' || story.status === 'unpublished') return 'This story has been published; only an editor can change it now.'
  return 'This story has been approved; only an editor can change it now.'
}

/** A live story whose newest revision is not the one readers see ("published — unpublished changes"). */
export function hasUnpublishedChanges(article: { currentRevisionId: number | null; publishedRevisionId: number | null }): boolean {
  return article.publishedRevisionId !== null && article.currentRevisionId !== article.publishedRevisionId
}
