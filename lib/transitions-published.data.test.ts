import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articleAuthors, articleTags, auditEvents, revisions, slugHistory, tags } from '@/db/schema'
import { act, articleRow, auditTrail, docOf, editStory, makeStory, openTestNewsroom, storyIn, tryAct } from '@/test/newsroom'
import { saveArticle } from './article-drafts'
import { articleInputSchema } from './article-input'
import type { Actor } from './permissions'
import { findStoryAt } from './public-articles'
import { type TransitionOptions, getWorkflowState } from './transitions'
import type { WorkflowAction } from './workflow'

// The workflow of a story readers can see: updates, moved addresses, unpublishing and republishing.
// lib/transitions.data.test.ts has the way to first publication and the refusals.

const { db, newsroom } = await openTestNewsroom()

const minute = 60 * 1000
const start = new Date('2030-03-01T09:00:00Z')
const at = (minutes: number) => new Date(start.getTime() + minutes * minute)

/** Takes the action at the story's current version, at 09:10 unless told otherwise, and returns the answer. */
const attempt = (actor: Actor, articleId: number, action: WorkflowAction, options: Omit<TransitionOptions, 'baseVersion'> = {}) =>
  tryAct(db, actor, articleId, action, { now: at(10), ...options })

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
    expect((await auditTrail(db, id)).at(-1)).toMatchObject({ fromStatus: 'changes_requested', toStatus: 'published', actorId: editor.id })
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
    expect(await attempt(editor, id, 'republish', { note: 'Cleared by the lawyers.', now: at(50) })).toMatchObject({
      ok: true,
      article: { status: 'published' },
    })
    const after = await articleRow(db, id)
    expect(after).toMatchObject({ firstPublishedAt: live.firstPublishedAt, publishedAt: at(50) })
    expect(after.publishedRevisionId).toBe(after.currentRevisionId)
    expect(after.publishedRevisionId).not.toBe(live.publishedRevisionId)
  })

  it('refuses to unpublish or republish without a reason, and records the reason in the story’s trail and the audit log', async () => {
    const { editor } = newsroom
    const id = await storyIn(db, newsroom, 'published')
    for (const note of [undefined, '  \n ']) {
      expect(await attempt(editor, id, 'unpublish', { note })).toEqual({
        ok: false,
        reason: 'invalid',
        message: 'Give a reason for unpublishing: it is recorded in the story’s history and in the audit log.',
      })
    }
    expect((await articleRow(db, id)).status).toBe('published')
    await act(db, editor, id, 'unpublish', { note: 'The council withdrew the figures.' })
    expect(await attempt(editor, id, 'republish', {})).toMatchObject({ ok: false, reason: 'invalid' })
    await act(db, editor, id, 'republish', { note: 'The figures are confirmed.' })

    expect((await auditTrail(db, id)).slice(-2).map((event) => [event.toStatus, event.note])).toEqual([
      ['unpublished', 'The council withdrew the figures.'],
      ['published', 'The figures are confirmed.'],
    ])
    const logged = await db.select().from(auditEvents).where(eq(auditEvents.actorId, editor.id)).orderBy(asc(auditEvents.id))
    const readers = logged.filter((entry) => entry.detail.story === id && entry.action !== 'story.warnings-confirmed')
    expect(readers.map((entry) => [entry.action, entry.detail.reason])).toEqual([
      ['story.unpublish', 'The council withdrew the figures.'],
      ['story.republish', 'The figures are confirmed.'],
    ])
  })

  it('can be taken down while an update of it is in review', async () => {
    const id = await storyIn(db, newsroom, 'published')
    await editStory(db, newsroom.editor, id, { body: docOf('An update.') })
    await act(db, newsroom.writer, id, 'submit')
    expect(await attempt(newsroom.editor, id, 'unpublish', { note: 'Wrong town.' })).toMatchObject({
      ok: true,
      article: { status: 'unpublished' },
    })
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
