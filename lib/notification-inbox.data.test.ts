import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { notificationPreferences, notifications } from '@/db/schema'
import { act, openTestNewsroom, storyIn } from '@/test/newsroom'
import { listNotifications, markRead, readPreferences, savePreferences, unreadCount } from './notification-inbox'

const { db, newsroom } = await openTestNewsroom()
const { writer, writer2, editor } = newsroom

describe('the notifications page', () => {
  it('lists a person’s own notifications, newest first, and marks one or all read, never someone else’s', async () => {
    const id = await storyIn(db, newsroom, 'in_review', { headline: 'Tram line opens' })
    await act(db, editor, id, 'requestChanges', { note: 'Add the fares.' })
    await act(db, writer, id, 'submit')
    const mine = await listNotifications(db, editor)
    expect(mine.slice(0, 2).map((item) => item.line)).toEqual([
      'Writer Person submitted “Tram line opens” for review.',
      'Writer Person submitted “Tram line opens” for review.',
    ])
    const before = await unreadCount(db, editor)
    expect(before).toBeGreaterThanOrEqual(2)
    const [first] = mine
    if (!first) throw new Error('no notification')
    // Another person cannot mark it read.
    expect(await markRead(db, writer2, first.id)).toBe(0)
    expect(await markRead(db, editor, first.id)).toBe(1)
    expect(await unreadCount(db, editor)).toBe(before - 1)
    expect(await markRead(db, editor, 'all')).toBe(before - 1)
    expect(await unreadCount(db, editor)).toBe(0)
    expect((await listNotifications(db, writer)).map((item) => item.line)).toContain(
      'Editor Person asked for changes to “Tram line opens”: Add the fares.',
    )
  })

  it('shows nothing about a story the person may no longer read', async () => {
    const id = await storyIn(db, newsroom, 'in_review', { headline: 'Quiet acquisition', by: writer2 })
    await db.insert(notifications).values({ userId: writer.id, kind: 'mentioned', articleId: id })
    expect((await listNotifications(db, writer)).map((item) => item.articleId)).not.toContain(id)
  })

  it('saves a person’s own preferences, hides kinds muted in the desk, and refuses an unknown choice, changing nothing', async () => {
    expect(await readPreferences(db, writer.id)).toEqual({ mutedInDesk: [], mutedByEmail: [], email: 'now' })
    const saved = await savePreferences(db, writer.id, {
      inDesk: ['submitted', 'published', 'corrected', 'mentioned', 'replied'],
      byEmail: ['mentioned'],
      email: 'daily',
    })
    expect(saved).toMatchObject({ ok: true, preferences: { mutedInDesk: ['changesRequested'], email: 'daily' } })
    expect((await listNotifications(db, writer)).map((item) => item.kind)).not.toContain('changesRequested')
    expect(await savePreferences(db, writer.id, { inDesk: ['everything'], byEmail: [], email: 'hourly' })).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining('Choose'),
    })
    expect((await readPreferences(db, writer.id)).email).toBe('daily')
    await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, writer.id))
  })
})
