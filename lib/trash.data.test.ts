import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articleTags, articles, auditEvents, notes, revisions, workflowEvents } from '@/db/schema'
import {
  act,
  articleRow,
  disabledPerson,
  disabledRefusal,
  editStory,
  openTestNewsroom,
  revisionRows,
  storyIn,
  tryAct,
  withOwnNewsroom,
} from '@/test/newsroom'
import { formInput } from '@/test/story-form-input'
import { saveArticle } from './article-drafts'
import { getArticleForEditing } from './editable-article'
import { countDeskQueues } from './desk-queues-counts'
import { listDeskQueue } from './desk-queues-list'
import { addNote, listNotes } from './notes'
import { findStoryAt } from './public-articles'
import { writeSetting } from './settings'
import { getArticleHistory } from './timeline'
import { getTrashState, moveToTrash, purgeExpiredTrash, restoreFromTrash } from './trash'

const { db, newsroom } = await openTestNewsroom()
const { writer, writer2, editor, admin } = newsroom

const day = 24 * 60 * 60 * 1000
const start = new Date('2031-01-10T09:00:00Z')
const daysLater = (days: number) => new Date(start.getTime() + days * day)

describe('moving a story to the trash', () => {
  it('lets whoever may edit the story put it in the trash, and nobody else', async () => {
    const mine = await storyIn(db, newsroom, 'draft', { headline: 'Trash: a writer’s own draft' })
    expect(await moveToTrash(db, writer2, mine)).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: 'Only the story’s writers and the editors can change this story.',
    })
    expect(await moveToTrash(db, await disabledPerson(db, 'editor'), mine)).toEqual(disabledRefusal)
    expect((await articleRow(db, mine)).trashedAt).toBeNull()
    expect(await moveToTrash(db, writer, mine)).toEqual({ ok: true, headline: 'Trash: a writer’s own draft' })
    expect(await articleRow(db, mine)).toMatchObject({ trashedAt: expect.any(Date), trashedBy: writer.id })

    // In review, only the editors may change it, so only they may put it in the trash.
    const inReview = await storyIn(db, newsroom, 'in_review', { headline: 'Trash: in review' })
    expect(await moveToTrash(db, writer, inReview)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await moveToTrash(db, editor, inReview)).toMatchObject({ ok: true })
    expect(await moveToTrash(db, editor, inReview)).toMatchObject({ ok: false, message: 'This story is already in the trash.' })
    expect(await moveToTrash(db, editor, 999_999)).toMatchObject({ ok: false, reason: 'missing' })
  })

  it('refuses a live or scheduled story, and takes one that was unpublished', async () => {
    const live = await storyIn(db, newsroom, 'published', { headline: 'Trash: live' })
    expect(await moveToTrash(db, admin, live)).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining('unpublish it first'),
    })
    // An update in draft of a live story is still live.
    await editStory(db, writer, live, { standfirst: 'An update.' })
    expect(await moveToTrash(db, editor, live)).toMatchObject({ ok: false, message: expect.stringContaining('unpublish it first') })
    const scheduled = await storyIn(db, newsroom, 'scheduled', { headline: 'Trash: scheduled' })
    expect(await moveToTrash(db, editor, scheduled)).toMatchObject({ ok: false, message: expect.stringContaining('unschedule it first') })
    expect((await articleRow(db, live)).trashedAt).toBeNull()
    expect((await articleRow(db, scheduled)).trashedAt).toBeNull()

    const unpublished = await storyIn(db, newsroom, 'unpublished', { headline: 'Trash: taken down' })
    expect(await moveToTrash(db, writer, unpublished)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await moveToTrash(db, editor, unpublished)).toMatchObject({ ok: true })
    // Readers still get "gone" at its address.
    const { slug } = await articleRow(db, unpublished)
    expect(await findStoryAt(db, ['world', slug])).toEqual({ kind: 'gone' })
  })

  it('takes the story off every desk list but the trash’s', async () => {
    const id = await storyIn(db, newsroom, 'draft', { headline: 'Trash: off the lists' })
    const ids = async (queue: Parameters<typeof listDeskQueue>[2], who = writer) =>
      (await listDeskQueue(db, who, queue, { pageSize: 50 }))?.items.map((item) => item.id)
    expect(await ids('drafts')).toContain(id)
    const before = await countDeskQueues(db, writer)
    await moveToTrash(db, writer, id)
    for (const queue of ['drafts', 'review', 'sentBack', 'scheduled', 'published', 'all'] as const) {
      expect(await ids(queue, editor)).not.toContain(id)
    }
    expect(await ids('trash')).toContain(id)
    expect(await ids('trash', editor)).toContain(id)
    // Another writer may not read the draft, so it is not in their trash either.
    expect(await ids('trash', writer2)).not.toContain(id)
    const after = await countDeskQueues(db, writer)
    expect(after).toMatchObject({ drafts: (before?.drafts ?? 0) - 1, all: (before?.all ?? 0) - 1, trash: (before?.trash ?? 0) + 1 })
  })

  it('refuses saves and workflow actions until the story is restored, and its page says why', async () => {
    const id = await storyIn(db, newsroom, 'draft', { headline: 'Trash: locked' })
    await moveToTrash(db, writer, id)
    const { version } = await articleRow(db, id)
    const saved = await saveArticle(db, writer, id, formInput(newsroom, { headline: 'Trash: changed' }), {
      baseVersion: version,
      kind: 'save',
    })
    expect(saved).toMatchObject({ ok: false, reason: 'forbidden', message: expect.stringContaining('in the trash') })
    expect(await tryAct(db, writer, id, 'submit')).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining('in the trash'),
    })
    expect(await tryAct(db, editor, id, 'submit')).toMatchObject({ ok: false, message: expect.stringContaining('in the trash') })
    expect(await revisionRows(db, id)).toHaveLength(1)
    expect((await articleRow(db, id)).status).toBe('draft')
    const opened = await getArticleForEditing(db, editor, id)
    expect(opened).toMatchObject({ canEdit: false, editBlockedReason: expect.stringContaining('in the trash') })
  })
})

describe('restoring a story from the trash', () => {
  it('is restored only by who may edit it, with its revisions, notes and history', async () => {
    const id = await storyIn(db, newsroom, 'draft', { headline: 'Trash: restored whole' })
    await editStory(db, writer, id, { standfirst: 'A second revision.' })
    await addNote(db, editor, id, { body: 'Check the quote.' })
    await moveToTrash(db, writer, id, { now: daysLater(0) })
    expect(await restoreFromTrash(db, writer2, id)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await restoreFromTrash(db, await disabledPerson(db, 'writer'), id)).toEqual(disabledRefusal)

    expect(await restoreFromTrash(db, writer, id, { now: daysLater(1) })).toMatchObject({ ok: true })
    expect(await articleRow(db, id)).toMatchObject({ trashedAt: null, trashedBy: null, status: 'draft' })
    expect(await revisionRows(db, id)).toHaveLength(2)
    expect((await listNotes(db, id))?.map((thread) => thread.body)).toEqual(['Check the quote.'])
    expect(await restoreFromTrash(db, writer, id)).toMatchObject({ ok: false, message: 'This story is not in the trash.' })
    // The history says who moved it, both ways; the story can be worked on again.
    const history = await getArticleHistory(db, id)
    const moves = history?.timeline.flatMap((entry) => (entry.kind === 'trash' ? [[entry.trash.move, entry.trash.actorName]] : []))
    expect(moves).toEqual([
      ['restore', 'Writer Person'],
      ['trash', 'Writer Person'],
    ])
    await act(db, writer, id, 'submit')
  })

  it('says on the story’s page since when it is there, by whom, and when it goes for good', async () => {
    const id = await storyIn(db, newsroom, 'draft', { headline: 'Trash: its notice' })
    expect(await getTrashState(db, id)).toBeNull()
    await moveToTrash(db, writer, id, { now: daysLater(0) })
    expect(await getTrashState(db, id)).toEqual({ trashedAt: daysLater(0), trashedBy: 'Writer Person', purgeAt: daysLater(30) })
  })
})

describe('emptying the trash', () => {
  it('deletes for good, with all that is theirs, the stories kept longer than the newsroom’s retention', async () => {
    // A newsroom of its own: what other tests put in the trash is not counted here.
    await withOwnNewsroom(async ({ db, newsroom }) => {
      const { writer, editor, admin } = newsroom
      const old = await storyIn(db, newsroom, 'changes_requested', { headline: 'Trash: purged', now: daysLater(-1) })
      await editStory(db, writer, old, { tags: ['Harbour'] }, { now: daysLater(-1) })
      const recent = await storyIn(db, newsroom, 'draft', { headline: 'Trash: kept', now: daysLater(-1) })
      await moveToTrash(db, editor, old, { now: daysLater(0) })
      await moveToTrash(db, writer, recent, { now: daysLater(5) })

      expect(await purgeExpiredTrash(db, daysLater(29))).toBe(0)
      expect(await purgeExpiredTrash(db, daysLater(30))).toBe(1)
      expect(await db.select().from(articles).where(eq(articles.id, old))).toEqual([])
      for (const table of [revisions, notes, workflowEvents, articleTags]) {
        expect(await db.select().from(table).where(eq(table.articleId, old))).toEqual([])
      }
      expect((await articleRow(db, recent)).trashedAt).toEqual(daysLater(5))
      const logged = await db.select().from(auditEvents).where(eq(auditEvents.action, 'story.purge'))
      expect(logged.map((entry) => entry.detail)).toEqual([{ story: old, headline: 'Trash: purged' }])

      // A shorter retention, set by an admin, counts at once.
      expect(await writeSetting(db, admin, 'trashRetentionDays', '3')).toEqual({ ok: true, value: '3' })
      expect(await purgeExpiredTrash(db, daysLater(8))).toBe(1)
      expect(await db.select().from(articles).where(eq(articles.id, recent))).toEqual([])
    })
  })
})
