import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articleAuthors, articleTags, tags, workflowEvents } from '@/db/schema'
import { act, articleRow, disabledPerson, disabledRefusal, docOf, makeStory, openTestNewsroom, revisionRows } from '@/test/newsroom'
import { formInput, saveForm } from '@/test/story-form-input'
import { autosaveWindowMs, saveArticle } from './article-drafts'
import { createArticle } from './article-create'

// Creating a story and saving it: revisions, autosaves, conflicts, slugs. Who may edit which story,
// and a published story's next version, are in lib/article-editing.data.test.ts.

const { db, newsroom } = await openTestNewsroom()

const minute = 60 * 1000
const start = new Date('2030-03-01T09:00:00Z')
const later = (minutes: number) => new Date(start.getTime() + minutes * minute)

describe('creating a story', () => {
  it('makes a draft with revision 1, the creator as byline and a history that starts at draft', async () => {
    const id = await makeStory(db, newsroom, { by: newsroom.writer, headline: 'Rail strike called off', now: start })
    const article = await articleRow(db, id)
    const [revision] = await revisionRows(db, id)
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
    const first = await makeStory(db, newsroom, { by: newsroom.writer, headline: 'Ferry timetable changes', now: start })
    const second = await makeStory(db, newsroom, { by: newsroom.writer2, headline: 'Ferry timetable changes', now: start })
    expect((await articleRow(db, first)).slug).toBe('ferry-timetable-changes')
    expect((await articleRow(db, second)).slug).toBe('ferry-timetable-changes-2')
  })

  it('refuses a headline of more than 300 characters', async () => {
    const result = await createArticle(db, newsroom.writer, { headline: 'x'.repeat(301), sectionId: newsroom.sectionId })
    expect(result).toEqual({ ok: false, reason: 'invalid', message: 'Keep the headline under 300 characters.' })
  })

  it('refuses a person whose account was disabled since signing in, creating nothing', async () => {
    const gone = await disabledPerson(db, 'editor')
    expect(await createArticle(db, gone, { headline: 'Too late', sectionId: newsroom.sectionId })).toEqual(disabledRefusal)
    expect(await db.select().from(workflowEvents).where(eq(workflowEvents.actorId, gone.id))).toEqual([])
  })
})

describe('saving a story', () => {
  it('makes a new revision on each save, bumps the version and mirrors routing and credits of a draft', async () => {
    const id = await makeStory(db, newsroom, { now: start })
    const result = await saveForm(
      db,
      newsroom,
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
    const article = await articleRow(db, id)
    const [, second] = await revisionRows(db, id)
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
    const id = await makeStory(db, newsroom, { now: start })
    const first = await saveForm(db, newsroom, id, newsroom.writer, { body: docOf('One.') }, 'autosave', later(0))
    const second = await saveForm(db, newsroom, id, newsroom.writer, { body: docOf('One. Two.') }, 'autosave', later(4))
    expect(first).toMatchObject({ ok: true, revisionNumber: 2, coalesced: false })
    expect(second).toMatchObject({ ok: true, revisionNumber: 2, coalesced: true, version: 3 })
    const rows = await revisionRows(db, id)
    expect(rows).toHaveLength(2)
    expect(rows[1]).toMatchObject({ kind: 'autosave', bodyText: 'One. Two.', createdAt: later(0), updatedAt: later(4) })
  })

  it('starts a new revision for an autosave five minutes after the revision began', async () => {
    const id = await makeStory(db, newsroom, { now: start })
    await saveForm(db, newsroom, id, newsroom.writer, { body: docOf('One.') }, 'autosave', later(0))
    await saveForm(db, newsroom, id, newsroom.writer, { body: docOf('One. Two.') }, 'autosave', later(4))
    const result = await saveForm(
      db,
      newsroom,
      id,
      newsroom.writer,
      { body: docOf('One. Two. Three.') },
      'autosave',
      new Date(later(0).getTime() + autosaveWindowMs),
    )
    expect(result).toMatchObject({ ok: true, revisionNumber: 3, coalesced: false })
  })

  it('starts a new revision when someone else autosaves', async () => {
    const id = await makeStory(db, newsroom, { now: start })
    await saveForm(db, newsroom, id, newsroom.writer, { body: docOf('Writer’s text.') }, 'autosave', later(0))
    const result = await saveForm(db, newsroom, id, newsroom.editor, { body: docOf('Editor’s text.') }, 'autosave', later(1))
    expect(result).toMatchObject({ ok: true, revisionNumber: 3, coalesced: false })
    expect((await revisionRows(db, id)).map((row) => row.bodyText)).toEqual(['', 'Writer’s text.', 'Editor’s text.'])
  })

  it('always makes a new revision on an explicit save, even right after an autosave', async () => {
    const id = await makeStory(db, newsroom, { now: start })
    await saveForm(db, newsroom, id, newsroom.writer, { body: docOf('Draft.') }, 'autosave', later(0))
    const saved = await saveForm(db, newsroom, id, newsroom.writer, { body: docOf('Draft, saved.') }, 'save', later(1))
    const next = await saveForm(db, newsroom, id, newsroom.writer, { body: docOf('Draft, saved, then typed on.') }, 'autosave', later(2))
    expect(saved).toMatchObject({ ok: true, revisionNumber: 3, coalesced: false })
    expect(next).toMatchObject({ ok: true, revisionNumber: 4, coalesced: false })
    expect((await revisionRows(db, id)).map((row) => row.kind)).toEqual(['save', 'autosave', 'save', 'autosave'])
  })

  it('never coalesces into a revision the workflow history names', async () => {
    const id = await makeStory(db, newsroom, { now: start })
    await saveForm(db, newsroom, id, newsroom.writer, { body: docOf('Submitted text.') }, 'autosave', later(0))
    // Submitted and withdrawn: both audit events name the autosave the writer goes on typing into.
    await act(db, newsroom.writer, id, 'submit', { now: later(0) })
    await act(db, newsroom.writer, id, 'withdraw', { now: later(0) })
    const result = await saveForm(db, newsroom, id, newsroom.writer, { body: docOf('Submitted text, changed.') }, 'autosave', later(1))
    expect(result).toMatchObject({ ok: true, revisionNumber: 3, coalesced: false })
  })

  it('refuses a stale version, writes nothing, and returns the version that is there now', async () => {
    const id = await makeStory(db, newsroom, { now: start })
    const editorSave = await saveForm(db, newsroom, id, newsroom.editor, { headline: 'Harbour reopens, editor’s cut' }, 'save', later(1))
    expect(editorSave.ok).toBe(true)
    const before = await revisionRows(db, id)
    const result = await saveArticle(db, newsroom.writer, id, formInput(newsroom, { headline: 'Writer’s headline' }), {
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
    expect(await revisionRows(db, id)).toEqual(before)
    expect((await articleRow(db, id)).version).toBe(2)
  })

  it('accepts a repeat of the same person’s last save (a retry whose answer was lost) without writing', async () => {
    const id = await makeStory(db, newsroom, { now: start })
    const fields = { headline: 'Harbour reopens', body: docOf('Sent twice.') }
    const first = await saveArticle(db, newsroom.writer, id, formInput(newsroom, fields), {
      baseVersion: 1,
      kind: 'autosave',
      now: later(1),
    })
    const retry = await saveArticle(db, newsroom.writer, id, formInput(newsroom, fields), {
      baseVersion: 1,
      kind: 'autosave',
      now: later(2),
    })
    expect(first).toMatchObject({ ok: true, version: 2, revisionNumber: 2 })
    expect(retry).toMatchObject({ ok: true, version: 2, revisionNumber: 2 })
    expect(await revisionRows(db, id)).toHaveLength(2)
    const changed = await saveArticle(db, newsroom.writer, id, formInput(newsroom, { ...fields, body: docOf('Changed meanwhile.') }), {
      baseVersion: 1,
      kind: 'autosave',
      now: later(3),
    })
    expect(changed).toMatchObject({ ok: false, reason: 'conflict', message: expect.stringContaining('You saved a newer version') })
  })

  it('refuses a body that is not a document, writing nothing', async () => {
    const id = await makeStory(db, newsroom, { now: start })
    const result = await saveForm(db, newsroom, id, newsroom.writer, { body: '<p>Not a document</p>' }, 'save', later(1))
    expect(result).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await revisionRows(db, id)).toHaveLength(1)
  })

  it('refuses a slug another story in the section uses, and suggests a free one', async () => {
    await makeStory(db, newsroom, { by: newsroom.writer, headline: 'Port strike', now: start })
    const id = await makeStory(db, newsroom, { by: newsroom.writer, headline: 'Another story', now: start })
    const result = await saveForm(db, newsroom, id, newsroom.writer, { slug: 'port-strike' }, 'save', later(1))
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'The slug “port-strike” is already used in this section (by another story or a sub-section). Try “port-strike-2”.',
      field: 'slug',
    })
    expect(await revisionRows(db, id)).toHaveLength(1)
    expect(
      await saveForm(db, newsroom, id, newsroom.writer, { slug: 'port-strike', sectionId: newsroom.otherSectionId }, 'save', later(2)),
    ).toMatchObject({
      ok: true,
    })
  })

  it('moves a slug made from the headline aside instead of refusing it', async () => {
    await makeStory(db, newsroom, { by: newsroom.writer, headline: 'Council budget', now: start })
    const id = await makeStory(db, newsroom, { by: newsroom.writer, headline: 'Untitled yet', now: start })
    const result = await saveForm(db, newsroom, id, newsroom.writer, { headline: 'Council budget', slug: '' }, 'autosave', later(1))
    expect(result).toMatchObject({ ok: true, slug: 'council-budget-2' })
    const again = await saveForm(db, newsroom, id, newsroom.writer, { headline: 'Council budget', slug: '' }, 'autosave', later(2))
    expect(again).toMatchObject({ ok: true, slug: 'council-budget-2' })
  })

  it('refuses an image, section or staff byline that does not exist', async () => {
    const id = await makeStory(db, newsroom, { now: start })
    const refused = (words: string) => ({ ok: false, reason: 'invalid', message: expect.stringContaining(words) })
    expect(await saveForm(db, newsroom, id, newsroom.writer, { leadMediaId: 999_999 }, 'save', later(1))).toMatchObject(
      refused('lead image'),
    )
    expect(await saveForm(db, newsroom, id, newsroom.writer, { sectionId: 999_999 }, 'save', later(1))).toMatchObject(refused('section'))
    expect(await saveForm(db, newsroom, id, newsroom.writer, { bylines: [{ userId: 999_999 }] }, 'save', later(1))).toMatchObject(
      refused('byline'),
    )
    expect(await revisionRows(db, id)).toHaveLength(1)
  })

  it('answers "missing" for a story that does not exist', async () => {
    const result = await saveArticle(db, newsroom.editor, 999_999, formInput(newsroom), { baseVersion: 1, kind: 'save' })
    expect(result).toEqual({ ok: false, reason: 'missing', message: 'This story no longer exists; it may have been deleted.' })
  })
})

describe('a long story', () => {
  it('autosaves a 20,000-word body (the time is logged, not asserted)', async () => {
    const id = await makeStory(db, newsroom, { by: newsroom.writer, headline: 'A very long read', now: start })
    const paragraph = 'The harbour master counted every boat that came in before dawn and wrote the names down. '
    const words = paragraph.trim().split(/\s+/).length
    const body = docOf(...Array.from({ length: Math.ceil(20_000 / words) }, (_, index) => `${index}: ${paragraph}`))
    const fields = formInput(newsroom, { body })
    // Warm up the code paths once, then measure autosaves as the editor sends them.
    await saveArticle(db, newsroom.writer, id, fields, { baseVersion: 1, kind: 'autosave', now: later(0) })
    const timings: number[] = []
    for (let round = 0; round < 10; round++) {
      const { version } = await articleRow(db, id)
      const started = performance.now()
      const result = await saveArticle(db, newsroom.writer, id, fields, { baseVersion: version, kind: 'autosave', now: later(round + 1) })
      timings.push(performance.now() - started)
      expect(result.ok).toBe(true)
    }
    const [row] = (await revisionRows(db, id)).slice(-1)
    expect(row?.wordCount).toBeGreaterThanOrEqual(20_000)
    const sorted = timings.toSorted((a, b) => a - b)
    const median = ((sorted[4] ?? 0) + (sorted[5] ?? 0)) / 2
    console.info(
      `20,000-word autosave on ${process.env.DATA_TEST_DRIVER ?? 'pglite'}: median ${median.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
    )
  })
})
