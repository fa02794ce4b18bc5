import type { ArticleStatus } from '@/db/schema'
import { type Actor, type Owned, type Permission, can, check } from './permissions'
import { statuses } from './workflow'

/**
 * Whether this person may change this story now, and if not, why: the permission, then the
 * `edit` column of the workflow table for the story's status. The desk (to lock the form) and
 * every save (through `authorizeEdit` in lib/authorize.ts) ask this.
 */
export function checkEdit(actor: Actor, story: Owned & { status: ArticleStatus }): Permission {
  const permission = check(actor, 'article.edit', story)
  if (!permission.ok) return permission
  // Permission on every story, not only one's own, is what makes someone an editor here.
  if (can(actor, 'article.edit')) return permission
  const { edit } = statuses[story.status]
  return edit.by === 'writers' ? permission : { ok: false, message: edit.writerIsTold }
}
