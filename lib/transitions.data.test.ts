import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articleAuthors, articleTags, notes, revisions, slugHistory, tags, users, workflowEvents } from '@/db/schema'
import { act, articleRow, docOf, editStory, makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { saveArticle } from './article-drafts'
import { articleInputSchema } from './article-input'
import type { Actor } from './permissions'
import { findStoryAt } from './public-articles'
import { getWorkflowState, listWorkflowEvents, transition } from './transitions'
import type { WorkflowAction } from './workflow'

const { db, newsroom } = await openTestNewsroom()

const minute = 60 * 1000
const start = new Date('2030-03-01T09:00:00Z')
const at = (minutes: number) => new Date(start.getTime() + minutes * minute)

async function events(articleId: number) {
  return db.select().from(workflowEvents).where(eq(workflowEvents.articleId, articleId)).orderBy(asc(workflowEvents.id))
}

/** Everything a refused transition must leave as it was. */
async function snapshot(articleId: number) {
  return {
    article: await articleRow(db, articleId),
    revisions: await db.select().from(revisions).where(eq(revisions.articleId, articleId)).orderBy(asc(revisions.id)),
    events: await events(articleId),
    notes: await db.select().from(notes).where(eq(notes.articleId, articleId)),
    authors: await db.select().from(articleAuthors).where(eq(articleAuthors.articleId, articleId)),
  }
}

async function attempt(
  actor: Actor,
  articleId: number,
  action: WorkflowAction,
  options: { note?: string; scheduledAt?: Date; now?: Date } = {},
) {
  const { version } = await articleRow(db, articleId)
  return transition(db, actor, articleId, action, { now: at(10), ...options, baseVersion: version })
}

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

    const trail = await events(id)
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
    expect(await attempt(newsroom.writer, id, 'unpublish')).toEqual({
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
    expect((await events(id)).slice(-3).map((event) => [event.fromStatus, event.toStatus, event.note])).toEqual([
      ['approved', 'scheduled', 'Embargoed.'],
      ['scheduled', 'scheduled', ''],
      ['scheduled', 'approved', ''],
    ])
  })
})

describe('a published story', () => {
  it('keeps its first publication time and live revision while an update is saved, then publishes the update with its new address and credits', async () => {
    const { editor } = newsroom
    const id = await storyIn(db, newsroom, 'published', { headline: 'Ferry service resumes', now: at(0) })
    await editStory(db, editor, id, { tags: ['Ferries'] }, { now: at(1) })
    // The tags of an update reach readers only when it is published.
    expect(await db.select().from(articleTags).where(eq(articleTags.articleId, id))).toEqual([])
    const first = await articleRow(db, id)
    await act(db, editor, id, 'publish', { now: at(2) })

    await editStory(
      db,
      editor,
      id,
      {
        headline: 'Ferry service resumes on all routes',
        slug: 'ferry-all-routes',
        sectionId: newsroom.otherSectionId,
        bylines: [{ userId: newsroom.writer.id }, { name: 'Rania Salem', outlet: 'Delta Weekly' }],
        tags: ['Ferries', 'Transport'],
      },
      { now: at(3) },
    )
    const pending = await articleRow(db, id)
    expect(pending).toMatchObject({ status: 'published', slug: 'ferry-service-resumes', sectionId: newsroom.sectionId })
    expect(pending.publishedRevisionId).not.toBe(pending.currentRevisionId)

    const update = await attempt(editor, id, 'publish', { now: at(4) })
    expect(update).toEqual({
      ok: true,
      article: {
        id,
        status: 'published',
        sectionId: newsroom.otherSectionId,
        slug: 'ferry-all-routes',
        path: '/business/ferry-all-routes',
        oldPaths: ['/world/ferry-service-resumes'],
      },
    })
    const after = await articleRow(db, id)
    expect(after).toMatchObject({
      firstPublishedAt: first.firstPublishedAt,
      publishedAt: at(4),
      publishedRevisionId: pending.currentRevisionId,
    })
    expect(await db.select({ path: slugHistory.path }).from(slugHistory).where(eq(slugHistory.articleId, id))).toEqual([
      { path: '/world/ferry-service-resumes' },
    ])
    const authors = await db.select().from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(asc(articleAuthors.position))
    expect(authors.map((author) => author.userId ?? author.name)).toEqual([newsroom.writer.id, 'Rania Salem'])
    const tagNames = await db
      .select({ name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
    expect(tagNames.map((tag) => tag.name).sort()).toEqual(['Ferries', 'Transport'])
    // Every revision that went live stays marked as such.
    const kinds = await db
      .select({ kind: revisions.kind })
      .from(revisions)
      .where(eq(revisions.articleId, id))
      .orderBy(asc(revisions.number))
    expect(kinds.map((row) => row.kind)).toEqual(['published', 'published', 'published'])
  })

  it('moving back to an earlier address takes it out of the redirects', async () => {
    const { editor } = newsroom
    const id = await storyIn(db, newsroom, 'published', { headline: 'Bridge closes' })
    await editStory(db, editor, id, { slug: 'bridge-closes-for-repairs' })
    await act(db, editor, id, 'publish')
    await editStory(db, editor, id, { slug: 'bridge-closes' })
    const back = await act(db, editor, id, 'publish')
    expect(back).toMatchObject({ path: '/world/bridge-closes', oldPaths: ['/world/bridge-closes-for-repairs'] })
    expect(await db.select({ path: slugHistory.path }).from(slugHistory).where(eq(slugHistory.articleId, id))).toEqual([
      { path: '/world/bridge-closes-for-repairs' },
    ])
  })

  it('sends an update through review while readers keep the live revision', async () => {
    const { editor, writer } = newsroom
    const id = await storyIn(db, newsroom, 'published', { headline: 'Council votes on budget' })
    const live = await articleRow(db, id)
    await editStory(db, editor, id, { body: docOf('The vote passed.') })
    // The story's own writer sends the editor's update on; nobody else's writer may.
    expect(await attempt(newsroom.writer2, id, 'submit')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await attempt(writer, id, 'submit')).toMatchObject({ ok: true, article: { status: 'in_review' } })
    expect(await articleRow(db, id)).toMatchObject({
      status: 'in_review',
      publishedRevisionId: live.publishedRevisionId,
      publishedAt: live.publishedAt,
    })
    expect(await getWorkflowState(db, editor, id)).toMatchObject({ status: 'in_review', isLive: true, hasUnpublishedChanges: true })

    expect(await attempt(editor, id, 'requestChanges', { note: 'Add the vote count.' })).toMatchObject({ ok: true })
    await editStory(db, writer, id, { body: docOf('The vote passed, 31 to 12.') })
    await act(db, writer, id, 'submit')
    await act(db, editor, id, 'approve')
    const published = await attempt(editor, id, 'publish', { now: at(30) })
    expect(published).toMatchObject({ ok: true, article: { status: 'published' } })
    const after = await articleRow(db, id)
    expect(after.firstPublishedAt).toEqual(live.firstPublishedAt)
    expect(after.publishedRevisionId).toBe(after.currentRevisionId)
  })

  it('lets its writer edit it and submit the update, which readers see only once an editor publishes it', async () => {
    const { editor, writer } = newsroom
    const id = await makeStory(db, newsroom, { headline: 'Library extends its hours' })
    await editStory(db, writer, id, { body: docOf('Open until nine.') })
    await act(db, writer, id, 'submit')
    await act(db, editor, id, 'publish')
    const live = await articleRow(db, id)
    const path = ['world', live.slug]
    const readers = await findStoryAt(db, path)
    expect(readers).toMatchObject({ kind: 'story', story: { body: docOf('Open until nine.') } })

    await editStory(db, writer, id, { body: docOf('Open until ten, from Monday.') })
    expect(await getWorkflowState(db, writer, id)).toMatchObject({ status: 'published', hasUnpublishedChanges: true })
    expect((await getWorkflowState(db, writer, id))?.actions.map((action) => action.label)).toEqual(['Submit update for review'])
    expect(await attempt(writer, id, 'publish')).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: 'Only editors can publish a story.',
    })
    expect(await attempt(writer, id, 'submit')).toMatchObject({ ok: true, article: { status: 'in_review' } })
    expect(await findStoryAt(db, path)).toEqual(readers)
    expect(await articleRow(db, id)).toMatchObject({ publishedRevisionId: live.publishedRevisionId })

    expect(await attempt(editor, id, 'publish')).toMatchObject({ ok: true, article: { status: 'published' } })
    expect(await findStoryAt(db, path)).toMatchObject({ kind: 'story', story: { body: docOf('Open until ten, from Monday.') } })
  })

  it('lets an editor publish an update that was sent back for changes without another review', async () => {
    const { editor, writer } = newsroom
    const id = await storyIn(db, newsroom, 'published')
    await editStory(db, writer, id, { body: docOf('A hasty update.') })
    await act(db, writer, id, 'submit')
    await act(db, editor, id, 'requestChanges', { note: 'Check the date.' })
    expect((await getWorkflowState(db, editor, id))?.actions.map((action) => action.label)).toEqual([
      'Submit for review',
      'Publish update',
      'Unpublish',
    ])
    expect(await attempt(writer, id, 'publish')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await attempt(editor, id, 'publish')).toMatchObject({ ok: true, article: { status: 'published' } })
    const after = await articleRow(db, id)
    expect(after.publishedRevisionId).toBe(after.currentRevisionId)
    expect((await events(id)).at(-1)).toMatchObject({ fromStatus: 'changes_requested', toStatus: 'published', actorId: editor.id })
  })

  it('says there is nothing to publish when readers already see the newest revision', async () => {
    const id = await storyIn(db, newsroom, 'published')
    expect(await attempt(newsroom.editor, id, 'publish')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no unpublished changes'),
    })
  })

  it('unpublishes keeping the pinned revision, and republishes the current one without touching the first publication time', async () => {
    const { editor } = newsroom
    const id = await storyIn(db, newsroom, 'published', { now: at(0) })
    const live = await articleRow(db, id)
    expect(await attempt(editor, id, 'unpublish', { note: 'Legal asked us to take it down.', now: at(5) })).toMatchObject({
      ok: true,
      article: { status: 'unpublished' },
    })
    expect(await articleRow(db, id)).toMatchObject({
      status: 'unpublished',
      publishedRevisionId: live.publishedRevisionId,
      publishedAt: live.publishedAt,
    })

    await editStory(db, editor, id, { body: docOf('The corrected text.') })
    expect(await attempt(editor, id, 'republish', { now: at(50) })).toMatchObject({ ok: true, article: { status: 'published' } })
    const after = await articleRow(db, id)
    expect(after).toMatchObject({ firstPublishedAt: live.firstPublishedAt, publishedAt: at(50) })
    expect(after.publishedRevisionId).toBe(after.currentRevisionId)
    expect(after.publishedRevisionId).not.toBe(live.publishedRevisionId)
  })

  it('can be taken down while an update of it is in review', async () => {
    const id = await storyIn(db, newsroom, 'published')
    await editStory(db, newsroom.editor, id, { body: docOf('An update.') })
    await act(db, newsroom.writer, id, 'submit')
    expect(await attempt(newsroom.editor, id, 'unpublish')).toMatchObject({ ok: true, article: { status: 'unpublished' } })
  })

  it('makes the next autosave a new revision, never an edit of the live one', async () => {
    const id = await makeStory(db, newsroom, { now: at(0) })
    await editStory(db, newsroom.editor, id, { body: docOf('Typed.') }, { kind: 'autosave', now: at(1) })
    await act(db, newsroom.editor, id, 'submit', { now: at(2) })
    await act(db, newsroom.editor, id, 'publish', { now: at(3) })
    const live = await articleRow(db, id)
    const input = articleInputSchema.parse({
      headline: 'Harbour reopens',
      body: docOf('Typed on.'),
      sectionId: newsroom.sectionId,
      bylines: [{ userId: newsroom.writer.id }],
      tags: [],
      leadMediaId: null,
    })
    const saved = await saveArticle(db, newsroom.editor, id, input, { baseVersion: live.version, kind: 'autosave', now: at(4) })
    expect(saved).toMatchObject({ ok: true, coalesced: false, revisionNumber: 3 })
  })
})

describe('two editors at once', () => {
  it('publishing the same story at the same moment makes exactly one publish event', async () => {
    const id = await storyIn(db, newsroom, 'approved')
    const { version } = await articleRow(db, id)
    const results = await Promise.all(
      [newsroom.editor, newsroom.admin].map((actor) => transition(db, actor, id, 'publish', { baseVersion: version, now: at(20) })),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, reason: 'conflict' })
    const published = (await events(id)).filter((event) => event.toStatus === 'published')
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
    const trail = await listWorkflowEvents(db, newsroom.editor, id)
    expect(trail?.map((event) => [event.toStatus, event.actorName, event.revisionNumber])).toEqual([
      ['in_review', 'Writer Person', 1],
      ['draft', 'Writer Person', 1],
    ])
    expect(await getWorkflowState(db, newsroom.editor, 999_999)).toBeNull()
  })
})
