import 'server-only'
import { desc, eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { articles, revisions, sections } from '@/db/schema'
import { publiclyVisible } from './public-articles'
import { sectionTrails, storyPath } from './sections'

export type PublishedSummary = { id: number; headline: string; standfirst: string; section: string; path: string; publishedAt: Date | null }

/** The newest published stories, as readers see them: from their live revision only. */
export async function listLatestPublished(db: Db, limit: number): Promise<PublishedSummary[]> {
  const [rows, trails] = await Promise.all([latestPublishedRows(db, limit), sectionTrails(db)])
  return rows.map(({ sectionId, slug, ...row }) => ({ ...row, path: storyPath(trails, sectionId, slug) }))
}

function latestPublishedRows(db: Db, limit: number) {
  return db
    .select({
      id: articles.id,
      sectionId: articles.sectionId,
      slug: articles.slug,
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      section: sections.name,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(publiclyVisible)
    .orderBy(desc(articles.publishedAt))
    .limit(limit)
}
