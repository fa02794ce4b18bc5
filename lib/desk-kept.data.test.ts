import { eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { openDatabase, serverUrlOf } from '@/db'
import { articles, sections, users } from '@/db/schema'
import { act, editStory, makeStory, openTestNewsroom } from '@/test/newsroom'
import { deskGenerations } from './desk-kept'
import { getDeskNews } from './desk-news'
import { countDeskQueues } from './desk-queues-counts'
import { listDeskQueue } from './desk-queues-list'
import { addNote } from './notes'

// The desk keeps its counts and news box between views until the database says the desk changed
// (lib/desk-kept.ts): every view after a write must show it, whoever wrote, wherever.

const { db, newsroom } = await openTestNewsroom()
const day = 24 * 60 * 60 * 1000

describe('the desk keeps its counts and news box only until something changes', () => {
  it('shows a story submitted for review in the counts of the very next view', async () => {
    const before = await countDeskQueues(db, newsroom.editor)
    expect(await countDeskQueues(db, newsroom.editor)).toEqual(before)
    const id = await makeStory(db, newsroom, { headline: 'Ferry strike' })
    await act(db, newsroom.writer, id, 'submit')
    expect(await countDeskQueues(db, newsroom.editor)).toMatchObject({ review: (before?.review ?? 0) + 1, all: (before?.all ?? 0) + 1 })
  })

  it('keeps each person their own counts', async () => {
    await makeStory(db, newsroom, { headline: 'A draft of the writer’s' })
    const writers = await countDeskQueues(db, newsroom.writer)
    const others = await countDeskQueues(db, newsroom.writer2)
    expect(writers?.drafts).toBeGreaterThan(0)
    expect(others?.drafts).toBe(0)
  })

  it('shows a new note in the news box of the very next view, and a renamed colleague by the new name', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Harbour night shift' })
    const before = await getDeskNews(db, newsroom.writer)
    expect(await getDeskNews(db, newsroom.writer)).toEqual(before)
    await addNote(db, newsroom.editor, id, { body: 'Who took the photo?' })
    const after = await getDeskNews(db, newsroom.writer)
    expect(after?.count).toBe((before?.count ?? 0) + 1)
    expect(after?.items[0]).toMatchObject({ kind: 'note', excerpt: 'Who took the photo?', actorName: 'Editor Person' })
    await db.update(users).set({ name: 'Edith Editor' }).where(eq(users.id, newsroom.editor.id))
    expect((await getDeskNews(db, newsroom.writer))?.items[0]).toMatchObject({ actorName: 'Edith Editor' })
  })

  it('shows a renamed section and a new open note in the list of the very next view', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Ferry timetable', sectionId: newsroom.otherSectionId })
    const line = async () => (await listDeskQueue(db, newsroom.writer, 'drafts'))?.items.find((item) => item.id === id)
    expect(await line()).toMatchObject({ sectionName: 'Business', openNotes: 0 })
    await db.update(sections).set({ name: 'Money' }).where(eq(sections.id, newsroom.otherSectionId))
    expect(await line()).toMatchObject({ sectionName: 'Money', openNotes: 0 })
    await addNote(db, newsroom.editor, id, { body: 'Add the winter times.' })
    expect(await line()).toMatchObject({ sectionName: 'Money', openNotes: 1 })
  })

  it('shows an embargo on the list only while it holds, with nothing written meanwhile', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Budget leak' })
    const lifts = new Date(Date.now() + 60 * 60 * 1000)
    await db.update(articles).set({ embargoUntil: lifts }).where(eq(articles.id, id))
    const line = async () => (await listDeskQueue(db, newsroom.writer, 'drafts'))?.items.find((item) => item.id === id)
    expect(await line()).toMatchObject({ embargoUntil: lifts })
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(lifts.getTime() + 1000)
      expect(await line()).toMatchObject({ embargoUntil: null })
    } finally {
      vi.useRealTimers()
    }
  })

  it('drops from a first look’s news box what has left its week, with nothing written meanwhile', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Tide tables', by: newsroom.writer2 })
    await addNote(db, newsroom.editor, id, { body: 'Check the tide times.' })
    const now = Date.now()
    expect((await getDeskNews(db, newsroom.writer2, { now: new Date(now) }))?.count).toBe(1)
    expect((await getDeskNews(db, newsroom.writer2, { now: new Date(now + 8 * day) }))?.count).toBe(0)
  })

  it('counts a transaction once per part, as it commits, however many rows it writes; a change of desk view is not counted', async () => {
    const before = await deskGenerations(db)
    await db.transaction(async (tx) => {
      await tx
        .update(articles)
        .set({ updatedAt: sql`now()` })
        .where(eq(articles.createdBy, newsroom.writer.id))
      await tx
        .update(articles)
        .set({ updatedAt: sql`now()` })
        .where(eq(articles.createdBy, newsroom.writer2.id))
    })
    const after = await deskGenerations(db)
    const counted = (part: string) => (after.get(part) ?? 0) - (before.get(part) ?? 0)
    expect([...after.keys()].map(counted).every((times) => times === 0 || times === 1)).toBe(true)
    expect([counted('list:draft'), counted(`news:${newsroom.writer.id}`), counted(`news:${newsroom.writer2.id}`)]).toEqual([1, 1, 1])
    // Only their time changed: the counts and people's names stay as they were.
    expect([counted('count'), counted('every')]).toEqual([0, 0])
    await db.update(users).set({ deskView: 'all' }).where(eq(users.id, newsroom.editor.id))
    expect(await deskGenerations(db)).toEqual(after)
  })
})

const serverUrl = serverUrlOf(db)
if (!serverUrl)
  console.log('lib/desk-kept.data.test.ts: two instances skipped on PGlite (one process, one client); they run with DATA_TEST_DRIVER=pg')

describe.skipIf(!serverUrl)('two instances on one PostgreSQL database', () => {
  const other = serverUrl ? openDatabase({ driver: 'pg', url: serverUrl }) : null
  afterAll(() => other?.close())

  it('shows on one instance, at its next view, a story submitted through the other', async () => {
    if (!other) throw new Error('No second instance.')
    const before = await countDeskQueues(db, newsroom.editor)
    expect(await countDeskQueues(db, newsroom.editor)).toEqual(before)
    const id = await makeStory(other.db, newsroom, { headline: 'Bridge closes' })
    await act(other.db, newsroom.writer, id, 'submit')
    expect(await countDeskQueues(db, newsroom.editor)).toMatchObject({ review: (before?.review ?? 0) + 1 })
  })

  it('shows on one instance, at its next view, a headline and a note changed through the other', async () => {
    if (!other) throw new Error('No second instance.')
    const id = await makeStory(db, newsroom, { headline: 'Pier lights' })
    await act(db, newsroom.writer, id, 'submit')
    const line = async () => (await listDeskQueue(db, newsroom.editor, 'review', { pageSize: 50 }))?.items.find((item) => item.id === id)
    expect(await line()).toMatchObject({ headline: 'Pier lights', openNotes: 0 })
    await editStory(other.db, newsroom.editor, id, { headline: 'Pier lights fail' }, { kind: 'autosave' })
    expect(await line()).toMatchObject({ headline: 'Pier lights fail', openNotes: 0 })
    const news = await getDeskNews(db, newsroom.writer)
    await addNote(other.db, newsroom.editor, id, { body: 'Since when?' })
    expect(await line()).toMatchObject({ openNotes: 1 })
    expect((await getDeskNews(db, newsroom.writer))?.count).toBe((news?.count ?? 0) + 1)
  })
})
