import type { ArticleStatus, Byline } from '@/db/schema'
import { type Actor, type Owned, type Permission, can, check } from './permissions'
import { statuses, trashedStoryMessage } from './workflow'

/**
 * Whether this person may change this story now, and if not, why: the permission, then the
 * `edit` column of the workflow table for the story's status; nobody changes a story in the trash.
 * The desk (to lock the form) and every save (through `authorizeEdit` in lib/authorize.ts) ask this.
 */
export function checkEdit(actor: Actor, story: Owned & { status: ArticleStatus; trashedAt?: Date | null }): Permission {
  const permission = check(actor, 'article.edit', story)
  if (!permission.ok) return permission
  if (story.trashedAt) return { ok: false, message: trashedStoryMessage }
  // Permission on every story, not only one's own, is what makes someone an editor here.
  if (can(actor, 'article.edit')) return permission
  const { edit } = statuses[story.status]
  return edit.by === 'writers' ? permission : { ok: false, message: edit.writerIsTold }
}

export const keepYourselfInTheByline =
  'Keep yourself in the byline: only an editor can take you off a story you are bylined on, or credit a new story to others alone.'

/**
 * Whether this person may change a story's bylines from `before` to `after`. Someone who may
 * edit only their own stories (`article.edit` is `own`) stays on the bylines they are on; a new
 * story starts with its creator as its byline, so they cannot credit one to others alone either.
 * Editors and admins may change any byline.
 */
export function checkBylines(actor: Actor, before: readonly Byline[], after: readonly Byline[]): Permission {
  if (can(actor, 'article.edit')) return { ok: true }
  const isOn = (bylines: readonly Byline[]) => bylines.some((byline) => 'userId' in byline && byline.userId === actor.id)
  return isOn(before) && !isOn(after) ? { ok: false, message: keepYourselfInTheByline } : { ok: true }
}
