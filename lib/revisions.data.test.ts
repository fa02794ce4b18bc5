import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articles, revisions } from '@/db/schema'
import { docOf, openTestNewsroom } from '@/test/newsroom'
import { saveArticle } from './article-drafts'
import { createArticle } from './article-create'
import { type ArticleInputRaw, articleInputSchema } from './article-input'
import { compareForHistory } from './revision-comparison'
import { getRevision, listRevisions, restoreRevision } from './revisions'

const { db, newsroom } = await openTestNewsroom()

const start = new Date('2030-03-01T09:00:00Z')
const later = (minutes: number) => new Date(start.getTime() + minutes * 60 * 1000)

async function version(articleId: number): Promise<number> {
  const [row] = await db.select({ version: articles.version }).from(articles).where(eq(articles.id, articleId))
  return row?.version ?? 0
}

/** A story by the writer with three saved versions of its text. */
async function storyWithHistory(headline: string): Promise<number> {
  const created = await createArticle(db, newsroom.writer, { headline, sectionId: newsroom.sectionId }, { now: start })
  if (!created.ok) throw new Error(created.message)
  const fields = (overrides: Partial<ArticleInputRaw>) =>
    articleInputSchema.parse({
      headline,
      body: docOf('First words.'),
      sectionId: newsroom.sectionId,
      tags: [],
      bylines: [{ userId: newsroom.writer.id }],
      leadMediaId: null,
      ...overrides,
    })
  const steps: Partial<ArticleInputRaw>[] = [
    { body: docOf('The council met on Monday.'), tags: ['Politics'] },
    { body: docOf('The council met on Monday and voted to close the library.'), tags: ['Politics', 'Libraries'] },
  ]
  for (const [index, step] of steps.entries()) {
    const baseVersion = await version(created.articleId)
    const result = await saveArticle(db, newsroom.writer, created.articleId, fields(step), {
      baseVersion,
      kind: 'save',
      now: later(index + 1),
    })
    if (!result.ok) throw new Error(result.message)
  }
  return created.articleId
}

describe('the revision history', () => {
  it('lists a story’s revisions newest first, marking the current one', async () => {
    const id = await storyWithHistory('Library vote')
    const list = await listRevisions(db, id)
    expect(list?.map((revision) => revision.number)).toEqual([3, 2, 1])
    expect(list?.[0]).toMatchObject({
      kind: 'save',
      isCurrent: true,
      isPublished: false,
      authorName: 'Writer Person',
      wordCount: 11,
      headline: 'Library vote',
      createdAt: later(2),
    })
    expect(list?.slice(1).every((revision) => !revision.isCurrent)).toBe(true)
    expect(await listRevisions(db, 999_999)).toBeNull()
  })

  it('returns one revision whole, and null for a number the story does not have', async () => {
    const id = await storyWithHistory('Library hours')
    const second = await getRevision(db, id, 2)
    expect(second).toMatchObject({
      number: 2,
      bodyText: 'The council met on Monday.',
      tags: ['Politics'],
      bylines: [{ userId: newsroom.writer.id, name: 'Writer Person' }],
      slug: 'library-hours',
    })
    expect(await getRevision(db, id, 9)).toBeNull()
  })

  it('feeds the comparison of two revisions', async () => {
    const id = await storyWithHistory('Library compare')
    const [older, newer] = await Promise.all([getRevision(db, id, 2), getRevision(db, id, 3)])
    if (!older || !newer) throw new Error('missing revisions')
    const { changes } = await compareForHistory(db, newsroom.writer, older, newer)
    const body = changes.find((change) => change.kind === 'text' && change.field === 'Body')
    const inserted = body?.kind === 'text' ? body.parts.filter((part) => part.kind === 'inserted').map((part) => part.text.trim()) : []
    expect(inserted).toEqual(['and voted to close the library'])
    expect(changes.map((change) => change.kind !== 'item' && change.field)).toEqual(['Body', 'Tags'])
  })

  it('marks a revision set aside in a save conflict as not kept', async () => {
    const id = await storyWithHistory('Library set aside')
    await db
      .update(revisions)
      .set({ notKept: true })
      .where(and(eq(revisions.articleId, id), eq(revisions.number, 2)))
    const listed = await listRevisions(db, id)
    expect(listed?.map((revision) => [revision.number, revision.notKept])).toEqual([
      [3, false],
      [2, true],
      [1, false],
    ])
  })
})

describe('restoring a revision', () => {
  it('makes a new revision with the old content, leaving the history as it was', async () => {
    const id = await storyWithHistory('Library restore')
    const before = await db.select().from(revisions).where(eq(revisions.articleId, id)).orderBy(asc(revisions.number))
    const result = await restoreRevision(db, newsroom.writer, id, 2, await version(id), { now: later(10) })
    expect(result).toMatchObject({ ok: true, revisionNumber: 4, coalesced: false })

    const after = await db.select().from(revisions).where(eq(revisions.articleId, id)).orderBy(asc(revisions.number))
    expect(after.slice(0, 3)).toEqual(before)
    expect(after[3]).toMatchObject({
      kind: 'save',
      bodyText: 'The council met on Monday.',
      tags: ['Politics'],
      createdBy: newsroom.writer.id,
    })
    const [article] = await db.select().from(articles).where(eq(articles.id, id))
    expect(article?.currentRevisionId).toBe(after[3]?.id)
  })

  it('refuses a stale version, someone who may not edit, and a number the story does not have', async () => {
    const id = await storyWithHistory('Library refusals')
    expect(await restoreRevision(db, newsroom.writer, id, 1, 1)).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await restoreRevision(db, newsroom.writer2, id, 1, await version(id))).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await restoreRevision(db, newsroom.writer, id, 42, await version(id))).toMatchObject({ ok: false, reason: 'missing' })
    expect(await listRevisions(db, id)).toHaveLength(3)
  })
})
