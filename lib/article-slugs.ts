import 'server-only'
import { and, eq, ne } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articles, revisions, sections } from '@/db/schema'

/**
 * Slugs the reader's site needs in every section: `<section>/page/2` is a list's second page.
 * (Sub-sections' slugs are taken too: `/regions/europe` is the Europe section.)
 */
const reservedSlugs = new Set(['page'])

/**
 * Whether the slug is not free in the section: another story uses it (at its live address, or in
 * its newest revision, which will be its address once published), a sub-section has it, or the
 * reader's site needs it.
 */
export async function slugTaken(db: Db | Tx, articleId: number | null, sectionId: number, slug: string): Promise<boolean> {
  if (reservedSlugs.has(slug)) return true
  const child = await db
    .select({ id: sections.id })
    .from(sections)
    .where(and(eq(sections.parentId, sectionId), eq(sections.slug, slug)))
    .limit(1)
  if (child.length > 0) return true
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
