import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { corrections, users } from '@/db/schema'
import { act, openTestNewsroom, storyIn, withOwnNewsroom } from '@/test/newsroom'
import { addCorrection, listArticleCorrections, listCorrections, listRecentCorrections, retractCorrection } from './corrections'
import type { Actor } from './permissions'

const { db, newsroom } = await openTestNewsroom()

const at = (day: number, hour = 9) => new Date(Date.UTC(2030, 3, day, hour))

async function correct(actor: Actor, articleId: number, body: string, now: Date, kind: 'correction' | 'update' = 'correction') {
  const result = await addCorrection(db, actor, articleId, { kind, body }, { now })
  if (!result.ok) throw new Error(result.message)
  return result.correctionId
}

describe('corrections', () => {
  it('attaches corrections and updates to a published story, newest first, and says which page to refresh', async () => {
    const id = await storyIn(db, newsroom, 'published', { headline: 'Dam opens early' })
    const result = await addCorrection(
      db,
      newsroom.editor,
      id,
      { kind: 'correction', body: '  The dam is 40 m high, not 400 m.  ' },
      { now: at(2) },
    )
    expect(result).toEqual({ ok: true, correctionId: expect.any(Number), article: { id, isLive: true, path: '/world/dam-opens-early' } })
    await correct(newsroom.admin, id, 'The minister has since resigned.', at(3), 'update')
    expect(await listCorrections(db, id)).toEqual([
      {
        id: expect.any(Number),
        kind: 'update',
        body: 'The minister has since resigned.',
        createdAt: at(3),
        retractedAt: null,
        retractionNote: '',
      },
      {
        id: expect.any(Number),
        kind: 'correction',
        body: 'The dam is 40 m high, not 400 m.',
        createdAt: at(2),
        retractedAt: null,
        retractionNote: '',
      },
    ])
  })

  it('refuses writers, stories never published, and empty or overlong text', async () => {
    const live = await storyIn(db, newsroom, 'published')
    const draft = await storyIn(db, newsroom, 'approved')
    expect(await addCorrection(db, newsroom.writer, live, { kind: 'correction', body: 'Forged.' })).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'Only editors can add or withdraw corrections.',
    })
    expect(await addCorrection(db, newsroom.editor, draft, { kind: 'correction', body: 'Too soon.' })).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Only a story that has been published can carry a correction.',
    })
    expect(await addCorrection(db, newsroom.editor, live, { kind: 'correction', body: ' ' })).toMatchObject({ ok: false })
    expect(await addCorrection(db, newsroom.editor, live, { kind: 'correction', body: 'x'.repeat(1024 * 1024) })).toMatchObject({
      ok: false,
      message: expect.stringContaining('2,000'),
    })
    expect(await addCorrection(db, newsroom.editor, live, { kind: 'erratum' as 'update', body: 'Hm.' })).toMatchObject({ ok: false })
    expect(await db.select().from(corrections).where(eq(corrections.articleId, live))).toEqual([])
  })

  it('refuses an editor demoted since signing in', async () => {
    const [person] = await db
      .insert(users)
      .values({ email: 'former-editor@example.test', name: 'Former Editor', slug: 'former-editor', role: 'writer', passwordHash: 'x' })
      .returning({ id: users.id })
    const id = await storyIn(db, newsroom, 'published')
    expect(await addCorrection(db, { id: person?.id ?? -1, role: 'editor' }, id, { kind: 'correction', body: 'Hm.' })).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'Only editors can add or withdraw corrections.',
    })
  })

  it('refuses an editor whose account has been disabled since signing in', async () => {
    const [person] = await db
      .insert(users)
      .values({
        email: 'gone-editor@example.test',
        name: 'Gone Editor',
        slug: 'gone-editor',
        role: 'editor',
        passwordHash: 'x',
        isDisabled: true,
      })
      .returning({ id: users.id })
    const id = await storyIn(db, newsroom, 'published')
    expect(await addCorrection(db, { id: person?.id ?? -1, role: 'editor' }, id, { kind: 'correction', body: 'Hm.' })).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'Your account has been disabled; ask an administrator.',
    })
    expect(await db.select().from(corrections).where(eq(corrections.articleId, id))).toEqual([])
  })

  it('keeps a withdrawn correction on record and shows readers that it was withdrawn, and why', async () => {
    const id = await storyIn(db, newsroom, 'published')
    const correctionId = await correct(newsroom.editor, id, 'Meant for another story.', at(4))
    expect(await retractCorrection(db, newsroom.writer, correctionId, { note: 'Mine.' })).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'Only editors can add or withdraw corrections.',
    })
    expect(await retractCorrection(db, newsroom.editor, correctionId, { note: '' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('why'),
    })
    expect(
      await retractCorrection(db, newsroom.admin, correctionId, { note: 'Attached to the wrong story.' }, { now: at(5) }),
    ).toMatchObject({ ok: true, article: { id } })
    expect(await retractCorrection(db, newsroom.admin, correctionId, { note: 'Again.' })).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'This correction has already been withdrawn.',
    })
    expect(await listCorrections(db, id)).toEqual([
      expect.objectContaining({
        id: correctionId,
        body: 'Meant for another story.',
        retractedAt: at(5),
        retractionNote: 'Attached to the wrong story.',
      }),
    ])
    expect(await listArticleCorrections(db, id)).toEqual([
      expect.objectContaining({ id: correctionId, createdByName: 'Editor Person', retractedByName: 'Admin Person' }),
    ])
  })

  it('shows no corrections of a story readers cannot see', async () => {
    const id = await storyIn(db, newsroom, 'published')
    await correct(newsroom.editor, id, 'A figure was wrong.', at(6))
    await act(db, newsroom.editor, id, 'unpublish')
    expect(await listCorrections(db, id)).toEqual([])
    // It has been published, so a correction may still be attached before it comes back.
    expect(await addCorrection(db, newsroom.editor, id, { kind: 'update', body: 'Back soon.' })).toMatchObject({
      ok: true,
      article: { isLive: false },
    })
  })
})

describe('the public corrections page', () => {
  it('lists corrections of visible stories newest first, with the story’s headline and address, a page at a time', async () => {
    // A database of its own, so that the page holds only this test's corrections.
    await withOwnNewsroom(async ({ db: own, newsroom: room }) => {
      const a = await storyIn(own, room, 'published', { headline: 'Port strike ends' })
      const b = await storyIn(own, room, 'published', { headline: 'Rail fares rise', sectionId: room.otherSectionId })
      const hidden = await storyIn(own, room, 'published', { headline: 'Taken down' })
      for (const [articleId, body, day] of [
        [a, 'First.', 10],
        [b, 'Second.', 11],
        [hidden, 'Hidden.', 12],
        [a, 'Third.', 13],
      ] as const) {
        const result = await addCorrection(own, room.editor, articleId, { kind: 'correction', body }, { now: at(day) })
        if (!result.ok) throw new Error(result.message)
      }
      await act(own, room.editor, hidden, 'unpublish')

      const first = await listRecentCorrections(own, { page: 1, pageSize: 2 })
      expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2, pageCount: 2 })
      expect(first.items).toEqual([
        expect.objectContaining({ body: 'Third.', article: { id: a, headline: 'Port strike ends', path: '/world/port-strike-ends' } }),
        expect.objectContaining({ body: 'Second.', article: { id: b, headline: 'Rail fares rise', path: '/business/rail-fares-rise' } }),
      ])
      expect((await listRecentCorrections(own, { page: 2, pageSize: 2 })).items.map((item) => item.body)).toEqual(['First.'])
      expect(await listRecentCorrections(own, { page: -3, pageSize: 500 })).toMatchObject({ page: 1, pageSize: 50 })
    })
  })
})
