import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articleAuthors, notes, revisions, users } from '@/db/schema'
import { act, articleRow, auditTrail, docOf, editStory, makeStory, openTestNewsroom, storyIn, tryAct } from '@/test/newsroom'
import type { Actor } from './permissions'
import { checkIds } from './prepublish-checks'
import { listWorkflowEvents } from './timeline'
import { type TransitionOptions, getWorkflowState, transition } from './transitions'
import type { WorkflowAction } from './workflow'

const { db, newsroom } = await openTestNewsroom()

const minute = 60 * 1000
const start = new Date('2030-03-01T09:00:00Z')
const at = (minutes: number) => new Date(start.getTime() + minutes * minute)

/** Everything a refused transition must leave as it was. */
async function snapshot(articleId: number) {
  return {
    article: await articleRow(db, articleId),
    revisions: await db.select().from(revisions).where(eq(revisions.articleId, articleId)).orderBy(asc(revisions.id)),
    events: await auditTrail(db, articleId),
    notes: await db.select().from(notes).where(eq(notes.articleId, articleId)),
    authors: await db.select().from(articleAuthors).where(eq(articleAuthors.articleId, articleId)),
  }
}

/** Takes the action at the story's current version, at 09:10 unless told otherwise, and returns the answer. */
const attempt = (actor: Actor, articleId: number, action: WorkflowAction, options: Omit<TransitionOptions, 'baseVersion'> = {}) =>
  tryAct(db, actor, articleId, action, { now: at(10), ...options })

describe('taking a story from draft to published', () => {
  it('moves through submit, request changes, resubmit, approve and publish, recording each step', async () => {
    const { writer, editor } = newsroom
    const id = await makeStory(db, newsroom, { now: start })
    await editStory(db, writer, id, { body: docOf('The harbour reopened.') }, { now: at(1) })

    const submitted = await attempt(writer, id, 'submit', { now: at(2) })
    expect(submitted).toMatchObject({ ok: true, article: { id, status: 'in_review', oldPaths: [] } })
    expect(await attempt(editor, id, 'requestChanges', { note: '  Name the harbour master.  ', now: at(3) })).toMatchObject({ ok: true })
    await editStory(db, writer, id, { body: docOf('The harbour reopened, said its master, Omar Haddad.') }, { now: at(4) })
    expect(await attempt(writer, id, 'submit', { now: at(5) })).toMatchObject({ ok: true })
    expect(await attempt(editor, id, 'approve', { now: at(6) })).toMatchObject({ ok: true })
    const published = await attempt(editor, id, 'publish', { now: at(7) })
    expect(published).toEqual({
      ok: true,
      article: {
        id,
        status: 'published',
        sectionId: newsroom.sectionId,
        slug: 'harbour-reopens',
        path: '/world/harbour-reopens',
        oldPaths: [],
      },
    })

    const article = await articleRow(db, id)
    expect(article).toMatchObject({ status: 'published', firstPublishedAt: at(7), publishedAt: at(7), version: 8 })
    expect(article.publishedRevisionId).toBe(article.currentRevisionId)
    const [live] = await db
      .select()
      .from(revisions)
      .where(eq(revisions.id, article.publishedRevisionId ?? -1))
    expect(live).toMatchObject({ kind: 'published', bodyText: 'The harbour reopened, said its master, Omar Haddad.' })

    const trail = await auditTrail(db, id)
    expect(trail.map((event) => [event.fromStatus, event.toStatus, event.actorId, event.note])).toEqual([
      [null, 'draft', writer.id, ''],
      ['draft', 'in_review', writer.id, ''],
      ['in_review', 'changes_requested', editor.id, 'Name the harbour master.'],
      ['changes_requested', 'in_review', writer.id, ''],
      ['in_review', 'approved', editor.id, ''],
      ['approved', 'published', editor.id, ''],
    ])
    expect(trail.at(-1)?.revisionId).toBe(article.publishedRevisionId)
    const [note] = await db.select().from(notes).where(eq(notes.articleId, id))
    expect(note).toMatchObject({ authorId: editor.id, body: 'Name the harbour master.', parentId: null, resolvedAt: null })
  })

  it('lets a writer withdraw their story from review, back to draft', async () => {
    const id = await storyIn(db, newsroom, 'in_review')
    expect(await attempt(newsroom.writer, id, 'withdraw')).toMatchObject({ ok: true, article: { status: 'draft' } })
  })

  it('refuses to submit a story without a headline, changing nothing', async () => {
    const id = await makeStory(db, newsroom)
    await editStory(db, newsroom.writer, id, { headline: '' })
    const before = await snapshot(id)
    expect(await attempt(newsroom.writer, id, 'submit')).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Write a headline before sending the story on.',
    })
    expect(await snapshot(id)).toEqual(before)
  })

  it('saves a draft with an empty byline row and no headline, and refuses to send it on, saying each problem once', async () => {
    const id = await makeStory(db, newsroom)
    await editStory(db, newsroom.editor, id, { headline: '', bylines: [{ name: ' ', outlet: '' }] })
    const before = await snapshot(id)
    expect(await attempt(newsroom.writer, id, 'submit')).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Write a headline before sending the story on. Add a byline before sending the story on.',
    })
    expect(await snapshot(id)).toEqual(before)
  })

  it('returns "missing" for a story that does not exist', async () => {
    const result = await transition(db, newsroom.editor, 999_999, 'publish', { baseVersion: 1 })
    expect(result).toEqual({ ok: false, reason: 'missing', message: 'This story no longer exists; it may have been deleted.' })
  })
})

describe('refusals change nothing', () => {
  const forged: [WorkflowAction, string][] = [
    ['publish', 'Only editors can publish a story.'],
    ['approve', 'Only editors can approve a story.'],
    ['schedule', 'Only editors can schedule a story.'],
    ['requestChanges', 'Only editors can request changes.'],
  ]
  for (const [action, message] of forged) {
    it(`refuses a writer’s forged ${action} request on their own story in review`, async () => {
      const id = await storyIn(db, newsroom, 'in_review')
      const before = await snapshot(id)
      const result = await attempt(newsroom.writer, id, action, { note: 'Forged.', scheduledAt: at(60) })
      expect(result).toEqual({ ok: false, reason: 'forbidden', message })
      expect(await snapshot(id)).toEqual(before)
    })
  }

  it('refuses a writer’s forged unpublish of their own live story', async () => {
    const id = await storyIn(db, newsroom, 'published')
    const before = await snapshot(id)
    expect(await attempt(newsroom.writer, id, 'unpublish', { note: 'A forged reason.' })).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'Only editors can unpublish a story.',
    })
    expect(await snapshot(id)).toEqual(before)
  })

  it('refuses a writer who submits someone else’s draft', async () => {
    const id = await makeStory(db, newsroom)
    expect(await attempt(newsroom.writer2, id, 'submit')).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('refuses a transition on a story that moved on since the screen was loaded, naming its status now', async () => {
    const id = await storyIn(db, newsroom, 'in_review')
    const { version } = await articleRow(db, id)
    await act(db, newsroom.admin, id, 'approve')
    const before = await snapshot(id)
    const result = await transition(db, newsroom.editor, id, 'requestChanges', { baseVersion: version, note: 'Shorter, please.' })
    expect(result).toEqual({
      ok: false,
      reason: 'conflict',
      message:
        'Someone changed this story while you were looking at it; it is now “Approved”. Reload it to see the latest version, then try again.',
    })
    expect(await snapshot(id)).toEqual(before)
  })

  it('refuses an action the story’s status does not allow', async () => {
    const id = await makeStory(db, newsroom)
    expect(await attempt(newsroom.editor, id, 'publish')).toEqual({
      ok: false,
      reason: 'invalid',
      message: '“Publish” is not possible while the story is a draft.',
    })
  })

  it('refuses to request changes without a note, and a 1 MB note, leaving no note behind', async () => {
    const id = await storyIn(db, newsroom, 'in_review')
    const before = await snapshot(id)
    expect(await attempt(newsroom.editor, id, 'requestChanges')).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Write a note saying what needs to change.',
    })
    const huge = await attempt(newsroom.editor, id, 'requestChanges', { note: 'x'.repeat(1024 * 1024) })
    expect(huge).toEqual({ ok: false, reason: 'invalid', message: 'Keep the note under 10,000 characters (this one has 1,048,576).' })
    expect(await snapshot(id)).toEqual(before)
  })

  it('refuses scheduling in the past or more than a year ahead', async () => {
    const id = await storyIn(db, newsroom, 'approved')
    const before = await snapshot(id)
    expect(await attempt(newsroom.editor, id, 'schedule', { now: at(10), scheduledAt: at(9) })).toMatchObject({
      ok: false,
      message: 'Choose a time in the future.',
    })
    const tooLate = new Date('2031-03-01T09:10:01Z')
    expect(await attempt(newsroom.editor, id, 'schedule', { now: at(10), scheduledAt: tooLate })).toMatchObject({
      ok: false,
      message: 'Choose a time at most a year ahead.',
    })
    expect(await attempt(newsroom.editor, id, 'schedule', { now: at(10) })).toMatchObject({
      ok: false,
      message: 'Choose a date and time to publish the story.',
    })
    expect(await snapshot(id)).toEqual(before)
  })

  it('re-reads the actor’s role: a demoted or disabled editor is refused whatever the session says', async () => {
    const people = await db
      .insert(users)
      .values([
        { email: 'demoted@example.test', name: 'Demoted Editor', slug: 'demoted', role: 'editor', passwordHash: 'x' },
        { email: 'disabled@example.test', name: 'Disabled Editor', slug: 'disabled', role: 'editor', passwordHash: 'x' },
      ])
      .returning({ id: users.id })
    const [demoted, disabled] = people.map((person): Actor => ({ id: person.id, role: 'editor' }))
    if (!demoted || !disabled) throw new Error('no people')
    await db.update(users).set({ role: 'writer' }).where(eq(users.id, demoted.id))
    await db.update(users).set({ isDisabled: true }).where(eq(users.id, disabled.id))

    const id = await storyIn(db, newsroom, 'approved')
    const before = await snapshot(id)
    expect(await attempt(demoted, id, 'publish')).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: 'Only editors can publish a story.',
    })
    expect(await attempt(disabled, id, 'publish')).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: expect.stringContaining('disabled'),
    })
    expect(await snapshot(id)).toEqual(before)
  })
})

describe('scheduling', () => {
  it('schedules, changes the time, and unschedules back to approved', async () => {
    const id = await storyIn(db, newsroom, 'approved')
    expect(await attempt(newsroom.editor, id, 'schedule', { scheduledAt: at(120), note: 'Embargoed.' })).toMatchObject({
      ok: true,
      article: { status: 'scheduled' },
    })
    expect(await articleRow(db, id)).toMatchObject({ status: 'scheduled', scheduledAt: at(120) })
    expect(await attempt(newsroom.editor, id, 'schedule', { scheduledAt: at(180) })).toMatchObject({ ok: true })
    expect(await articleRow(db, id)).toMatchObject({ status: 'scheduled', scheduledAt: at(180) })
    expect(await attempt(newsroom.editor, id, 'unschedule')).toMatchObject({ ok: true, article: { status: 'approved' } })
    expect(await articleRow(db, id)).toMatchObject({ status: 'approved', scheduledAt: null })
    expect((await auditTrail(db, id)).slice(-3).map((event) => [event.fromStatus, event.toStatus, event.note])).toEqual([
      ['approved', 'scheduled', 'Embargoed.'],
      ['scheduled', 'scheduled', ''],
      ['scheduled', 'approved', ''],
    ])
  })
})

describe('two editors at once', () => {
  it('publishing the same story at the same moment makes exactly one publish event', async () => {
    const id = await storyIn(db, newsroom, 'approved')
    const { version } = await articleRow(db, id)
    const results = await Promise.all(
      [newsroom.editor, newsroom.admin].map((actor) =>
        transition(db, actor, id, 'publish', { baseVersion: version, now: at(20), confirmWarnings: checkIds }),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, reason: 'conflict' })
    const published = (await auditTrail(db, id)).filter((event) => event.toStatus === 'published')
    expect(published).toHaveLength(1)
    expect(await articleRow(db, id)).toMatchObject({ status: 'published', version: version + 1 })
  })
})

describe('reading the workflow', () => {
  it('gives the desk the buttons for this person and the audit trail with names, newest first', async () => {
    const id = await storyIn(db, newsroom, 'in_review', { now: at(0) })
    const state = await getWorkflowState(db, newsroom.writer, id)
    expect(state).toMatchObject({ status: 'in_review', isLive: false, path: expect.stringMatching(/^\/world\/harbour-reopens/) })
    expect(state?.actions.map((action) => action.action)).toEqual(['withdraw'])
    expect((await getWorkflowState(db, newsroom.editor, id))?.actions.map((action) => action.action)).toEqual([
      'withdraw',
      'requestChanges',
      'approve',
      'publish',
      'schedule',
    ])
    const trail = await listWorkflowEvents(db, id)
    expect(trail?.map((event) => [event.toStatus, event.actorName, event.revisionNumber])).toEqual([
      ['in_review', 'Writer Person', 1],
      ['draft', 'Writer Person', 1],
    ])
    expect(await getWorkflowState(db, newsroom.editor, 999_999)).toBeNull()
  })
})
