import { beforeAll, describe, expect, it } from 'vitest'
import { openTestNewsroom } from '@/test/newsroom'
import { createArticle } from './article-drafts'
import { leavePresence, recordPresence } from './presence'

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
    expect(await recordPresence(db, newsroom.writer, articleId, at(0))).toEqual([])
    expect(await recordPresence(db, newsroom.editor, articleId, at(5))).toEqual([{ userId: newsroom.writer.id, name: 'Writer Person' }])
    expect(await recordPresence(db, newsroom.writer, articleId, at(10))).toEqual([{ userId: newsroom.editor.id, name: 'Editor Person' }])
    expect(await recordPresence(db, newsroom.admin, articleId, at(36))).toEqual([{ userId: newsroom.writer.id, name: 'Writer Person' }])
    expect(await recordPresence(db, newsroom.writer2, articleId, at(50))).toEqual([{ userId: newsroom.admin.id, name: 'Admin Person' }])
    expect(await recordPresence(db, newsroom.editor, articleId, at(90))).toEqual([])
  })

  it('forgets someone as soon as they leave', async () => {
    await recordPresence(db, newsroom.editor, articleId, at(100))
    await leavePresence(db, newsroom.editor, articleId)
    expect(await recordPresence(db, newsroom.writer, articleId, at(101))).toEqual([])
  })

  it('returns nobody for a story that does not exist', async () => {
    expect(await recordPresence(db, newsroom.writer, 999_999)).toEqual([])
  })
})
