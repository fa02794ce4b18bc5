import type { ArticleStatus } from '@/db/schema'
import { type Actor, type Owned, can, check } from './permissions'
import { statuses } from './workflow'

/**
 * Why this person may not change this story now, or null when they may: the permission, then the
 * `edit` column of the workflow table for the story's status. The desk (to lock the form) and
 * every save ask this.
 */
export function editBlockedReason(actor: Actor, story: Owned & { status: ArticleStatus }): string | null {
  const permission = check(actor, 'article.edit', story)
  if (!permission.ok) return permission.message
  // Permission on every story, not only one's own, is what makes someone an editor here.
  if (can(actor, 'article.edit')) return null
  const { edit } = statuses[story.status]
  return edit.by === 'writers' ? null : edit.writerIsTold
}
