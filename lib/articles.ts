import 'server-only'
import { and, count, desc, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '@/db'
import { type ArticleStatus, articles, revisions, sections, users } from '@/db/schema'

export type PublishedSummary = { id: number; headline: string; standfirst: string; section: string; publishedAt: Date | null }

/** The newest published stories, as readers see them: from their live revision only. */
export async function listLatestPublished(db: Db, limit: number): Promise<PublishedSummary[]> {
  return db
    .select({
      id: articles.id,
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      section: sections.name,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.status, 'published'), isNotNull(articles.publishedRevisionId)))
    .orderBy(desc(articles.publishedAt))
    .limit(limit)
}

export async function countArticlesByStatus(db: Db): Promise<Record<ArticleStatus, number>> {
  const rows = await db.select({ status: articles.status, total: count() }).from(articles).groupBy(articles.status)
  const counts: Record<ArticleStatus, number> = {
    draft: 0,
    in_review: 0,
    changes_requested: 0,
    approved: 0,
    scheduled: 0,
    published: 0,
    unpublished: 0,
  }
  for (const row of rows) counts[row.status] = row.total
  return counts
}

export type DeskSummary = { id: number; headline: string; status: ArticleStatus; section: string; updatedAt: Date; author: string }

/** The stories the newsroom touched last, with their working headline. */
export async function listRecentlyUpdated(db: Db, limit: number): Promise<DeskSummary[]> {
  return db
    .select({
      id: articles.id,
      headline: revisions.headline,
      status: articles.status,
      section: sections.name,
      updatedAt: articles.updatedAt,
      author: users.name,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(users, eq(users.id, articles.createdBy))
    .orderBy(desc(articles.updatedAt))
    .limit(limit)
}
