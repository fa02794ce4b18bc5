import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articleAuthors, articleTags, revisions } from '@/db/schema'
import { act, articleRow, docOf, makeStory, openTestNewsroom, revisionRows } from '@/test/newsroom'
import { saveForm } from '@/test/story-form-input'
import { getArticleForEditing } from './editable-article'
import { findStoryAt } from './public-articles'

// Editing a story: who may (the permission, then the workflow table's `edit` column for its
// status), a published story's next version while readers keep the live one, and opening a story
// in the form.

const { db, newsroom } = await openTestNewsroom()

const minute = 60 * 1000
const start = new Date('2030-03-01T09:00:00Z')
const later = (minutes: number) => new Date(start.getTime() + minutes * minute)

/** Publishes the story through the workflow: its writer submits it and the editor publishes it. */
async function publish(articleId: number) {
  await act(db, newsroom.writer, articleId, 'submit', { now: start })
  await act(db, newsroom.editor, articleId, 'publish', { now: start })
}

describe('who may edit', () => {
  it('lets a writer edit their own draft, but not someone else’s, nor their own once it is in review', async () => {
    const id = await makeStory(db, newsroom, { by: newsroom.writer, now: start })
    expect((await saveForm(db, newsroom, id, newsroom.writer, {}, 'save', later(1))).ok).toBe(true)

    const other = await saveForm(db, newsroom, id, newsroom.writer2, { headline: 'Hijacked' }, 'save', later(2))
    expect(other).toEqual({ ok: false, reason: 'forbidden', message: 'Only the story’s writers and the editors can change this story.' })
    expect(await getArticleForEditing(db, newsroom.writer2, id)).toBeNull()

    await act(db, newsroom.writer, id, 'submit', { now: later(2) })
    const own = await saveForm(db, newsroom, id, newsroom.writer, { headline: 'Late change' }, 'save', later(3))
    expect(own).toMatchObject({ ok: false, reason: 'forbidden', message: expect.stringContaining('review') })
    expect(await revisionRows(db, id)).toHaveLength(2)

    expect(await saveForm(db, newsroom, id, newsroom.editor, { headline: 'Editor’s change' }, 'save', later(4))).toMatchObject({
      ok: true,
      revisionNumber: 3,
    })
    expect(await getArticleForEditing(db, newsroom.admin, id)).toMatchObject({ canEdit: true, status: 'in_review' })
  })

  it('lets a writer bylined on a story edit it, and again when changes are requested', async () => {
    const id = await makeStory(db, newsroom, { by: newsroom.writer, now: start })
    await saveForm(
      db,
      newsroom,
      id,
      newsroom.writer,
      { bylines: [{ userId: newsroom.writer.id }, { userId: newsroom.writer2.id }] },
      'save',
      later(1),
    )
    await act(db, newsroom.writer, id, 'submit', { now: later(1) })
    await act(db, newsroom.editor, id, 'requestChanges', { note: 'Check the figures.', now: later(1) })
    const result = await saveForm(
      db,
      newsroom,
      id,
      newsroom.writer2,
      { bylines: [{ userId: newsroom.writer.id }, { userId: newsroom.writer2.id }] },
      'save',
      later(2),
    )
    expect(result).toMatchObject({ ok: true })
  })
})

describe('a published story', () => {
  it('keeps its live revision, address and credits while the next version is saved', async () => {
    const id = await makeStory(db, newsroom, { by: newsroom.writer, headline: 'Harbour reopens', now: start })
    await saveForm(db, newsroom, id, newsroom.writer, {}, 'save', later(1))
    await publish(id)
    const live = await articleRow(db, id)
    const [liveRevision] = await db
      .select()
      .from(revisions)
      .where(eq(revisions.id, live.publishedRevisionId ?? -1))
    const liveAuthors = await db.select().from(articleAuthors).where(eq(articleAuthors.articleId, id))
    const liveTags = await db.select().from(articleTags).where(eq(articleTags.articleId, id))

    // The editor who published it autosaves: a new revision, never the published one in place.
    await db
      .update(revisions)
      .set({ kind: 'published', createdBy: newsroom.editor.id })
      .where(eq(revisions.id, live.publishedRevisionId ?? -1))
    const [published] = await db
      .select()
      .from(revisions)
      .where(eq(revisions.id, live.publishedRevisionId ?? -1))
    const result = await saveForm(
      db,
      newsroom,
      id,
      newsroom.editor,
      {
        headline: 'Harbour reopens: first catch landed',
        slug: 'first-catch',
        sectionId: newsroom.otherSectionId,
        tags: ['Fishing'],
        bylines: [{ userId: newsroom.editor.id }],
      },
      'autosave',
      later(2),
    )
    expect(result).toMatchObject({ ok: true, revisionNumber: 3, coalesced: false, slug: 'first-catch' })

    const after = await articleRow(db, id)
    expect(after).toMatchObject({
      status: 'published',
      publishedRevisionId: live.publishedRevisionId,
      slug: live.slug,
      sectionId: live.sectionId,
    })
    expect(after.currentRevisionId).not.toBe(live.publishedRevisionId)
    expect(
      await db
        .select()
        .from(revisions)
        .where(eq(revisions.id, live.publishedRevisionId ?? -1)),
    ).toEqual([published])
    expect(published).toMatchObject({ headline: liveRevision?.headline, body: liveRevision?.body })
    expect(await db.select().from(articleAuthors).where(eq(articleAuthors.articleId, id))).toEqual(liveAuthors)
    expect(await db.select().from(articleTags).where(eq(articleTags.articleId, id))).toEqual(liveTags)

    const editable = await getArticleForEditing(db, newsroom.editor, id)
    expect(editable).toMatchObject({
      hasUnpublishedChanges: true,
      live: { slug: live.slug, sectionId: live.sectionId },
      slug: 'first-catch',
      headline: 'Harbour reopens: first catch landed',
      bylines: [{ userId: newsroom.editor.id, name: 'Editor Person' }],
    })
  })

  it('lets its writer start an update: a new revision, while readers keep the live one', async () => {
    const id = await makeStory(db, newsroom, { by: newsroom.writer, headline: 'Tram line opens', now: start })
    await saveForm(
      db,
      newsroom,
      id,
      newsroom.writer,
      { headline: 'Tram line opens', body: docOf('The first tram left at six.') },
      'save',
      later(1),
    )
    await publish(id)
    const live = await articleRow(db, id)
    const readers = await findStoryAt(db, ['world', live.slug])

    const result = await saveForm(
      db,
      newsroom,
      id,
      newsroom.writer,
      { headline: 'Tram line opens', body: docOf('The first tram left at six, full.') },
      'save',
      later(2),
    )
    expect(result).toMatchObject({ ok: true, revisionNumber: 3 })
    const after = await articleRow(db, id)
    expect(after).toMatchObject({
      status: 'published',
      publishedRevisionId: live.publishedRevisionId,
      publishedAt: live.publishedAt,
      slug: live.slug,
    })
    expect(after.currentRevisionId).not.toBe(live.publishedRevisionId)
    expect(await findStoryAt(db, ['world', live.slug])).toEqual(readers)
    expect(readers).toMatchObject({ kind: 'story', story: { body: docOf('The first tram left at six.') } })
    expect(await getArticleForEditing(db, newsroom.writer, id)).toMatchObject({ canEdit: true, hasUnpublishedChanges: true })
  })

  it('cannot be changed by another writer, nor by its writer once taken off the site', async () => {
    const id = await makeStory(db, newsroom, { by: newsroom.writer, headline: 'Published by the desk', now: start })
    await publish(id)
    const other = await saveForm(db, newsroom, id, newsroom.writer2, {}, 'save', later(1))
    expect(other).toEqual({ ok: false, reason: 'forbidden', message: 'Only the story’s writers and the editors can change this story.' })

    await act(db, newsroom.editor, id, 'unpublish', { now: later(1) })
    const own = await saveForm(db, newsroom, id, newsroom.writer, {}, 'save', later(2))
    expect(own).toMatchObject({ ok: false, reason: 'forbidden', message: expect.stringContaining('only an editor') })
    expect(await revisionRows(db, id)).toHaveLength(1)
  })
})

describe('opening a story for editing', () => {
  it('returns the current revision’s fields with bylines named, and null for a story that does not exist', async () => {
    const id = await makeStory(db, newsroom, { by: newsroom.writer, headline: 'Named bylines', now: start })
    await saveForm(
      db,
      newsroom,
      id,
      newsroom.writer,
      {
        headline: 'Named bylines',
        bylines: [{ userId: newsroom.writer.id }, { name: 'Rania Salem', outlet: 'Delta Weekly' }],
        leadMediaId: newsroom.mediaId,
        leadCaption: 'The harbour',
        leadCredit: 'AGENCY',
      },
      'save',
      later(1),
    )
    const editable = await getArticleForEditing(db, newsroom.writer, id)
    expect(editable).toMatchObject({
      id,
      status: 'draft',
      version: 2,
      revisionNumber: 2,
      revisionKind: 'save',
      headline: 'Named bylines',
      bylines: [
        { userId: newsroom.writer.id, name: 'Writer Person' },
        { name: 'Rania Salem', outlet: 'Delta Weekly' },
      ],
      tags: ['Shipping'],
      leadMediaId: newsroom.mediaId,
      leadCaption: 'The harbour',
      savedAt: later(1),
      savedBy: 'Writer Person',
      hasUnpublishedChanges: false,
      publishedRevisionId: null,
      canEdit: true,
    })
    // Another writer may not read the draft: it answers as if it did not exist.
    expect(await getArticleForEditing(db, newsroom.writer2, id)).toBeNull()
    expect(await getArticleForEditing(db, newsroom.writer, 999_999)).toBeNull()
  })
})
