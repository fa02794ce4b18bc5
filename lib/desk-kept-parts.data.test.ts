import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articles, articleStatus } from '@/db/schema'
import { act, editStory, makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { getDeskNews } from './desk-news'
import { queueStates } from './desk-queues-conditions'
import { countDeskQueues } from './desk-queues-counts'
import { listDeskQueue } from './desk-queues-list'
import { deskQueues } from './desk-queues'
import { addNote } from './notes'
import { moveToTrash } from './trash'

// The desk keeps each list, count and news box until a part of the desk it reads changes
// (lib/desk-kept.ts, migration 0028): a change to a story is seen at once by every value that
// shows that story, before or after, and leaves the others as they were (the same object, not read again).

const { db, newsroom } = await openTestNewsroom()
const { writer, writer2, editor } = newsroom

const lineOf = async (queue: (typeof deskQueues)[number], id: number, viewer = editor) =>
  (await listDeskQueue(db, viewer, queue, { pageSize: 50 }))?.items.find((item) => item.id === id)

describe('the desk reads again only what a change can touch', () => {
  it('lists each story only in lists whose states hold its own, whatever its state', async () => {
    for (const status of articleStatus.enumValues) {
      const id = await makeStory(db, newsroom, { headline: `A story ${status}` })
      const [row] = await db.select().from(articles).where(eq(articles.id, id))
      // Every state with a published revision, so that "Recently published" holds what it can.
      await db.update(articles).set({ status, publishedRevisionId: row?.currentRevisionId }).where(eq(articles.id, id))
    }
    const trashed = await makeStory(db, newsroom, { headline: 'A story in the trash' })
    await moveToTrash(db, writer, trashed)
    for (const viewer of [editor, writer])
      for (const queue of deskQueues) {
        const page = await listDeskQueue(db, viewer, queue, { pageSize: 50 })
        for (const item of page?.items ?? []) {
          const state = item.trashedAt ? 'trash' : item.status
          expect(queueStates(queue), `${queue} holds a story ${state}`).toContain(state)
        }
      }
  })

  it('shows a review story’s new headline in the review queue at once, and keeps the counts, drafts and other news', async () => {
    const id = await storyIn(db, newsroom, 'in_review', { headline: 'Ferry fares rise', by: writer2 })
    await makeStory(db, newsroom, { headline: 'A draft of the writer’s' })
    const counts = await countDeskQueues(db, editor)
    const drafts = await listDeskQueue(db, writer, 'drafts')
    const published = await listDeskQueue(db, editor, 'all', { status: 'published' })
    const writersNews = await getDeskNews(db, writer)
    const writer2sNews = await getDeskNews(db, writer2)
    expect((await lineOf('review', id))?.headline).toBe('Ferry fares rise')
    await editStory(db, editor, id, { headline: 'Ferry fares rise again' }, { kind: 'autosave' })
    expect((await lineOf('review', id))?.headline).toBe('Ferry fares rise again')
    expect((await lineOf('all', id))?.headline).toBe('Ferry fares rise again')
    expect(await countDeskQueues(db, editor)).toBe(counts)
    expect(await listDeskQueue(db, writer, 'drafts')).toBe(drafts)
    expect(await listDeskQueue(db, editor, 'all', { status: 'published' })).toBe(published)
    expect(await getDeskNews(db, writer)).toBe(writersNews)
    expect(await getDeskNews(db, writer2)).not.toBe(writer2sNews)
  })

  it('counts a searched word at once when a headline gains it', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Harbour cranes' })
    const before = await countDeskQueues(db, editor, { q: 'lighthouse' })
    await editStory(db, writer, id, { headline: 'Harbour lighthouse' }, { kind: 'autosave' })
    expect((await countDeskQueues(db, editor, { q: 'lighthouse' }))?.drafts).toBe(before?.drafts)
    expect((await countDeskQueues(db, editor, { q: 'lighthouse' }))?.all).toBe((before?.all ?? 0) + 1)
  })

  it('moves a submitted story from the writer’s drafts to the review queue, with both counts, at once', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Quay closes' })
    const counts = await countDeskQueues(db, writer)
    expect(await lineOf('drafts', id, writer)).toBeDefined()
    expect(await lineOf('review', id)).toBeUndefined()
    await act(db, writer, id, 'submit')
    expect(await lineOf('drafts', id, writer)).toBeUndefined()
    expect(await lineOf('review', id)).toBeDefined()
    expect(await countDeskQueues(db, writer)).toMatchObject({ drafts: (counts?.drafts ?? 0) - 1, review: (counts?.review ?? 0) + 1 })
  })

  it('counts a story moved to another section at once, when nothing else of it changes', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Ferry timetable' })
    const inOther = async () => (await countDeskQueues(db, editor, { sectionId: newsroom.otherSectionId }))?.all ?? 0
    const before = await inOther()
    await db.update(articles).set({ sectionId: newsroom.otherSectionId }).where(eq(articles.id, id))
    expect(await inOther()).toBe(before + 1)
  })

  it('counts a story at once when its owners or its published revision change, and nothing else of it', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Lock gates' })
    const before = await countDeskQueues(db, writer2)
    await db
      .update(articles)
      .set({ ownerIds: [writer.id, writer2.id] })
      .where(eq(articles.id, id))
    expect((await countDeskQueues(db, writer2))?.drafts).toBe((before?.drafts ?? 0) + 1)
    const [row] = await db.select().from(articles).where(eq(articles.id, id))
    await db.update(articles).set({ publishedRevisionId: row?.currentRevisionId }).where(eq(articles.id, id))
    expect((await countDeskQueues(db, writer2))?.published).toBe((before?.published ?? 0) + 1)
  })

  it('moves a story to the trash’s list and count at once, and out of its state’s', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Old timetable' })
    expect(await lineOf('trash', id, writer)).toBeUndefined()
    expect(await lineOf('drafts', id, writer)).toBeDefined()
    const counts = await countDeskQueues(db, writer)
    await moveToTrash(db, writer, id)
    expect(await lineOf('trash', id, writer)).toBeDefined()
    expect(await lineOf('drafts', id, writer)).toBeUndefined()
    expect(await countDeskQueues(db, writer)).toMatchObject({ drafts: (counts?.drafts ?? 0) - 1, trash: (counts?.trash ?? 0) + 1 })
  })

  it('shows a live story’s new headline in "Recently published" at once, while it is in review', async () => {
    const id = await storyIn(db, newsroom, 'published', { headline: 'Bridge opens' })
    await editStory(db, writer, id, { headline: 'Bridge opens today' })
    await act(db, writer, id, 'submit')
    expect((await lineOf('published', id))?.headline).toBe('Bridge opens today')
    await editStory(db, editor, id, { headline: 'Bridge opens at last' }, { kind: 'autosave' })
    expect((await lineOf('published', id))?.headline).toBe('Bridge opens at last')
  })

  it('shows a story’s new headline in its owner’s news box at once, with the same changes', async () => {
    const id = await storyIn(db, newsroom, 'changes_requested', { headline: 'Pier repairs', by: writer2 })
    const before = await getDeskNews(db, writer2)
    expect(before?.items.filter((item) => item.articleId === id).map((item) => item.headline)).toContain('Pier repairs')
    await editStory(db, editor, id, { headline: 'Pier repairs delayed' }, { kind: 'autosave' })
    const after = await getDeskNews(db, writer2)
    expect(after?.count).toBe(before?.count)
    expect(after?.items.map((item) => ({ ...item, headline: item.articleId === id ? 'Pier repairs' : item.headline }))).toEqual(
      before?.items,
    )
    expect(after?.items.filter((item) => item.articleId === id).map((item) => item.headline)).toEqual(
      before?.items.filter((item) => item.articleId === id).map(() => 'Pier repairs delayed'),
    )
    await addNote(db, editor, id, { body: 'Any date yet?' })
    expect((await getDeskNews(db, writer2))?.count).toBe((before?.count ?? 0) + 1)
  })

  it('tells only the story’s owners of a note on it', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Tram works', by: writer2 })
    const writersNews = await getDeskNews(db, writer)
    const before = await getDeskNews(db, writer2)
    await addNote(db, editor, id, { body: 'Which streets?' })
    expect(await getDeskNews(db, writer)).toBe(writersNews)
    expect((await getDeskNews(db, writer2))?.count).toBe((before?.count ?? 0) + 1)
  })
})
