import { eq } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { articles, auditEvents, settings } from '@/db/schema'
import { act, articleRow, openTestNewsroom, storyIn, tryAct } from '@/test/newsroom'
import { liftEmbargo, setEmbargo } from './embargo'
import { publishDue } from './scheduler'

const { db, newsroom } = await openTestNewsroom()
const { editor, admin, writer } = newsroom
await db.insert(settings).values({ key: 'timeZone', value: 'Asia/Beirut' })

const quiet = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
const inHours = (hours: number) => new Date(Date.now() + hours * 60 * 60 * 1000)

describe('embargoes', () => {
  it('are set by editors only, in the future, on a story readers cannot see yet', async () => {
    const id = await storyIn(db, newsroom, 'approved', { headline: 'Rates decision' })
    expect(await setEmbargo(db, writer, id, inHours(2))).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await liftEmbargo(db, writer, id, 'Out early.')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await setEmbargo(db, editor, id, inHours(-1))).toMatchObject({ ok: false, message: 'An embargo must end in the future.' })
    const live = await storyIn(db, newsroom, 'published', { headline: 'Already out' })
    expect(await setEmbargo(db, editor, live, inHours(2))).toMatchObject({
      ok: false,
      message: 'Readers can already see this story: an embargo cannot take it back. Unpublish it first.',
    })
    expect((await articleRow(db, id)).embargoUntil).toBeNull()
  })

  it('keep everyone from publishing early, admins included, and from scheduling before them', async () => {
    const id = await storyIn(db, newsroom, 'approved', { headline: 'Quarterly results' })
    const until = new Date(Date.UTC(2027, 2, 28, 5, 0)) // 08:00 in Beirut, whose clocks go forward that night
    expect(await setEmbargo(db, editor, id, until, '', new Date(Date.UTC(2027, 2, 20)))).toMatchObject({ ok: true })
    for (const actor of [editor, admin]) {
      expect(await tryAct(db, actor, id, 'publish')).toMatchObject({
        ok: false,
        reason: 'invalid',
        message:
          'This story is under embargo until 28 Mar 2027, 08:00 Beirut: nobody can publish it before then. To publish it now, lift the embargo first, saying why.',
      })
    }
    expect(await tryAct(db, editor, id, 'schedule', { scheduledAt: new Date(until.getTime() - 60_000) })).toMatchObject({
      ok: false,
      message: 'This story is under embargo until 28 Mar 2027, 08:00 Beirut: schedule it for then or later.',
    })
    await act(db, editor, id, 'schedule', { scheduledAt: until })
    expect((await articleRow(db, id)).status).toBe('scheduled')
  })

  it('hold against the scheduler too, which publishes once the embargo has passed', async () => {
    const id = await storyIn(db, newsroom, 'approved', { headline: 'Merger announced' })
    const until = inHours(1)
    await setEmbargo(db, editor, id, until)
    await act(db, editor, id, 'schedule', { scheduledAt: until })
    // Whatever anyone does: even a schedule moved before the embargo by hand.
    await db
      .update(articles)
      .set({ scheduledAt: inHours(-1) })
      .where(eq(articles.id, id))
    await publishDue(db, new Date(), { log: quiet })
    expect((await articleRow(db, id)).status).toBe('scheduled')
    await publishDue(db, new Date(until.getTime() + 1000), { log: quiet })
    expect((await articleRow(db, id)).status).toBe('published')
  })

  it('are lifted early only with a reason, which the audit log keeps; then the story can be published', async () => {
    const id = await storyIn(db, newsroom, 'approved', { headline: 'Court ruling' })
    await setEmbargo(db, editor, id, inHours(3))
    expect(await liftEmbargo(db, editor, id, '  ')).toMatchObject({
      ok: false,
      message: 'Say why the embargo is lifted early: it is recorded in the audit log.',
    })
    expect(await liftEmbargo(db, editor, id, 'The court published the ruling itself.')).toMatchObject({ ok: true, until: null })
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'story.embargo-lifted'))
    expect(entry).toMatchObject({ actorId: editor.id, detail: { story: id, reason: 'The court published the ruling itself.' } })
    await act(db, editor, id, 'publish')
    expect((await articleRow(db, id)).status).toBe('published')
  })

  it('refuse an embargo after the story’s scheduled time', async () => {
    const id = await storyIn(db, newsroom, 'scheduled', { headline: 'Budget' })
    const { scheduledAt } = await articleRow(db, id)
    expect(await setEmbargo(db, editor, id, new Date((scheduledAt ?? new Date()).getTime() + 60_000))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The story is scheduled for .* Beirut, before that: change its scheduled time first\.$/),
    })
  })
})
