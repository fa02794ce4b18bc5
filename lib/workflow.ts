import type { ArticleStatus } from '@/db/schema'
import type { Capability, Owned } from './permissions'
import { type ActionAsk, asks } from './workflow-asks'

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
 * revision. The one rule for readers is `isPubliclyVisible` (lib/story-state.ts).
 */

/**
 * Who may change a story's fields while it is in a status: `writers` — its own writers as well as
 * the editors; `editors` — only the editors, and what a writer is told instead.
 */
export type EditRule = { by: 'writers' } | { by: 'editors'; writerIsTold: string }

/** One status of the schema's enum: how it reads on screen and in a sentence, and who may edit in it. */
export type StatusRule = {
  /** On screen: the desk's lists, the story's page, its history. */
  label: string
  /** In a sentence: "… while the story is a draft". */
  phrase: string
  edit: EditRule
}

const itsWriters = { by: 'writers' } as const
const editorsOnly = (writerIsTold: string) => ({ by: 'editors', writerIsTold }) as const

/**
 * THE statuses: one row for each value of the schema's `article_status` enum (`ArticleStatus` is
 * derived from it in db/schema.ts, so a new value without a row does not compile). Editors and
 * admins may change any story in any of them (lib/article-editing.ts).
 */
export const statuses: Record<ArticleStatus, StatusRule> = {
  draft: { label: 'Draft', phrase: 'a draft', edit: itsWriters },
  in_review: {
    label: 'In review',
    phrase: 'in review',
    edit: editorsOnly('This story is with the editors for review; withdraw it to make changes.'),
  },
  changes_requested: { label: 'Changes requested', phrase: 'sent back for changes', edit: itsWriters },
  approved: { label: 'Approved', phrase: 'approved', edit: editorsOnly('This story has been approved; only an editor can change it now.') },
  scheduled: {
    label: 'Scheduled',
    phrase: 'scheduled',
    edit: editorsOnly('This story is scheduled to be published; only an editor can change it now.'),
  },
  // The save makes a new draft revision and readers keep the live one; the writer then submits the update for review.
  published: { label: 'Published', phrase: 'published', edit: itsWriters },
  unpublished: {
    label: 'Unpublished',
    phrase: 'unpublished',
    edit: editorsOnly('This story has been taken off the site; only an editor can change it now.'),
  },
}

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
 * Every move of a story's status: the desk's actions, and three that are never buttons — `create`,
 * a story's start; `lapse`, the scheduler giving up on a publication that cannot go ahead; and
 * `reopen`, an edit of an approved story that sends it back to review (lib/approval.ts).
 */
export type StatusMove = WorkflowAction | 'create' | 'lapse' | 'reopen'

/**
 * When a from-status counts: `always`; `changes` only for a story with unpublished changes (a
 * live story whose newest revision is not the live one); `live` only for a story readers can see.
 */
type Condition = 'always' | 'changes' | 'live'

type Start = { when: Condition; label?: string }

/** One move of the workflow. */
export type ActionRule = {
  /**
   * The statuses it starts from, with the condition and, where it reads differently, the button's
   * label; `nothing` for a story's creation.
   */
  from: 'nothing' | Partial<Record<ArticleStatus, Start>>
  to: ArticleStatus
  /** Who takes it: a person with this capability, or `system` — Copydesk itself, nobody signed in. */
  capability: Capability | 'system'
  /** The button's label. */
  label: string
  /** `required`: the action needs a note (`ask.noteMissing` says so); `optional`: may carry one. */
  note: 'required' | 'optional'
  /** What the desk asks before taking the action; without it the button acts at once (unless it needs a time). */
  ask?: ActionAsk
  /** Needs a publication time (`checkScheduleTime`). */
  needsTime: boolean
  /** Moves the story towards readers: it needs a headline and a byline (`storyProblems`). */
  needsCompleteStory: boolean
  /** Runs the pre-publish checklist first (lib/prepublish-checks.ts): blocks refuse, warnings need confirming. */
  needsChecklist: boolean
}

const always = { when: 'always' } as const
const live = { when: 'live' } as const

/** THE table. Order is the order of the buttons. */
export const workflow: Record<StatusMove, ActionRule> = {
  create: {
    from: 'nothing',
    to: 'draft',
    capability: 'article.create',
    label: 'New story',
    note: 'optional',
    needsTime: false,
    needsCompleteStory: false,
    needsChecklist: false,
  },
  submit: {
    from: { draft: always, changes_requested: always, published: { when: 'changes', label: 'Submit update for review' } },
    to: 'in_review',
    capability: 'article.submit',
    label: 'Submit for review',
    note: 'optional',
    ask: asks.submit,
    needsTime: false,
    needsCompleteStory: true,
    needsChecklist: false,
  },
  withdraw: {
    from: { in_review: always },
    to: 'draft',
    capability: 'article.withdraw',
    label: 'Withdraw from review',
    note: 'optional',
    needsTime: false,
    needsCompleteStory: false,
    needsChecklist: false,
  },
  requestChanges: {
    from: { in_review: always, approved: always },
    to: 'changes_requested',
    capability: 'article.requestChanges',
    label: 'Request changes',
    note: 'required',
    ask: asks.requestChanges,
    needsTime: false,
    needsCompleteStory: false,
    needsChecklist: false,
  },
  approve: {
    from: { in_review: always },
    to: 'approved',
    capability: 'article.approve',
    label: 'Approve',
    note: 'optional',
    needsTime: false,
    needsCompleteStory: true,
    needsChecklist: true,
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
    needsCompleteStory: true,
    needsChecklist: true,
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
    ask: asks.schedule,
    needsTime: true,
    needsCompleteStory: true,
    needsChecklist: true,
  },
  unschedule: {
    from: { scheduled: always },
    to: 'approved',
    capability: 'article.schedule',
    label: 'Unschedule',
    note: 'optional',
    needsTime: false,
    needsCompleteStory: false,
    needsChecklist: false,
  },
  unpublish: {
    // Taking a story down must not wait for an update of it to finish its review.
    from: { published: always, draft: live, in_review: live, changes_requested: live, approved: live, scheduled: live },
    to: 'unpublished',
    capability: 'article.unpublish',
    label: 'Unpublish',
    note: 'required',
    ask: asks.unpublish,
    needsTime: false,
    needsCompleteStory: false,
    needsChecklist: false,
  },
  republish: {
    from: { unpublished: always },
    to: 'published',
    capability: 'article.publish',
    label: 'Republish',
    note: 'required',
    ask: asks.republish,
    needsTime: false,
    needsCompleteStory: true,
    needsChecklist: false,
  },
  reopen: {
    // A save of an approved or scheduled story that does not approve the edit too: what was
    // approved is no longer what the story holds, so it is reviewed again and its schedule goes.
    from: { approved: always, scheduled: always },
    to: 'in_review',
    capability: 'article.edit',
    label: 'Back to review after an edit',
    note: 'optional',
    needsTime: false,
    needsCompleteStory: false,
    needsChecklist: false,
  },
  lapse: {
    // The scheduler, when the editor who scheduled the story may no longer publish it, or the story lost its headline or address.
    from: { scheduled: always },
    to: 'approved',
    capability: 'system',
    label: 'Not published at its scheduled time',
    note: 'required',
    needsTime: false,
    needsCompleteStory: false,
    needsChecklist: false,
  },
}

/** What a story in the trash (lib/trash.ts) answers a save or a workflow action: it is restored first. */
export const trashedStoryMessage = 'This story is in the trash; restore it first to change it or move it on.'

/** What the workflow needs to know of a story. */
export type WorkflowArticle = Owned & {
  status: ArticleStatus
  /** In the trash since: no move is possible until it is restored. */
  trashedAt?: Date | null
  /** Set once the story has been published: the revision readers see (unless it is unpublished). */
  publishedRevisionId: number | null
  /** A live story whose newest revision is not the live one. */
  hasUnpublishedChanges: boolean
  /** When a scheduled story is due to publish. */
  scheduledAt?: Date | null
}

/** A story about to move: `status` is null for one being created. */
export type MovingArticle = Omit<WorkflowArticle, 'status'> & { status: ArticleStatus | null }

/** What `POST /desk/articles/[id]/workflow` answers; `warning` says an edge cache has not yet let go of the old pages. */
export type WorkflowAnswer = { ok: true; message: string; version: number; warning?: string } | { ok: false; message: string }
