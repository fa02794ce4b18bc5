import { count, eq, gt, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articles, revisions, users } from '@/db/schema'
import { countCap } from '@/lib/desk-queues'
import { countDeskQueues } from '@/lib/desk-queues-counts'
import { openTestDatabase } from '@/test/newsroom'
import { seedSynthetic } from './synthetic'

const db = await openTestDatabase()

describe('synthetic stories', () => {
  it('seed the demo newsroom first, then add the requested number of stories, reporting each batch', async () => {
    const progress: number[] = []
    await seedSynthetic(db, { articles: 300, batchSize: 120, onProgress: (done) => progress.push(done) })
    expect(await db.$count(users)).toBe(5)
    expect(await db.$count(articles)).toBe(12 + 300)
    expect(progress).toEqual([120, 240, 300])
  })

  it('give every story at least two revisions, the latest current, and a live revision of its own when published', async () => {
    const [result] = await db.select({ problems: count() }).from(articles)
      .where(sql`(select count(*) from revisions r where r.article_id = ${articles.id}) < 2
         or ${articles.currentRevisionId} <> (select max(r.id) from revisions r where r.article_id = ${articles.id})
         or (${articles.status} in ('published', 'unpublished') and not exists (select 1 from revisions r
             where r.id = ${articles.publishedRevisionId} and r.article_id = ${articles.id} and r.kind = 'published'))
         or (${articles.status} not in ('published', 'unpublished') and ${articles.publishedRevisionId} is not null)`)
    expect(result?.problems).toBe(0)
  })

  it('give every story a byline, a tag and a history that ends at its status', async () => {
    const [result] = await db.select({ problems: count() }).from(articles)
      .where(sql`not exists (select 1 from article_authors b where b.article_id = ${articles.id} and b.position = 0)
         or not exists (select 1 from article_tags t where t.article_id = ${articles.id})
         or ${articles.status} is distinct from (select e.to_status from workflow_events e
             where e.article_id = ${articles.id} order by e.created_at desc, e.id desc limit 1)`)
    expect(result?.problems).toBe(0)
  })

  it('give every story the owners the database keeps: its creator and its staff bylines', async () => {
    const [result] = await db
      .select({ problems: count() })
      .from(articles)
      .where(sql`${articles.ownerIds} <> article_owners(${articles.id}, ${articles.createdBy})`)
    expect(result?.problems).toBe(0)
  })

  it('give every revision its story’s section, slug, bylines and tags', async () => {
    const [result] = await db.select({ problems: count() }).from(revisions).innerJoin(articles, eq(articles.id, revisions.articleId))
      .where(sql`${revisions.sectionId} <> ${articles.sectionId} or ${revisions.slug} <> ${articles.slug}
         or jsonb_array_length(${revisions.bylines}) <> (select count(*) from article_authors b where b.article_id = ${articles.id})
         or jsonb_array_length(${revisions.tags}) <> (select count(*) from article_tags t where t.article_id = ${articles.id})
         or ${revisions.bylines}->0 <> (select case when b.user_id is null then jsonb_build_object('name', b.name, 'outlet', b.outlet)
             else jsonb_build_object('userId', b.user_id) end from article_authors b where b.article_id = ${articles.id} and b.position = 0)`)
    expect(result?.problems).toBe(0)
  })

  it('spread stories over several statuses, mostly published in the past', async () => {
    const rows = await db
      .select({
        status: articles.status,
        total: count(),
        inFuture: sql<number>`count(*) filter (where ${articles.publishedAt} > now())`.mapWith(Number),
      })
      .from(articles)
      .groupBy(articles.status)
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, row]))
    expect(Object.keys(byStatus).length).toBeGreaterThanOrEqual(5)
    expect(byStatus.published?.total).toBeGreaterThan(200)
    expect(rows.every((row) => row.inFuture === 0)).toBe(true)
  })

  it('keep slugs unique within each section when run again', async () => {
    await seedSynthetic(db, { articles: 50 })
    const duplicates = await db
      .select({ sectionId: articles.sectionId, slug: articles.slug })
      .from(articles)
      .groupBy(articles.sectionId, articles.slug)
      .having(gt(count(), 1))
    expect(duplicates).toEqual([])
    expect(await db.$count(articles)).toBe(12 + 350)
  })

  it('show the added stories in the desk’s counts at once, though a bulk load skips the triggers', async () => {
    const [row] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.role, 'editor')).limit(1)
    if (!row) throw new Error('The demo newsroom has no editor.')
    const before = await countDeskQueues(db, row)
    await seedSynthetic(db, { articles: 5 })
    expect((await countDeskQueues(db, row))?.all).toBe(Math.min((before?.all ?? 0) + 5, countCap + 1))
  })
})
