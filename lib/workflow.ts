import type { ArticleStatus } from '@/db/schema'
import { type Actor, type Capability, type Owned, check } from './permissions'

/*
 * THE editorial state machine: which action moves a story from which status to which, and who
 * may take it. Pure, so that the desk (to show buttons) and the server (to decide) read the same
 * table.
 *
 * The publishing model. A story has two things that are easy to confuse:
 *  - its status: where its newest revision (the working copy) is in the workflow;
 *  - its live revision (`publishedRevisionId`): what readers see. Publishing pins the current
 *    revision; later saves make newer revisions and never touch the live one.
 * So a live story can be at any status of the workflow while an update of it is being worked
 * on: someone saves changes to a published story ("published — unpublished changes"), then
 * an editor publishes them directly ("Publish update"), or they go through review ("Submit update
 * for review" → in review → approved → published). Writers, who never publish, send theirs
 * through review; an editor may publish an update at any step, draft and changes requested
 * included. Throughout, readers keep the live revision.
 * Only `unpublish` takes a story away from readers; `republish` brings it back with its current
 * revision. The one rule for readers is `isPubliclyVisible`.
 */

export const articleStatuses = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
] as const satisfies readonly ArticleStatus[]

export const workflowActions = [
  'submit',
  'withdraw',
  'requestChanges',
  'approve',
  'publish',
  'schedule',
  'unschedule',
  'unpublish',
  'republish',
] as const

export type WorkflowAction = (typeof workflowActions)[number]

/**
 * When a from-status counts: `always`; `changes` only for a story with unpublished changes (a
 * live story whose newest revision is not the live one); `live` only for a story readers can see.
 */
type Condition = 'always' | 'changes' | 'live'

/** One action of the workflow. */
export type ActionRule = {
  /** The statuses it starts from, with the condition and, where it reads differently, the button's label. */
  from: Partial<Record<ArticleStatus, { when: Condition; label?: string }>>
  to: ArticleStatus
  capability: Capability
  /** The button's label. */
  label: string
  /** `required`: the action needs a note (it becomes an editorial note too); `optional`: may carry one. */
  note: 'required' | 'optional'
  /** Needs a publication time (`checkScheduleTime`). */
  needsTime: boolean
  /** Moves the story towards readers: it needs a headline. */
  needsHeadline: boolean
}

const always = { when: 'always' } as const
const live = { when: 'live' } as const

/** THE table. Order is the order of the buttons. */
export const workflow: Record<WorkflowAction, ActionRule> = {
  submit: {
    from: { draft: always, changes_requested: always, published: { when: 'changes', label: 'Submit update for review' } },
    to: 'in_review',
    capability: 'article.submit',
    label: 'Submit for review',
    note: 'optional',
    needsTime: false,
    needsHeadline: true,
  },
  withdraw: {
    from: { in_review: always },
    to: 'draft',
    capability: 'article.withdraw',
    label: 'Withdraw from review',
    note: 'optional',
    needsTime: false,
    needsHeadline: false,
  },
  requestChanges: {
    from: { in_review: always, approved: always },
    to: 'changes_requested',
    capability: 'article.requestChanges',
    label: 'Request changes',
    note: 'required',
    needsTime: false,
    needsHeadline: false,
  },
  approve: {
    from: { in_review: always },
    to: 'approved',
    capability: 'article.approve',
    label: 'Approve',
    note: 'optional',
    needsTime: false,
    needsHeadline: true,
  },
  publish: {
    from: {
      in_review: always,
      approved: always,
      // The scheduler publishes from here too, as the editor who scheduled it.
      scheduled: { when: 'always', label: 'Publish now' },
      published: { when: 'changes', label: 'Publish update' },
      // An update of a live story that a writer is working on: editors need not wait for review.
      draft: { when: 'changes', label: 'Publish update' },
      changes_requested: { when: 'changes', label: 'Publish update' },
    },
    to: 'published',
    capability: 'article.publish',
    label: 'Publish',
    note: 'optional',
    needsTime: false,
    needsHeadline: true,
  },
  schedule: {
    from: {
      in_review: always,
      approved: always,
      scheduled: { when: 'always', label: 'Change scheduled time' },
      published: { when: 'changes', label: 'Schedule update' },
    },
    to: 'scheduled',
    capability: 'article.schedule',
    label: 'Schedule',
    note: 'optional',
    needsTime: true,
    needsHeadline: true,
  },
  unschedule: {
    from: { scheduled: always },
    to: 'approved',
    capability: 'article.schedule',
    label: 'Unschedule',
    note: 'optional',
    needsTime: false,
    needsHeadline: false,
  },
  unpublish: {
    // Taking a story down must not wait for an update of it to finish its review.
    from: { published: always, draft: live, in_review: live, changes_requested: live, approved: live, scheduled: live },
    to: 'unpublished',
    capability: 'article.unpublish',
    label: 'Unpublish',
    note: 'optional',
    needsTime: false,
    needsHeadline: false,
  },
  republish: {
    from: { unpublished: always },
    to: 'published',
    capability: 'article.publish',
    label: 'Republish',
    note: 'optional',
    needsTime: false,
    needsHeadline: true,
  },
}

/** What the workflow needs to know of a story. */
export type WorkflowArticle = Owned & {
  status: ArticleStatus
  /** Set once the story has been published: the revision readers see (unless it is unpublished). */
  publishedRevisionId: number | null
  /** A live story whose newest revision is not the live one. */
  hasUnpublishedChanges: boolean
  /** When a scheduled story is due to publish. */
  scheduledAt?: Date | null
}

/** A button the desk may show. */
export type AvailableAction = {
  action: WorkflowAction
  label: string
  to: ArticleStatus
  needsNote: boolean
  needsTime: boolean
  /** For an action that takes a time: the time the story is scheduled for now, which the time field starts with. */
  scheduledAt?: Date
}

/**
 * Whether readers see the story: it has a live revision and has not been unpublished. The
 * public site and every public query apply exactly this rule (its SQL twin is `publiclyVisible`
 * in lib/public-articles.ts).
 */
export function isPubliclyVisible(article: { status: ArticleStatus; publishedRevisionId: number | null }): boolean {
  return article.publishedRevisionId !== null && article.status !== 'unpublished'
}

/** The actions this person may take on this story now, in the table's order. */
export function availableActions(actor: Actor, article: WorkflowArticle): AvailableAction[] {
  return workflowActions.flatMap((action) => {
    if (!checkTransition(actor, article, action).ok) return []
    const rule = workflow[action]
    const label = rule.from[article.status]?.label ?? rule.label
    const scheduledAt = rule.needsTime && article.status === 'scheduled' ? article.scheduledAt : null
    return [
      {
        action,
        label,
        to: rule.to,
        needsNote: rule.note === 'required',
        needsTime: rule.needsTime,
        ...(scheduledAt ? { scheduledAt } : {}),
      },
    ]
  })
}

export type TransitionCheck = { ok: true; to: ArticleStatus } | { ok: false; reason: 'forbidden' | 'state'; message: string }

/** Whether this person may take this action on this story now: permission first, then the status. */
export function checkTransition(actor: Actor, article: WorkflowArticle, action: WorkflowAction): TransitionCheck {
  const rule = workflow[action] as ActionRule | undefined
  if (!rule) return { ok: false, reason: 'state', message: 'That is not something a story can go through.' }
  const permission = check(actor, rule.capability, article)
  if (!permission.ok) return { ok: false, reason: 'forbidden', message: permission.message }
  const start = rule.from[article.status]
  // An update's action means nothing for a story that was never published.
  if (!start || (start.when === 'changes' && article.publishedRevisionId === null)) {
    return { ok: false, reason: 'state', message: `“${rule.label}” is not possible while the story is ${statusPhrases[article.status]}.` }
  }
  if (start.when === 'changes' && !article.hasUnpublishedChanges) {
    return { ok: false, reason: 'state', message: 'The story has no unpublished changes: readers already see its newest version.' }
  }
  if (start.when === 'live' && !isPubliclyVisible(article)) {
    return { ok: false, reason: 'state', message: 'The story is not live: there is nothing to unpublish.' }
  }
  return { ok: true, to: rule.to }
}

/** How a status reads in a sentence ("… while the story is a draft"). */
const statusPhrases: Record<ArticleStatus, string> = {
  draft: 'a draft',
  in_review: 'in review',
  changes_requested: 'sent back for changes',
  approved: 'approved',
  scheduled: 'scheduled',
  published: 'published',
  unpublished: 'unpublished',
}

/** What `POST /desk/articles/[id]/workflow` answers. */
export type WorkflowAnswer = { ok: true; message: string; version: number } | { ok: false; message: string }
