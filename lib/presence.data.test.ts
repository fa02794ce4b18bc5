import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { openTestNewsroom } from '@/test/newsroom'
import { createArticle } from './article-create'
import { leavePresence, presentOn, recordPresence } from './presence'

const { db, newsroom } = await openTestNewsroom()
let articleId: number

beforeAll(async () => {
  const created = await createArticle(db, newsroom.writer, { headline: 'Who is here', sectionId: newsroom.sectionId })
  if (!created.ok) throw new Error(created.message)
  articleId = created.articleId
})

const at = (seconds: number) => new Date(Date.UTC(2030, 2, 1, 9, 0, seconds))

describe('presence on a story', () => {
  it('tells each person who else has the story open, not themselves, for thirty seconds', async () => {
    expect(await recordPresence(db, newsroom.writer, articleId, at(0))).toEqual({ ok: true, others: [] })
    expect(await recordPresence(db, newsroom.editor, articleId, at(5))).toEqual({
      ok: true,
      others: [{ userId: newsroom.writer.id, name: 'Writer Person' }],
    })
    expect(await recordPresence(db, newsroom.writer, articleId, at(10))).toEqual({
      ok: true,
      others: [{ userId: newsroom.editor.id, name: 'Editor Person' }],
    })
    expect(await recordPresence(db, newsroom.admin, articleId, at(36))).toEqual({
      ok: true,
      others: [{ userId: newsroom.writer.id, name: 'Writer Person' }],
    })
    expect(await recordPresence(db, newsroom.editor, articleId, at(90))).toEqual({ ok: true, others: [] })
  })

  it('forgets someone as soon as they leave', async () => {
    await recordPresence(db, newsroom.editor, articleId, at(100))
    await leavePresence(db, newsroom.editor, articleId)
    expect(await recordPresence(db, newsroom.writer, articleId, at(101))).toEqual({ ok: true, others: [] })
  })

  it('refuses an account disabled since signing in, recording nothing', async () => {
    await db.update(users).set({ isDisabled: true }).where(eq(users.id, newsroom.writer2.id))
    expect(await recordPresence(db, newsroom.writer2, articleId, at(200))).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'Your account has been disabled; ask an administrator.',
    })
    await db.update(users).set({ isDisabled: false }).where(eq(users.id, newsroom.writer2.id))
    expect(await recordPresence(db, newsroom.writer, articleId, at(201))).toEqual({ ok: true, others: [] })
  })

  it('returns nobody for a story that does not exist', async () => {
    expect(await recordPresence(db, newsroom.writer, 999_999)).toEqual({ ok: true, others: [] })
  })

  it('tells nobody who has another writer’s draft open, and does not list them there', async () => {
    expect(await recordPresence(db, newsroom.admin, articleId, at(300))).toEqual({ ok: true, others: [] })
    expect(await recordPresence(db, newsroom.writer2, articleId, at(301))).toEqual({ ok: true, others: [] })
    expect(await recordPresence(db, newsroom.editor, articleId, at(302))).toEqual({
      ok: true,
      others: [{ userId: newsroom.admin.id, name: 'Admin Person' }],
    })
  })

  it('tells the story events who has each of several stories open, in one answer, for thirty seconds', async () => {
    const other = await createArticle(db, newsroom.editor, { headline: 'Who else is here', sectionId: newsroom.sectionId })
    if (!other.ok) throw new Error(other.message)
    await recordPresence(db, newsroom.editor, articleId, at(400))
    await recordPresence(db, newsroom.admin, other.articleId, at(405))
    await recordPresence(db, newsroom.editor, other.articleId, at(410))
    const present = await presentOn(db, [articleId, other.articleId, 999_999], at(420))
    expect(present.get(articleId)).toEqual([{ userId: newsroom.editor.id, name: 'Editor Person' }])
    expect(present.get(other.articleId)).toEqual([
      { userId: newsroom.admin.id, name: 'Admin Person' },
      { userId: newsroom.editor.id, name: 'Editor Person' },
    ])
    expect(present.has(999_999)).toBe(false)
    expect((await presentOn(db, [other.articleId], at(437))).get(other.articleId)).toEqual([
      { userId: newsroom.editor.id, name: 'Editor Person' },
    ])
  })
})
