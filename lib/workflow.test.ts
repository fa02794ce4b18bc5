import { describe, expect, it } from 'vitest'
import { articleStatus } from '@/db/schema'
import type { Actor } from './permissions'
import { type WorkflowAction, type WorkflowArticle, statuses, trashedStoryMessage, workflow, workflowActions } from './workflow'
import { hasUnpublishedChanges, isPubliclyVisible } from './story-state'
import { availableActions, checkTransition } from './workflow-checks'

// Who may take each action from each kind of story, written out by hand.
// A = admin, E = editor, W = a writer on their own story; - = nobody.
// A writer on someone else's story may never do anything; every cell checks that too.
//
// "+ live" is a story readers can see while an update of it is worked on (its newest revision is
// not the live one); "+ changes" is a published story whose newest revision is not the live one.
//                            submit     withdraw   reqChanges approve    publish    schedule   unschedule unpublish  republish
const expected: Record<string, string> = {
  draft: 'AEW        -          -          -          -          -          -          -          -',
  'draft + live': 'AEW        -          -          -          AE         -          -          AE         -',
  in_review: '-          AEW        AE         AE         AE         AE         -          -          -',
  'in_review + live': '-          AEW        AE         AE         AE         AE         -          AE         -',
  changes_requested: 'AEW        -          -          -          -          -          -          -          -',
  'changes_requested + live': 'AEW        -          -          -          AE         -          -          AE         -',
  approved: '-          -          AE         -          AE         AE         -          -          -',
  'approved + live': '-          -          AE         -          AE         AE         -          AE         -',
  scheduled: '-          -          -          -          AE         AE         AE         -          -',
  'scheduled + live': '-          -          -          -          AE         AE         AE         AE         -',
  published: '-          -          -          -          -          -          -          AE         -',
  'published + changes': 'AEW        -          -          -          AE         AE         -          AE         -',
  unpublished: '-          -          -          -          -          -          -          -          AE',
  'unpublished + changes': '-          -          -          -          -          -          -          -          AE',
}

const writerId = 7
const stories: Record<string, Omit<WorkflowArticle, 'ownerIds'>> = Object.fromEntries(
  Object.keys(expected).map((name) => {
    const [status, variant] = name.split(' + ') as [WorkflowArticle['status'], string | undefined]
    const isLive = variant !== undefined || status === 'published' || status === 'unpublished'
    return [name, { status, publishedRevisionId: isLive ? 1 : null, hasUnpublishedChanges: variant !== undefined }]
  }),
)

const people: { name: string; actor: Actor; letter: string }[] = [
  { name: 'an admin', actor: { id: 1, role: 'admin' }, letter: 'A' },
  { name: 'an editor', actor: { id: 2, role: 'editor' }, letter: 'E' },
  { name: 'the story’s writer', actor: { id: writerId, role: 'writer' }, letter: 'W' },
  { name: 'another writer', actor: { id: 8, role: 'writer' }, letter: '-never-' },
]

describe('the workflow table', () => {
  it('covers every status of the schema, and every status appears in the expectations', () => {
    expect(Object.keys(statuses)).toEqual(articleStatus.enumValues)
    const covered = new Set(Object.values(stories).map((story) => story.status))
    expect([...covered].sort()).toEqual([...articleStatus.enumValues].sort())
  })

  it('has one column per action', () => {
    for (const row of Object.values(expected)) expect(row.trim().split(/\s+/)).toHaveLength(workflowActions.length)
  })

  for (const [name, cells] of Object.entries(expected)) {
    const story = { ...stories[name]!, ownerIds: [writerId] }
    const row = cells.trim().split(/\s+/)
    workflowActions.forEach((action, column) => {
      const allowed = row[column] ?? ''
      for (const person of people) {
        const may = allowed.includes(person.letter)
        it(`${person.name} ${may ? 'may' : 'may not'} ${action} a story that is ${name}`, () => {
          const check = checkTransition(person.actor, story, action)
          expect(check.ok).toBe(may)
          if (check.ok) expect(check.to).toBe(workflow[action].to)
          else expect(check.message).toMatch(/\w/)
        })
      }
    })
  }
})

describe('availableActions', () => {
  const editor: Actor = { id: 2, role: 'editor' }
  const writer: Actor = { id: writerId, role: 'writer' }
  const story = (status: WorkflowArticle['status'], extra: Partial<WorkflowArticle> = {}): WorkflowArticle => ({
    status,
    publishedRevisionId: null,
    hasUnpublishedChanges: false,
    ownerIds: [writerId],
    ...extra,
  })

  it('gives an editor the review buttons in the table’s order, with request changes needing a note and the forward steps a complete story and the checklist', () => {
    const moves = { needsNote: false, needsTime: false, needsCompleteStory: true, needsChecklist: true }
    expect(availableActions(editor, story('in_review'))).toEqual([
      { action: 'withdraw', label: 'Withdraw from review', to: 'draft', ...moves, needsCompleteStory: false, needsChecklist: false },
      {
        action: 'requestChanges',
        label: 'Request changes',
        to: 'changes_requested',
        ...moves,
        needsNote: true,
        needsCompleteStory: false,
        needsChecklist: false,
        ask: { noteLabel: 'Note for the writer (required)', noteMissing: 'Write a note saying what needs to change.' },
      },
      { action: 'approve', label: 'Approve', to: 'approved', ...moves },
      { action: 'publish', label: 'Publish', to: 'published', ...moves },
      { action: 'schedule', label: 'Schedule', to: 'scheduled', ...moves, needsTime: true, ask: { noteLabel: 'Note (optional)' } },
    ])
  })

  it('asks for a reason before a story leaves readers or comes back, and sets taking it down apart', () => {
    const takedown = availableActions(editor, story('published', { publishedRevisionId: 1 })).find(
      (action) => action.action === 'unpublish',
    )
    expect(takedown).toMatchObject({
      needsNote: true,
      ask: { noteLabel: 'Reason for unpublishing (required)', readers: { effect: 'takedown' } },
    })
    const back = availableActions(editor, story('unpublished', { publishedRevisionId: 1 })).find((action) => action.action === 'republish')
    expect(back).toMatchObject({
      needsNote: true,
      ask: { noteLabel: 'Reason for republishing (required)', readers: { effect: 'restore' } },
    })
    expect(availableActions(writer, story('draft')).find((action) => action.action === 'submit')?.ask).toEqual({
      noteLabel: 'Note for the editor (optional)',
    })
  })

  it('labels the actions on a published story’s update as updates', () => {
    const update = story('published', { publishedRevisionId: 1, hasUnpublishedChanges: true })
    expect(availableActions(editor, update).map((action) => action.label)).toEqual([
      'Submit update for review',
      'Publish update',
      'Schedule update',
      'Unpublish',
    ])
    expect(availableActions(writer, update).map((action) => action.label)).toEqual(['Submit update for review'])
  })

  it('lets an editor publish a live story’s update directly while it is a draft or sent back, and never a writer', () => {
    for (const status of ['draft', 'changes_requested'] as const) {
      const update = story(status, { publishedRevisionId: 1, hasUnpublishedChanges: true })
      expect(availableActions(editor, update).map((action) => action.label)).toEqual(['Submit for review', 'Publish update', 'Unpublish'])
      expect(availableActions(writer, update).map((action) => action.label)).toEqual(['Submit for review'])
    }
  })

  it('offers a scheduled story publication now, a change of time and unscheduling', () => {
    expect(availableActions(editor, story('scheduled')).map((action) => action.label)).toEqual([
      'Publish now',
      'Change scheduled time',
      'Unschedule',
    ])
  })

  it('starts the change of a scheduled time from the time the story is scheduled for', () => {
    const scheduledAt = new Date('2030-03-01T18:30:00Z')
    const actions = availableActions(editor, story('scheduled', { scheduledAt }))
    expect(actions.find((action) => action.action === 'schedule')).toMatchObject({ label: 'Change scheduled time', scheduledAt })
    expect(actions.find((action) => action.action === 'publish')).not.toHaveProperty('scheduledAt')
    expect(availableActions(editor, story('approved')).find((action) => action.action === 'schedule')).not.toHaveProperty('scheduledAt')
  })

  it('shows a writer only submit on their own draft, and nothing on someone else’s', () => {
    expect(availableActions(writer, story('draft')).map((action) => action.action)).toEqual(['submit'])
    expect(availableActions({ id: 99, role: 'writer' }, story('draft'))).toEqual([])
  })
})

describe('checkTransition messages', () => {
  const draft: WorkflowArticle = { status: 'draft', publishedRevisionId: null, hasUnpublishedChanges: false, ownerIds: [writerId] }

  it('tells a writer who forges a publish request that only editors publish', () => {
    expect(checkTransition({ id: writerId, role: 'writer' }, { ...draft, status: 'approved' }, 'publish')).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'Only editors can publish a story.',
    })
  })

  it('tells a writer submitting someone else’s story that it is not theirs', () => {
    expect(checkTransition({ id: 99, role: 'writer' }, draft, 'submit')).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: expect.stringContaining('writers'),
    })
  })

  it('names the status when the action does not start there', () => {
    expect(checkTransition({ id: 1, role: 'editor' }, draft, 'publish')).toEqual({
      ok: false,
      reason: 'state',
      message: '“Publish” is not possible while the story is a draft.',
    })
  })

  it('explains that a published story without changes has nothing new to publish', () => {
    const live = { ...draft, status: 'published' as const, publishedRevisionId: 3 }
    expect(checkTransition({ id: 1, role: 'editor' }, live, 'publish')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no unpublished changes'),
    })
  })

  it('offers no action on a story in the trash, and says why to who could otherwise take one', () => {
    const trashed = { ...draft, trashedAt: new Date('2031-01-10T09:00:00Z') }
    expect(availableActions({ id: 1, role: 'admin' }, { ...trashed, status: 'in_review' })).toEqual([])
    expect(checkTransition({ id: writerId, role: 'writer' }, trashed, 'submit')).toEqual({
      ok: false,
      reason: 'state',
      message: trashedStoryMessage,
    })
  })

  it('refuses an action that is not in the table', () => {
    expect(checkTransition({ id: 1, role: 'admin' }, draft, 'delete' as WorkflowAction)).toMatchObject({ ok: false })
  })
})

describe('what readers see', () => {
  it('says a live story has unpublished changes when its newest revision is not the live one', () => {
    expect(hasUnpublishedChanges({ currentRevisionId: 5, publishedRevisionId: 4 })).toBe(true)
    expect(hasUnpublishedChanges({ currentRevisionId: 4, publishedRevisionId: 4 })).toBe(false)
    expect(hasUnpublishedChanges({ currentRevisionId: 4, publishedRevisionId: null })).toBe(false)
  })

  it('shows a story with a live revision in every status but unpublished', () => {
    for (const status of articleStatus.enumValues) {
      expect(isPubliclyVisible({ status, publishedRevisionId: 4 })).toBe(status !== 'unpublished')
      expect(isPubliclyVisible({ status, publishedRevisionId: null })).toBe(false)
    }
  })
})

describe('the moves that are not buttons', () => {
  const writer: Actor = { id: writerId, role: 'writer' }
  const editor: Actor = { id: 2, role: 'editor' }
  const scheduled: WorkflowArticle = { status: 'scheduled', publishedRevisionId: null, hasUnpublishedChanges: false, ownerIds: [] }
  const unborn = { status: null, publishedRevisionId: null, hasUnpublishedChanges: false, ownerIds: [writerId] }

  it('starts a story from nothing as a draft, made by someone who may create stories', () => {
    expect(checkTransition(writer, unborn, 'create')).toEqual({ ok: true, to: 'draft' })
    expect(checkTransition('system', unborn, 'create')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(checkTransition(writer, { ...unborn, status: 'draft' }, 'create')).toMatchObject({ ok: false, reason: 'state' })
    expect(checkTransition(writer, unborn, 'submit')).toMatchObject({ ok: false, reason: 'state' })
  })

  it('lets only Copydesk itself send a scheduled story that cannot be published back to approved', () => {
    expect(checkTransition('system', scheduled, 'lapse')).toEqual({ ok: true, to: 'approved' })
    expect(checkTransition(editor, scheduled, 'lapse')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(checkTransition('system', { ...scheduled, status: 'approved' }, 'lapse')).toMatchObject({ ok: false, reason: 'state' })
  })

  it('never takes a person’s action for Copydesk, nor shows its own moves as buttons', () => {
    for (const action of workflowActions)
      expect(checkTransition('system', scheduled, action)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(availableActions({ id: 1, role: 'admin' }, scheduled).map((action) => action.action)).not.toContain('lapse')
  })
})
