import 'server-only'
import { and, eq, ne } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articles, revisions } from '@/db/schema'

/**
 * Whether another story in the section already uses the slug: at its live address, or in its
 * newest revision (which will be its address once published).
 */
export async function slugTaken(db: Db | Tx, articleId: number | null, sectionId: number, slug: string): Promise<boolean> {
  const other = articleId === null ? undefined : ne(articles.id, articleId)
  const live = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.sectionId, sectionId), eq(articles.slug, slug), other))
    .limit(1)
  if (live.length > 0) return true
  const pending = await db
    .select({ id: articles.id })
    .from(revisions)
    .innerJoin(articles, eq(articles.currentRevisionId, revisions.id))
    .where(and(eq(revisions.sectionId, sectionId), eq(revisions.slug, slug), other))
    .limit(1)
  return pending.length > 0
}

/** The slug, or the first of slug-2, slug-3… that no other story in the section uses. */
export async function freeSlug(db: Db | Tx, articleId: number | null, sectionId: number, slug: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? slug : `${slug}-${n}`
    if (!(await slugTaken(db, articleId, sectionId, candidate))) return candidate
  }
}

/** A unique-constraint failure on an article's section and slug, however the driver words it. */
export function isSlugClash(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const { code, constraint } = cause as { code?: string; constraint?: string }
    if (code === '23505' && (constraint === 'articles_section_slug' || cause.message.includes('articles_section_slug'))) return true
  }
  return false
}
