import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articleAuthors, articleTags, articles, revisions, tags, workflowEvents } from '@/db/schema'
import { docOf, openTestNewsroom } from '@/test/newsroom'
import { autosaveWindowMs, createArticle, saveArticle } from './article-drafts'
import { getArticleForEditing } from './editable-article'
import { findStoryAt } from './public-articles'
import { type ArticleInput, type ArticleInputRaw, articleInputSchema } from './article-input'
import type { Actor } from './permissions'

const { db, newsroom } = await openTestNewsroom()

const minute = 60 * 1000
const start = new Date('2030-03-01T09:00:00Z')
const later = (minutes: number) => new Date(start.getTime() + minutes * minute)

/** What the story form would send, parsed as the server action parses it. */
function input(overrides: Partial<ArticleInputRaw> = {}): ArticleInput {
  return articleInputSchema.parse({
    headline: 'Harbour reopens',
    standfirst: 'Boats are back.',
    body: docOf('The harbour reopened on Sunday.'),
    sectionId: newsroom.sectionId,
    slug: '',
    tags: ['Shipping'],
    bylines: [{ userId: newsroom.writer.id }],
    leadMediaId: null,
    ...overrides,
  })
}

async function newStory(actor: Actor = newsroom.writer, headline = 'Harbour reopens'): Promise<number> {
  const result = await createArticle(db, actor, { headline, sectionId: newsroom.sectionId }, { now: start })
  if (!result.ok) throw new Error(result.message)
  return result.articleId
}

async function revisionRows(articleId: number) {
  return db.select().from(revisions).where(eq(revisions.articleId, articleId)).orderBy(asc(revisions.number))
}

async function articleRow(articleId: number) {
  const [row] = await db.select().from(articles).where(eq(articles.id, articleId))
  if (!row) throw new Error(`no article ${articleId}`)
  return row
}

async function save(articleId: number, actor: Actor, fields: Partial<ArticleInputRaw>, kind: 'autosave' | 'save', at: Date) {
  const { version } = await articleRow(articleId)
  return saveArticle(db, actor, articleId, input(fields), { baseVersion: version, kind, now: at })
}

/** Makes the current revision the live one, as publishing will. */
async function publish(articleId: number) {
  const row = await articleRow(articleId)
  if (row.currentRevisionId === null) throw new Error('no current revision')
  await db.update(revisions).set({ kind: 'published' }).where(eq(revisions.id, row.currentRevisionId))
  await db
    .update(articles)
    .set({
      status: 'published',
      publishedRevisionId: row.currentRevisionId,
      firstPublishedAt: start,
      publishedAt: start,
      version: row.version + 1,
    })
    .where(eq(articles.id, articleId))
}

describe('creating a story', () => {
  it('makes a draft with revision 1, the creator as byline and a history that starts at draft', async () => {
    const id = await newStory(newsroom.writer, 'Rail strike called off')
    const article = await articleRow(id)
    const [revision] = await revisionRows(id)
    expect(article).toMatchObject({
      status: 'draft',
      slug: 'rail-strike-called-off',
      sectionId: newsroom.sectionId,
      createdBy: newsroom.writer.id,
    })
    expect(revision).toMatchObject({
      number: 1,
      kind: 'save',
      headline: 'Rail strike called off',
      slug: 'rail-strike-called-off',
      sectionId: newsroom.sectionId,
      bylines: [{ userId: newsroom.writer.id }],
      tags: [],
    })
    expect(article.currentRevisionId).toBe(revision?.id)
    expect(await db.select({ userId: articleAuthors.userId }).from(articleAuthors).where(eq(articleAuthors.articleId, id))).toEqual([
      { userId: newsroom.writer.id },
    ])
    const events = await db.select().from(workflowEvents).where(eq(workflowEvents.articleId, id))
    expect(events).toMatchObject([{ fromStatus: null, toStatus: 'draft', actorId: newsroom.writer.id, revisionId: revision?.id }])
  })

  it('gives a second story with the same headline in the same section the next free slug', async () => {
    const first = await newStory(newsroom.writer, 'Ferry timetable changes')
    const second = await newStory(newsroom.writer2, 'Ferry timetable changes')
    expect((await articleRow(first)).slug).toBe('ferry-timetable-changes')
    expect((await articleRow(second)).slug).toBe('ferry-timetable-changes-2')
  })

  it('refuses a headline of more than 300 characters', async () => {
    const result = await createArticle(db, newsroom.writer, { headline: 'x'.repeat(301), sectionId: newsroom.sectionId })
    expect(result).toEqual({ ok: false, message: 'Keep the headline under 300 characters.' })
  })
})

describe('saving a story', () => {
  it('makes a new revision on each save, bumps the version and mirrors routing and credits of a draft', async () => {
    const id = await newStory()
    const result = await save(
      id,
      newsroom.writer,
      {
        headline: 'Harbour reopens after storm',
        sectionId: newsroom.otherSectionId,
        tags: ['Shipping', 'Storms'],
        bylines: [{ userId: newsroom.writer.id }, { name: 'Rania Salem', outlet: 'Delta Weekly' }],
      },
      'save',
      later(1),
    )
    expect(result).toMatchObject({ ok: true, version: 2, revisionNumber: 2, coalesced: false, slug: 'harbour-reopens-after-storm' })
    const article = await articleRow(id)
    const [, second] = await revisionRows(id)
    expect(article).toMatchObject({
      version: 2,
      currentRevisionId: second?.id,
      sectionId: newsroom.otherSectionId,
      slug: 'harbour-reopens-after-storm',
    })
    expect(second).toMatchObject({ kind: 'save', wordCount: 5, bodyText: 'The harbour reopened on Sunday.', createdBy: newsroom.writer.id })
    const authors = await db.select().from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(asc(articleAuthors.position))
    expect(authors).toMatchObject([
      { position: 0, userId: newsroom.writer.id },
      { position: 1, userId: null, name: 'Rania Salem', outlet: 'Delta Weekly' },
    ])
    const tagNames = await db
      .select({ name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
    expect(tagNames.map((tag) => tag.name).sort()).toEqual(['Shipping', 'Storms'])
  })

  it('coalesces one person’s autosaves within five minutes into one revision', async () => {
    const id = await newStory()
    const first = await save(id, newsroom.writer, { body: docOf('One.') }, 'autosave', later(0))
    const second = await save(id, newsroom.writer, { body: docOf('One. Two.') }, 'autosave', later(4))
    expect(first).toMatchObject({ ok: true, revisionNumber: 2, coalesced: false })
    expect(second).toMatchObject({ ok: true, revisionNumber: 2, coalesced: true, version: 3 })
    const rows = await revisionRows(id)
    expect(rows).toHaveLength(2)
    expect(rows[1]).toMatchObject({ kind: 'autosave', bodyText: 'One. Two.', createdAt: later(0), updatedAt: later(4) })
  })

  it('starts a new revision for an autosave five minutes after the revision began', async () => {
    const id = await newStory()
    await save(id, newsroom.writer, { body: docOf('One.') }, 'autosave', later(0))
    await save(id, newsroom.writer, { body: docOf('One. Two.') }, 'autosave', later(4))
    const result = await save(
      id,
      newsroom.writer,
      { body: docOf('One. Two. Three.') },
      'autosave',
      new Date(later(0).getTime() + autosaveWindowMs),
    )
    expect(result).toMatchObject({ ok: true, revisionNumber: 3, coalesced: false })
  })

  it('starts a new revision when someone else autosaves', async () => {
    const id = await newStory()
    await save(id, newsroom.writer, { body: docOf('Writer’s text.') }, 'autosave', later(0))
    const result = await save(id, newsroom.editor, { body: docOf('Editor’s text.') }, 'autosave', later(1))
    expect(result).toMatchObject({ ok: true, revisionNumber: 3, coalesced: false })
    expect((await revisionRows(id)).map((row) => row.bodyText)).toEqual(['', 'Writer’s text.', 'Editor’s text.'])
  })

  it('always makes a new revision on an explicit save, even right after an autosave', async () => {
    const id = await newStory()
    await save(id, newsroom.writer, { body: docOf('Draft.') }, 'autosave', later(0))
    const saved = await save(id, newsroom.writer, { body: docOf('Draft, saved.') }, 'save', later(1))
    const next = await save(id, newsroom.writer, { body: docOf('Draft, saved, then typed on.') }, 'autosave', later(2))
    expect(saved).toMatchObject({ ok: true, revisionNumber: 3, coalesced: false })
    expect(next).toMatchObject({ ok: true, revisionNumber: 4, coalesced: false })
    expect((await revisionRows(id)).map((row) => row.kind)).toEqual(['save', 'autosave', 'save', 'autosave'])
  })

  it('never coalesces into a revision the workflow history names', async () => {
    const id = await newStory()
    await save(id, newsroom.writer, { body: docOf('Submitted text.') }, 'autosave', later(0))
    const [, submitted] = await revisionRows(id)
    await db
      .insert(workflowEvents)
      .values({ articleId: id, fromStatus: 'draft', toStatus: 'draft', actorId: newsroom.writer.id, revisionId: submitted?.id })
    const result = await save(id, newsroom.writer, { body: docOf('Submitted text, changed.') }, 'autosave', later(1))
    expect(result).toMatchObject({ ok: true, revisionNumber: 3, coalesced: false })
  })

  it('refuses a stale version, writes nothing, and returns the version that is there now', async () => {
    const id = await newStory()
    const editorSave = await save(id, newsroom.editor, { headline: 'Harbour reopens, editor’s cut' }, 'save', later(1))
    expect(editorSave.ok).toBe(true)
    const before = await revisionRows(id)
    const result = await saveArticle(db, newsroom.writer, id, input({ headline: 'Writer’s headline' }), {
      baseVersion: 1,
      kind: 'autosave',
      now: later(2),
    })
    expect(result).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: expect.stringContaining('Editor Person saved a newer version'),
      current: { version: 2, revisionNumber: 2, headline: 'Harbour reopens, editor’s cut', savedBy: 'Editor Person', canEdit: true },
    })
    expect(await revisionRows(id)).toEqual(before)
    expect((await articleRow(id)).version).toBe(2)
  })

  it('accepts a repeat of the same person’s last save (a retry whose answer was lost) without writing', async () => {
    const id = await newStory()
    const fields = { headline: 'Harbour reopens', body: docOf('Sent twice.') }
    const first = await saveArticle(db, newsroom.writer, id, input(fields), { baseVersion: 1, kind: 'autosave', now: later(1) })
    const retry = await saveArticle(db, newsroom.writer, id, input(fields), { baseVersion: 1, kind: 'autosave', now: later(2) })
    expect(first).toMatchObject({ ok: true, version: 2, revisionNumber: 2 })
    expect(retry).toMatchObject({ ok: true, version: 2, revisionNumber: 2 })
    expect(await revisionRows(id)).toHaveLength(2)
    const changed = await saveArticle(db, newsroom.writer, id, input({ ...fields, body: docOf('Changed meanwhile.') }), {
      baseVersion: 1,
      kind: 'autosave',
      now: later(3),
    })
    expect(changed).toMatchObject({ ok: false, reason: 'conflict', message: expect.stringContaining('You saved a newer version') })
  })

  it('refuses a body that is not a document, writing nothing', async () => {
    const id = await newStory()
    const result = await save(id, newsroom.writer, { body: '<p>Not a document</p>' }, 'save', later(1))
    expect(result).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await revisionRows(id)).toHaveLength(1)
  })

  it('refuses a slug another story in the section uses, and suggests a free one', async () => {
    await newStory(newsroom.writer, 'Port strike')
    const id = await newStory(newsroom.writer, 'Another story')
    const result = await save(id, newsroom.writer, { slug: 'port-strike' }, 'save', later(1))
    expect(result).toEqual({
      ok: false,
      reason: 'slug-taken',
      message: 'The slug “port-strike” is already used in this section (by another story or a sub-section). Try “port-strike-2”.',
    })
    expect(await revisionRows(id)).toHaveLength(1)
    expect(await save(id, newsroom.writer, { slug: 'port-strike', sectionId: newsroom.otherSectionId }, 'save', later(2))).toMatchObject({
      ok: true,
    })
  })

  it('moves a slug made from the headline aside instead of refusing it', async () => {
    await newStory(newsroom.writer, 'Council budget')
    const id = await newStory(newsroom.writer, 'Untitled yet')
    const result = await save(id, newsroom.writer, { headline: 'Council budget', slug: '' }, 'autosave', later(1))
    expect(result).toMatchObject({ ok: true, slug: 'council-budget-2' })
    const again = await save(id, newsroom.writer, { headline: 'Council budget', slug: '' }, 'autosave', later(2))
    expect(again).toMatchObject({ ok: true, slug: 'council-budget-2' })
  })

  it('refuses an image, section or staff byline that does not exist', async () => {
    const id = await newStory()
    const refused = (words: string) => ({ ok: false, reason: 'invalid', message: expect.stringContaining(words) })
    expect(await save(id, newsroom.writer, { leadMediaId: 999_999 }, 'save', later(1))).toMatchObject(refused('lead image'))
    expect(await save(id, newsroom.writer, { sectionId: 999_999 }, 'save', later(1))).toMatchObject(refused('section'))
    expect(await save(id, newsroom.writer, { bylines: [{ userId: 999_999 }] }, 'save', later(1))).toMatchObject(refused('byline'))
    expect(await revisionRows(id)).toHaveLength(1)
  })

  it('answers "missing" for a story that does not exist', async () => {
    const result = await saveArticle(db, newsroom.editor, 999_999, input(), { baseVersion: 1, kind: 'save' })
    expect(result).toEqual({ ok: false, reason: 'missing', message: 'This story no longer exists; it may have been deleted.' })
  })
})

describe('who may edit', () => {
  it('lets a writer edit their own draft, but not someone else’s, nor their own once it is in review', async () => {
    const id = await newStory(newsroom.writer)
    expect((await save(id, newsroom.writer, {}, 'save', later(1))).ok).toBe(true)

    const other = await save(id, newsroom.writer2, { headline: 'Hijacked' }, 'save', later(2))
    expect(other).toEqual({ ok: false, reason: 'forbidden', message: 'Only the story’s writers and the editors can change this story.' })
    expect(await getArticleForEditing(db, newsroom.writer2, id)).toMatchObject({ canEdit: false, editBlockedReason: expect.any(String) })

    await db.update(articles).set({ status: 'in_review' }).where(eq(articles.id, id))
    const own = await save(id, newsroom.writer, { headline: 'Late change' }, 'save', later(3))
    expect(own).toMatchObject({ ok: false, reason: 'forbidden', message: expect.stringContaining('review') })
    expect(await revisionRows(id)).toHaveLength(2)

    expect(await save(id, newsroom.editor, { headline: 'Editor’s change' }, 'save', later(4))).toMatchObject({
      ok: true,
      revisionNumber: 3,
    })
    expect(await getArticleForEditing(db, newsroom.admin, id)).toMatchObject({ canEdit: true, status: 'in_review' })
  })

  it('lets a writer bylined on a story edit it, and again when changes are requested', async () => {
    const id = await newStory(newsroom.writer)
    await save(id, newsroom.writer, { bylines: [{ userId: newsroom.writer.id }, { userId: newsroom.writer2.id }] }, 'save', later(1))
    await db.update(articles).set({ status: 'changes_requested' }).where(eq(articles.id, id))
    const result = await save(
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
    const id = await newStory(newsroom.writer, 'Harbour reopens')
    await save(id, newsroom.writer, {}, 'save', later(1))
    await publish(id)
    const live = await articleRow(id)
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
    const result = await save(
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

    const after = await articleRow(id)
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
    const id = await newStory(newsroom.writer, 'Tram line opens')
    await save(id, newsroom.writer, { headline: 'Tram line opens', body: docOf('The first tram left at six.') }, 'save', later(1))
    await publish(id)
    const live = await articleRow(id)
    const readers = await findStoryAt(db, ['world', live.slug])

    const result = await save(
      id,
      newsroom.writer,
      { headline: 'Tram line opens', body: docOf('The first tram left at six, full.') },
      'save',
      later(2),
    )
    expect(result).toMatchObject({ ok: true, revisionNumber: 3 })
    const after = await articleRow(id)
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
    const id = await newStory(newsroom.writer, 'Published by the desk')
    await publish(id)
    const other = await save(id, newsroom.writer2, {}, 'save', later(1))
    expect(other).toEqual({ ok: false, reason: 'forbidden', message: 'Only the story’s writers and the editors can change this story.' })

    await db.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, id))
    const own = await save(id, newsroom.writer, {}, 'save', later(2))
    expect(own).toMatchObject({ ok: false, reason: 'forbidden', message: expect.stringContaining('only an editor') })
    expect(await revisionRows(id)).toHaveLength(1)
  })
})

describe('opening a story for editing', () => {
  it('returns the current revision’s fields with bylines named, and null for a story that does not exist', async () => {
    const id = await newStory(newsroom.writer, 'Named bylines')
    await save(
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
    const editable = await getArticleForEditing(db, newsroom.writer2, id)
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
      canEdit: false,
    })
    expect(await getArticleForEditing(db, newsroom.writer, 999_999)).toBeNull()
  })
})

describe('a long story', () => {
  it('autosaves a 20,000-word body (the time is logged, not asserted)', async () => {
    const id = await newStory(newsroom.writer, 'A very long read')
    const paragraph = 'The harbour master counted every boat that came in before dawn and wrote the names down. '
    const words = paragraph.trim().split(/\s+/).length
    const body = docOf(...Array.from({ length: Math.ceil(20_000 / words) }, (_, index) => `${index}: ${paragraph}`))
    const fields = input({ body })
    // Warm up the code paths once, then measure autosaves as the editor sends them.
    await saveArticle(db, newsroom.writer, id, fields, { baseVersion: 1, kind: 'autosave', now: later(0) })
    const timings: number[] = []
    for (let round = 0; round < 10; round++) {
      const { version } = await articleRow(id)
      const started = performance.now()
      const result = await saveArticle(db, newsroom.writer, id, fields, { baseVersion: version, kind: 'autosave', now: later(round + 1) })
      timings.push(performance.now() - started)
      expect(result.ok).toBe(true)
    }
    const [row] = (await revisionRows(id)).slice(-1)
    expect(row?.wordCount).toBeGreaterThanOrEqual(20_000)
    const sorted = timings.toSorted((a, b) => a - b)
    const median = ((sorted[4] ?? 0) + (sorted[5] ?? 0)) / 2
    console.info(
      `20,000-word autosave on ${process.env.DATA_TEST_DRIVER ?? 'pglite'}: median ${median.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
    )
  })
})
