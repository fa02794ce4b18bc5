import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@/db'
import { act, editStory, makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { deskQuerySchema } from './desk-queues'
import { countDeskQueues } from './desk-queues-counts'
import { listDeskQueue } from './desk-queues-list'
import { addNote } from './notes'

// One newsroom for the whole file, built once: the lists are read, never changed, by the tests.
const { db, newsroom } = await openTestNewsroom()
const ids: Record<string, number> = {}

const hour = 60 * 60 * 1000
const base = new Date('2030-04-01T08:00:00Z')
const at = (hours: number) => new Date(base.getTime() + hours * hour)

beforeAll(async () => {
  const { writer, writer2, editor } = newsroom

  ids.draft = await makeStory(db, newsroom, { headline: 'Harbour draft', now: at(0) })
  ids.draft2 = await makeStory(db, newsroom, { by: writer2, headline: 'Another writer’s draft', now: at(0) })
  ids.bylined = await makeStory(db, newsroom, { by: writer2, headline: '100% growth in ferry_use', now: at(0) })
  await editStory(
    db,
    writer2,
    ids.bylined,
    { bylines: [{ userId: writer2.id }, { userId: writer.id }, { name: 'Rania Salem', outlet: 'Delta Weekly' }] },
    { now: at(1) },
  )

  ids.reviewLate = await makeStory(db, newsroom, { headline: 'Submitted second', now: at(0) })
  ids.reviewEarly = await makeStory(db, newsroom, {
    by: writer2,
    headline: 'Submitted first',
    sectionId: newsroom.otherSectionId,
    now: at(0),
  })
  await act(db, writer2, ids.reviewEarly, 'submit', { now: at(2) })
  await act(db, writer, ids.reviewLate, 'submit', { now: at(3) })

  ids.sentBack = await storyIn(db, newsroom, 'changes_requested', { headline: 'Sent back', now: at(4) })
  await addNote(db, editor, ids.sentBack, { body: 'A second open thread.' })

  ids.scheduledLate = await storyIn(db, newsroom, 'approved', { headline: 'Scheduled late', now: at(0) })
  ids.scheduledEarly = await storyIn(db, newsroom, 'approved', { headline: 'Scheduled early', now: at(0) })
  await act(db, editor, ids.scheduledLate, 'schedule', { scheduledAt: at(30), now: at(5) })
  await act(db, editor, ids.scheduledEarly, 'schedule', { scheduledAt: at(20), now: at(5) })

  ids.publishedOld = await storyIn(db, newsroom, 'published', { headline: 'Published old', now: at(6) })
  ids.publishedNew = await storyIn(db, newsroom, 'published', { headline: 'Published new', now: at(7) })
  ids.updateInReview = await storyIn(db, newsroom, 'published', { headline: 'Live, update in review', now: at(8) })
  await editStory(db, editor, ids.updateInReview, { standfirst: 'An update.' }, { now: at(9) })
  await act(db, editor, ids.updateInReview, 'submit', { now: at(10) })
  ids.unpublished = await storyIn(db, newsroom, 'unpublished', { headline: 'Taken down', now: at(11) })
})

async function list(...args: Parameters<typeof listDeskQueue> extends [Db, ...infer Rest] ? Rest : never) {
  const page = await listDeskQueue(db, ...args)
  if (!page) throw new Error('no page')
  return page
}

describe('the desk lists', () => {
  it('shows a writer their drafts: created or bylined, newest first', async () => {
    const page = await list(newsroom.writer, 'drafts')
    expect(page.items.map((item) => item.id)).toEqual([ids.bylined, ids.draft])
    expect(page.items[0]).toMatchObject({
      headline: '100% growth in ferry_use',
      status: 'draft',
      sectionName: 'World',
      createdBy: { id: newsroom.writer2.id, name: 'Writer2 Person' },
      bylines: ['Writer2 Person', 'Writer Person', 'Rania Salem / Delta Weekly'],
      isLive: false,
      openNotes: 0,
    })
  })

  it('puts the review queue oldest first, with the time each story was submitted, live updates included', async () => {
    const page = await list(newsroom.editor, 'review')
    expect(page.items.map((item) => [item.id, item.statusSince])).toEqual([
      [ids.reviewEarly, at(2)],
      [ids.reviewLate, at(3)],
      [ids.updateInReview, at(10)],
    ])
    expect(page.items[2]).toMatchObject({ isLive: true, hasUnpublishedChanges: true })
  })

  it('shows what was sent back to me, with its open notes', async () => {
    const mine = await list(newsroom.writer, 'sentBack')
    expect(mine.items).toEqual([expect.objectContaining({ id: ids.sentBack, status: 'changes_requested', openNotes: 2 })])
    expect((await list(newsroom.writer2, 'sentBack')).items).toEqual([])
  })

  it('lists scheduled stories by their time, and recently published ones newest first, live updates included', async () => {
    expect((await list(newsroom.editor, 'scheduled')).items.map((item) => [item.id, item.scheduledAt])).toEqual([
      [ids.scheduledEarly, at(20)],
      [ids.scheduledLate, at(30)],
    ])
    expect((await list(newsroom.editor, 'published')).items.map((item) => item.id)).toEqual([
      ids.updateInReview,
      ids.publishedNew,
      ids.publishedOld,
    ])
  })

  it('filters by section, author and status, and takes % and _ in a search as no wildcards', async () => {
    expect((await list(newsroom.editor, 'review', { sectionId: newsroom.otherSectionId })).items.map((item) => item.id)).toEqual([
      ids.reviewEarly,
    ])
    expect((await list(newsroom.editor, 'review', { authorId: newsroom.writer2.id })).items.map((item) => item.id)).toEqual([
      ids.reviewEarly,
    ])
    expect((await list(newsroom.editor, 'all', { status: 'unpublished' })).items.map((item) => item.id)).toEqual([ids.unpublished])
    expect((await list(newsroom.editor, 'all', { q: '100%' })).items.map((item) => item.id)).toEqual([ids.bylined])
    expect((await list(newsroom.editor, 'all', { q: 'FERRY_' })).items.map((item) => item.id)).toEqual([ids.bylined])
    // A % is no wildcard: as a LIKE pattern this would match "growth in ferry".
    expect((await list(newsroom.editor, 'all', { q: 'gro%ferry' })).total).toBe(0)
    // No letters or digits, no words: nothing found (as a LIKE pattern this would match every story).
    expect((await list(newsroom.editor, 'all', { q: '_' })).total).toBe(0)
  })

  it('searches headline, standfirst and body by their words, in any order and case', async () => {
    expect((await list(newsroom.editor, 'all', { q: 'FERRY growth' })).items.map((item) => item.id)).toEqual([ids.bylined])
    expect((await list(newsroom.editor, 'all', { q: 'draft harbour' })).items.map((item) => item.id)).toEqual([ids.draft])
    expect((await list(newsroom.editor, 'all', { q: 'harbour ferry' })).total).toBe(0)
  })

  it('finds the last word while it is still being typed, from its beginning, and no other word', async () => {
    const found = async (q: string) => (await list(newsroom.editor, 'all', { q })).items.map((item) => item.id)
    expect(await found('ferry gro')).toEqual([ids.bylined])
    expect(await found('HARBOUR dra')).toEqual([ids.draft])
    expect(await found('Submitted fir')).toEqual([ids.reviewEarly])
    // Only the last word: one before it is a whole word, and a word's middle is no beginning.
    expect(await found('gro ferry')).toEqual([])
    expect(await found('arbour')).toEqual([])
    // A word left out with "-" is a whole word, never a beginning: "-fir" leaves "first" in.
    expect(await found('submitted -first')).toEqual([ids.reviewLate])
    expect((await found('submitted -fir')).sort()).toEqual([ids.reviewLate, ids.reviewEarly].sort())
  })

  it('pages through a list with a total, never more than 50 to a page', async () => {
    const first = await list(newsroom.editor, 'all', { pageSize: 4 })
    const second = await list(newsroom.editor, 'all', { pageSize: 4, page: 2 })
    expect(first).toMatchObject({ total: 12, page: 1, pageSize: 4, pageCount: 3 })
    expect(first.items).toHaveLength(4)
    expect(second.items.map((item) => item.id)).not.toContain(first.items[0]?.id)
    expect(await list(newsroom.editor, 'all', { pageSize: 1000 })).toMatchObject({ pageSize: 50 })
    expect(deskQuerySchema.parse({ page: 'x', pageSize: '500', sectionId: 'abc', status: 'gone', q: 'port' })).toEqual({
      page: 1,
      pageSize: 20,
      q: 'port',
    })
  })

  it('counts every list for this person, with the same filters', async () => {
    // The writer may not read writer2's draft and submission: they are in nobody's count for the writer.
    expect(await countDeskQueues(db, newsroom.writer)).toEqual({
      drafts: 2,
      review: 2,
      sentBack: 1,
      scheduled: 2,
      published: 3,
      all: 10,
      trash: 0,
    })
    expect(await countDeskQueues(db, newsroom.writer2)).toEqual({
      drafts: 2,
      review: 2,
      sentBack: 0,
      scheduled: 0,
      published: 3,
      all: 6,
      trash: 0,
    })
    expect(await countDeskQueues(db, newsroom.editor)).toMatchObject({ review: 3, all: 12 })
    expect(await countDeskQueues(db, newsroom.editor, { q: 'submitted' })).toEqual({
      drafts: 0,
      review: 2,
      sentBack: 0,
      scheduled: 0,
      published: 0,
      all: 2,
      trash: 0,
    })
  })

  it('shows a writer only their own stories and published ones, in every list and search', async () => {
    const all = await list(newsroom.writer2, 'all', { pageSize: 50 })
    expect(all.items.map((item) => item.id).sort()).toEqual(
      [ids.draft2, ids.bylined, ids.reviewEarly, ids.publishedOld, ids.publishedNew, ids.updateInReview].sort(),
    )
    expect((await list(newsroom.writer2, 'review')).items.map((item) => item.id)).toEqual([ids.reviewEarly, ids.updateInReview])
    expect((await list(newsroom.writer2, 'scheduled')).items).toEqual([])
    expect((await list(newsroom.writer2, 'all', { q: 'Harbour draft' })).total).toBe(0)
    expect((await list(newsroom.writer, 'all', { q: 'Another writer' })).total).toBe(0)
    expect((await list(newsroom.writer, 'all', { status: 'unpublished' })).items.map((item) => item.id)).toEqual([ids.unpublished])
    expect((await list(newsroom.writer2, 'all', { status: 'unpublished' })).items).toEqual([])
  })
})
