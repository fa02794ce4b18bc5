import type { ArticleStatus } from '@/db/schema'
import { type Actor, check } from './permissions'
import {
  type ActionRule,
  type MovingArticle,
  type StatusMove,
  type WorkflowAction,
  type WorkflowArticle,
  statuses,
  trashedStoryMessage,
  workflow,
  workflowActions,
} from './workflow'
import { isPubliclyVisible } from './story-state'
import type { ActionAsk } from './workflow-asks'

// What the workflow table (lib/workflow.ts) says of one story and one person: the buttons they
// may press, and whether a move may go ahead. Pure, so that the desk (to show buttons) and the
// server (to decide) read the table the same way.

/** A button the desk may show. */
export type AvailableAction = {
  action: WorkflowAction
  label: string
  to: ArticleStatus
  needsNote: boolean
  needsTime: boolean
  /** What the desk asks before taking it (the workflow table's `ask`). */
  ask?: ActionAsk
  /** For an action that changes what readers see: the story as the confirmation names it. */
  story?: { headline: string; path: string }
  /** The story must be complete first (`storyProblems`). */
  needsCompleteStory: boolean
  /** The pre-publish checklist must allow it (lib/prepublish-checks.ts). */
  needsChecklist: boolean
  /** For an action that takes a time: the time the story is scheduled for now, which the time field starts with. */
  scheduledAt?: Date
}

/** The actions this person may take on this story now, in the table's order. */
export function availableActions(actor: Actor, article: WorkflowArticle): AvailableAction[] {
  return workflowActions.flatMap((action) => {
    if (!checkTransition(actor, article, action).ok) return []
    const rule = workflow[action]
    const label = (rule.from === 'nothing' ? undefined : rule.from[article.status]?.label) ?? rule.label
    const scheduledAt = rule.needsTime && article.status === 'scheduled' ? article.scheduledAt : null
    return [
      {
        action,
        label,
        to: rule.to,
        needsNote: rule.note === 'required',
        needsTime: rule.needsTime,
        ...(rule.ask ? { ask: rule.ask } : {}),
        needsCompleteStory: rule.needsCompleteStory,
        needsChecklist: rule.needsChecklist,
        ...(scheduledAt ? { scheduledAt } : {}),
      },
    ]
  })
}

export type TransitionCheck = { ok: true; to: ArticleStatus } | { ok: false; reason: 'forbidden' | 'state'; message: string }

/**
 * Whether this person (or Copydesk itself, `system`) may make this move on this story now:
 * permission first, then the status.
 */
export function checkTransition(actor: Actor | 'system', article: MovingArticle, action: StatusMove): TransitionCheck {
  const rule = workflow[action] as ActionRule | undefined
  if (!rule) return { ok: false, reason: 'state', message: 'That is not something a story can go through.' }
  if (actor === 'system' || rule.capability === 'system') {
    if (actor === rule.capability) return checkStart(rule, article)
    return { ok: false, reason: 'forbidden', message: `Only ${actor === 'system' ? 'a person' : 'Copydesk itself'} can do that.` }
  }
  const permission = check(actor, rule.capability, article)
  if (!permission.ok) return { ok: false, reason: 'forbidden', message: permission.message }
  return checkStart(rule, article)
}

/** Whether the move starts from the story's status, under its condition. */
function checkStart(rule: ActionRule, article: MovingArticle): TransitionCheck {
  // Only a story's creation starts from nothing, and nothing else does.
  if (rule.from === 'nothing' || article.status === null) {
    if (rule.from === 'nothing' && article.status === null) return { ok: true, to: rule.to }
    return {
      ok: false,
      reason: 'state',
      message: `“${rule.label}” is not possible ${article.status === null ? 'before' : 'once'} the story exists.`,
    }
  }
  if (article.trashedAt) return { ok: false, reason: 'state', message: trashedStoryMessage }
  const start = rule.from[article.status]
  // An update's action means nothing for a story that was never published.
  if (!start || (start.when === 'changes' && article.publishedRevisionId === null)) {
    return { ok: false, reason: 'state', message: `“${rule.label}” is not possible while the story is ${statuses[article.status].phrase}.` }
  }
  if (start.when === 'changes' && !article.hasUnpublishedChanges) {
    return { ok: false, reason: 'state', message: 'The story has no unpublished changes: readers already see its newest version.' }
  }
  if (start.when === 'live' && !isPubliclyVisible({ status: article.status, publishedRevisionId: article.publishedRevisionId })) {
    return { ok: false, reason: 'state', message: 'The story is not live: there is nothing to unpublish.' }
  }
  return { ok: true, to: rule.to }
}
