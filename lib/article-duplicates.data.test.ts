import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articleAuthors, articleTags, articles } from '@/db/schema'
import {
  articleRow,
  auditTrail,
  disabledPerson,
  disabledRefusal,
  docOf,
  editStory,
  openTestNewsroom,
  revisionRows,
  storyIn,
} from '@/test/newsroom'
import { duplicateArticle, getFollowUp } from './article-duplicates'

const { db, newsroom } = await openTestNewsroom()
const { writer, writer2, editor } = newsroom

async function storyCount(): Promise<number> {
  return (await db.select({ id: articles.id }).from(articles)).length
}

describe('duplicating a story', () => {
  it('makes a new draft of the person’s own with the revision’s content, a free slug and a history of its own', async () => {
    const source = await storyIn(db, newsroom, 'draft', { headline: 'Duplicate: bridge closes' })
    await editStory(db, writer, source, {
      standfirst: 'For repairs.',
      body: docOf('The bridge closes on Monday.'),
      tags: ['Roads'],
      leadMediaId: newsroom.mediaId,
      seoTitle: 'Bridge closes for repairs',
      bylines: [{ userId: writer.id }, { name: 'Ana Reporter', outlet: 'Wire' }],
    })
    await editStory(db, writer, source, { headline: 'Duplicate: bridge reopens', standfirst: 'Repairs done.' })

    const made = await duplicateArticle(db, editor, source, 2)
    if (!made.ok) throw new Error(made.message)
    const copy = await articleRow(db, made.articleId)
    const [revision, ...more] = await revisionRows(db, made.articleId)
    const [sourceRevision2] = (await revisionRows(db, source)).filter((row) => row.number === 2)
    expect(more).toEqual([])
    expect(copy).toMatchObject({ status: 'draft', createdBy: editor.id, duplicatedFrom: sourceRevision2?.id, trashedAt: null })
    expect(copy.slug).not.toBe((await articleRow(db, source)).slug)
    expect(revision).toMatchObject({
      number: 1,
      headline: 'Duplicate: bridge closes',
      standfirst: 'For repairs.',
      body: docOf('The bridge closes on Monday.'),
      bodyText: 'The bridge closes on Monday.',
      tags: ['Roads'],
      leadMediaId: newsroom.mediaId,
      seoTitle: 'Bridge closes for repairs',
      bylines: [{ userId: writer.id }, { name: 'Ana Reporter', outlet: 'Wire' }],
      sectionId: newsroom.sectionId,
      slug: copy.slug,
      createdBy: editor.id,
    })
    expect(await db.select().from(articleAuthors).where(eq(articleAuthors.articleId, made.articleId))).toHaveLength(2)
    expect(await db.select().from(articleTags).where(eq(articleTags.articleId, made.articleId))).toHaveLength(1)
    expect((await auditTrail(db, made.articleId)).map((event) => [event.fromStatus, event.toStatus, event.actorId])).toEqual([
      [null, 'draft', editor.id],
    ])
    expect(await getFollowUp(db, editor, made.articleId)).toEqual({ headline: 'Duplicate: bridge closes', articleId: source })
    expect(await getFollowUp(db, editor, source)).toBeNull()
  })

  it('keeps a writer on the byline of a duplicate of another’s published story', async () => {
    const source = await storyIn(db, newsroom, 'published', { headline: 'Duplicate: published by another', by: writer2 })
    const made = await duplicateArticle(db, writer, source, 1)
    if (!made.ok) throw new Error(made.message)
    const [revision] = await revisionRows(db, made.articleId)
    expect(revision?.bylines).toEqual([{ userId: writer.id }, { userId: writer2.id }])
    expect(await articleRow(db, made.articleId)).toMatchObject({ createdBy: writer.id, status: 'draft' })
  })

  it('refuses a story the person may not read, and an account disabled since signing in, creating nothing', async () => {
    const editorsDraft = await storyIn(db, newsroom, 'draft', { headline: 'Duplicate: an editor’s draft', by: editor })
    const before = await storyCount()
    expect(await duplicateArticle(db, writer, editorsDraft, 1)).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'Only the story’s writers and the editors can open this story before it is published. It cannot be duplicated.',
    })
    expect(await duplicateArticle(db, await disabledPerson(db, 'editor'), editorsDraft, 1)).toEqual(disabledRefusal)
    expect(await duplicateArticle(db, editor, editorsDraft, 7)).toMatchObject({
      ok: false,
      reason: 'missing',
      message: 'This story has no revision 7.',
    })
    expect(await duplicateArticle(db, editor, 999_999, 1)).toMatchObject({ ok: false, reason: 'missing' })
    expect(await storyCount()).toBe(before)
  })

  it('names the original only to who may open it', async () => {
    const source = await storyIn(db, newsroom, 'published', { headline: 'Duplicate: later unpublished' })
    const made = await duplicateArticle(db, writer2, source, 1)
    if (!made.ok) throw new Error(made.message)
    expect(await getFollowUp(db, writer2, made.articleId)).toEqual({ headline: 'Duplicate: later unpublished', articleId: source })
    await db.update(articles).set({ publishedRevisionId: null }).where(eq(articles.id, source))
    expect(await getFollowUp(db, writer2, made.articleId)).toEqual({ headline: '', articleId: null })
  })
})
