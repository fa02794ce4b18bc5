import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, pins } from '@/db/schema'
import { act, openTestNewsroom, storyIn } from '@/test/newsroom'
import { collectShown, pageKey } from './page-keys'
import { frontPageTop, pinOnFront } from './pins'

const { db, newsroom } = await openTestNewsroom()
const { editor, writer, admin } = newsroom

const headlines = async () => {
  const top = await frontPageTop(db)
  return { lead: top.lead?.headline, below: top.secondaries.map((story) => story.headline) }
}

// Oldest first: the rules alone lead with the newest.
const first = await storyIn(db, newsroom, 'published', { headline: 'First' })
const second = await storyIn(db, newsroom, 'published', { headline: 'Second' })
const third = await storyIn(db, newsroom, 'published', { headline: 'Third' })
const fourth = await storyIn(db, newsroom, 'published', { headline: 'Fourth' })
const fifth = await storyIn(db, newsroom, 'published', { headline: 'Fifth' })

describe('pinning stories on the front page', () => {
  it('is refused to writers, changing nothing', async () => {
    expect(await pinOnFront(db, writer, { articleId: first, as: 'lead' })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await db.select().from(pins)).toEqual([])
    expect(await headlines()).toEqual({ lead: 'Fifth', below: ['Fourth', 'Third'] })
  })

  it('puts an editor’s pinned story at the lead, however old, and the audit log says who', async () => {
    expect(await pinOnFront(db, editor, { articleId: first, as: 'lead' })).toEqual({ ok: true, headline: 'First' })
    expect(await headlines()).toEqual({ lead: 'First', below: ['Fifth', 'Fourth'] })
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'front.pin'))
    expect(entry).toMatchObject({ actorId: editor.id, detail: { story: first, headline: 'First', as: 'lead' } })
  })

  it('puts stories pinned under the lead first, in their order, and refuses a fourth', async () => {
    await pinOnFront(db, editor, { articleId: second, as: 'below' })
    await pinOnFront(db, admin, { articleId: third, as: 'below' })
    // The rules make up two stories under the lead when none has a photo: the pins already do.
    expect(await headlines()).toEqual({ lead: 'First', below: ['Second', 'Third'] })
    await pinOnFront(db, editor, { articleId: fourth, as: 'below' })
    expect(await pinOnFront(db, editor, { articleId: fifth, as: 'below' })).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: '3 stories are already pinned under the lead: unpin one first.',
    })
    expect(await headlines()).toEqual({ lead: 'First', below: ['Second', 'Third', 'Fourth'] })
  })

  it('sends the lead it replaces first under the new one', async () => {
    await pinOnFront(db, editor, { articleId: fourth, as: 'none' })
    await pinOnFront(db, editor, { articleId: third, as: 'lead' })
    expect(await headlines()).toEqual({ lead: 'Third', below: ['First', 'Second'] })
  })

  it('passes over a pinned story that was unpublished, and takes it back when it is republished', async () => {
    await act(db, editor, first, 'unpublish')
    expect(await headlines()).toEqual({ lead: 'Third', below: ['Second', 'Fifth'] })
    await act(db, editor, first, 'republish')
    expect(await headlines()).toEqual({ lead: 'Third', below: ['First', 'Second'] })
  })

  it('refuses to pin a story readers cannot see', async () => {
    const draft = await storyIn(db, newsroom, 'draft', { headline: 'Not yet' })
    expect(await pinOnFront(db, editor, { articleId: draft, as: 'lead' })).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: 'Only a story readers can see can go on the front page: publish it first.',
    })
    expect(await pinOnFront(db, editor, { articleId: 999_999, as: 'lead' })).toMatchObject({ ok: false, reason: 'missing' })
  })

  it('marks the front page as showing the pins, so that a change of pins makes it again', async () => {
    const { keys } = await collectShown(() => frontPageTop(db))
    expect(keys).toContain(pageKey.frontPins)
  })
})
