import { and, asc, eq, inArray } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import type { Db } from '@/db'
import { users, workflowEvents } from '@/db/schema'
import { act, articleRow, openTestNewsroom, storyIn } from '@/test/newsroom'
import type { Actor } from './permissions'
import { publishDue, scheduledPublicationNote, startScheduler } from './scheduler'

const { db, newsroom } = await openTestNewsroom()

const quiet = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }

/** An approved story scheduled by `editor` for `at`, the schedule made an hour before. */
async function scheduledFor(at: Date, editor: Actor = newsroom.editor): Promise<number> {
  const before = new Date(at.getTime() - 60 * 60 * 1000)
  const id = await storyIn(db, newsroom, 'approved', { now: before, headline: `Due at ${at.toISOString()}` })
  await act(db, editor, id, 'schedule', { scheduledAt: at, now: before })
  return id
}

async function publishEvents(articleIds: number[]) {
  return db
    .select()
    .from(workflowEvents)
    .where(and(inArray(workflowEvents.articleId, articleIds), eq(workflowEvents.toStatus, 'published')))
    .orderBy(asc(workflowEvents.id))
}

describe('publishing scheduled stories', () => {
  it('does not publish a story scheduled for 10:00 at 09:59, and publishes it at 10:00 as the editor who scheduled it', async () => {
    const ten = new Date('2030-05-01T10:00:00Z')
    const id = await scheduledFor(ten, newsroom.admin)

    expect(await publishDue(db, new Date('2030-05-01T09:59:59.999Z'), { log: quiet })).toBe(0)
    expect(await articleRow(db, id)).toMatchObject({ status: 'scheduled', scheduledAt: ten })

    const published: number[] = []
    expect(await publishDue(db, ten, { log: quiet, onPublished: (article) => void published.push(article.id) })).toBe(1)
    expect(published).toEqual([id])
    const article = await articleRow(db, id)
    expect(article).toMatchObject({ status: 'published', scheduledAt: null, firstPublishedAt: ten, publishedAt: ten })
    expect(article.publishedRevisionId).toBe(article.currentRevisionId)
    expect(await publishEvents([id])).toMatchObject([
      { fromStatus: 'scheduled', toStatus: 'published', actorId: newsroom.admin.id, note: scheduledPublicationNote, createdAt: ten },
    ])
  })

  it('catches up on every story whose time passed while the app was down, oldest first', async () => {
    const ids = [
      await scheduledFor(new Date('2030-06-01T06:00:00Z')),
      await scheduledFor(new Date('2030-06-01T07:30:00Z')),
      await scheduledFor(new Date('2030-06-01T09:00:00Z')),
    ]
    const notYet = await scheduledFor(new Date('2030-06-01T12:00:00Z'))
    expect(await publishDue(db, new Date('2030-06-01T11:00:00Z'), { log: quiet })).toBe(3)
    expect((await publishEvents(ids)).map((event) => event.articleId)).toEqual(ids)
    expect(await articleRow(db, notYet)).toMatchObject({ status: 'scheduled' })
    expect(await publishDue(db, new Date('2030-06-01T12:00:00Z'), { log: quiet })).toBe(1)
  })

  it('publishes each story once when two instances look at the same moment', async () => {
    const due = new Date('2030-07-01T08:00:00Z')
    const ids: number[] = []
    for (let n = 0; n < 6; n++) ids.push(await scheduledFor(due))
    const counts = await Promise.all([publishDue(db, due, { log: quiet }), publishDue(db, due, { log: quiet })])
    expect(counts[0] + counts[1]).toBe(6)
    const events = await publishEvents(ids)
    expect(events).toHaveLength(6)
    expect(new Set(events.map((event) => event.articleId)).size).toBe(6)
  })

  it('sends a story back to approved, saying why, when the editor who scheduled it may no longer publish', async () => {
    const [person] = await db
      .insert(users)
      .values({ email: 'leaving@example.test', name: 'Leaving Editor', slug: 'leaving', role: 'editor', passwordHash: 'x' })
      .returning({ id: users.id })
    if (!person) throw new Error('no person')
    const due = new Date('2030-08-01T08:00:00Z')
    const id = await scheduledFor(due, { id: person.id, role: 'editor' })
    await db.update(users).set({ isDisabled: true }).where(eq(users.id, person.id))

    expect(await publishDue(db, due, { log: quiet })).toBe(0)
    expect(await articleRow(db, id)).toMatchObject({ status: 'approved', scheduledAt: null, publishedRevisionId: null })
    const [last] = (await db.select().from(workflowEvents).where(eq(workflowEvents.articleId, id)).orderBy(asc(workflowEvents.id))).slice(
      -1,
    )
    expect(last).toMatchObject({ fromStatus: 'scheduled', toStatus: 'approved', actorId: null })
    expect(last?.note).toMatch(
      /^Not published at its scheduled time: Leaving Editor scheduled it, but: .*disabled.*Publish or schedule it again\.$/,
    )
    expect(quiet.warn).toHaveBeenCalled()
  })
})

describe('the scheduler', () => {
  it('catches up at start, then publishes on its own when the clock reaches the time', async () => {
    const overdue = await scheduledFor(new Date('2030-09-01T07:00:00Z'))
    const later = await scheduledFor(new Date('2030-09-01T10:00:00Z'))
    let clock = new Date('2030-09-01T09:00:00Z')
    const stop = startScheduler(db, { intervalMs: 10, now: () => clock, log: quiet })
    try {
      await vi.waitFor(async () => expect(await articleRow(db, overdue)).toMatchObject({ status: 'published' }), { timeout: 5000 })
      expect(await articleRow(db, later)).toMatchObject({ status: 'scheduled' })
      clock = new Date('2030-09-01T10:00:00Z')
      await vi.waitFor(async () => expect(await articleRow(db, later)).toMatchObject({ status: 'published' }), { timeout: 5000 })
    } finally {
      await stop()
    }
  })

  it('logs a failed run and keeps going, without overlapping itself', async () => {
    let calls = 0
    let active = 0
    let overlapped = false
    // Each query fails a moment after it is awaited: publishing's (`.limit()`) and the trash's (awaited as it is).
    const failure = () => {
      active++
      overlapped ||= active > 1
      return new Promise((_, reject) =>
        setTimeout(() => {
          active--
          reject(new Error('database down'))
        }, 15),
      )
    }
    const failing = {
      select: () => {
        calls++
        return {
          from: () => ({
            where: () => ({
              limit: failure,
              then: (resolve: (value: unknown) => void, reject: (error: unknown) => void) => failure().then(resolve, reject),
            }),
          }),
        }
      },
    } as unknown as Db
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
    const stop = startScheduler(failing, { intervalMs: 1, log })
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(3), { timeout: 5000 })
    await stop()
    expect(overlapped).toBe(false)
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('failed'), expect.objectContaining({ message: 'database down' }))
    const after = calls
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(calls).toBe(after)
  })
})
