import { afterAll, describe, expect, it, vi } from 'vitest'
import { createTestDatabase } from '@/db/testing'
import { act, makeNewsroom, makeStory } from '@/test/newsroom'
import { getDeskNews } from './desk-news'
import { countDeskQueues } from './desk-queues-counts'
import { listDeskQueue } from './desk-queues-list'

// A desk page view reads the news box, the counts and a list, each kept until the desk changes
// (lib/desk-kept.ts): the database's count of changes is asked once per request between them, not
// once each. A request is where React's `cache` keeps what a function returned (one per server
// request in Next): here, a map the test empties for each new view.

const request = vi.hoisted(() => ({ kept: new Map<unknown, Map<unknown, unknown>>() }))
vi.mock('react', async (original) => ({
  ...(await original<typeof import('react')>()),
  cache:
    <Args extends unknown[], Value>(fn: (...args: Args) => Value) =>
    (...args: Args): Value => {
      const kept = request.kept.get(fn) ?? new Map<unknown, unknown>()
      request.kept.set(fn, kept)
      if (!kept.has(args[0])) kept.set(args[0], fn(...args))
      return kept.get(args[0]) as Value
    },
}))

const asked: string[] = []
const database = await createTestDatabase({ logQuery: (text) => asked.push(text) })
afterAll(() => database.close())
const { db } = database
const newsroom = await makeNewsroom(db)

/** One page view of the desk, as app/desk/layout.tsx and page.tsx read it, in a request of its own. */
async function view() {
  request.kept.clear()
  asked.length = 0
  const [news, counts] = await Promise.all([getDeskNews(db, newsroom.editor), countDeskQueues(db, newsroom.editor)])
  const list = await listDeskQueue(db, newsroom.editor, 'review', {}, counts?.review)
  return { news, counts, list, generationReads: asked.filter((text) => text.includes('desk_changes')).length }
}

describe('the desk asks whether it changed once per page view', () => {
  it('asks once for the news box, the counts and the list of one view, and again in the next view', async () => {
    expect((await view()).generationReads).toBe(1)
    expect((await view()).generationReads).toBe(1)
  })

  it('shows in the next view what was written after the last one', async () => {
    const before = await view()
    const id = await makeStory(db, newsroom, { headline: 'Pier repairs' })
    await act(db, newsroom.writer, id, 'submit')
    const after = await view()
    expect(after.counts?.review).toBe((before.counts?.review ?? 0) + 1)
    expect(after.list?.items.map((item) => item.id)).toContain(id)
    expect(after.generationReads).toBe(1)
  })
})
