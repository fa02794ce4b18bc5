import 'server-only'
import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm'
import type { Db } from '@/db'
import { type Byline, type RichTextDoc, articles, media, revisions, sections, users } from '@/db/schema'
import type { ResponsiveImage } from './media/srcset'
import { responsiveImage } from './media/urls'
import { figureMediaIds } from './responsive-figures'
import { type SectionCrumb, sectionTrail } from './sections'
import { isPubliclyVisible } from './workflow'

/** `isPubliclyVisible` (lib/workflow.ts) as a query condition: what readers may see. */
export const publiclyVisible = and(isNotNull(articles.publishedRevisionId), ne(articles.status, 'unpublished'))

/** A byline as readers see it: a staff member links to their page. */
export type PublicByline = { name: string; outlet: string | null; authorSlug: string | null }

/** What a reader's story page shows: the live revision only, never a newer draft. */
export type PublicStory = {
  id: number
  headline: string
  standfirst: string
  body: RichTextDoc
  trail: SectionCrumb[]
  path: string
  bylines: PublicByline[]
  tags: string[]
  firstPublishedAt: Date | null
  publishedAt: Date | null
  lead: (ResponsiveImage & { alt: string; caption: string; credit: string }) | null
  /** Responsive sources of the body's figures, by media id. */
  figureImages: Map<number, { srcSet: string; sizes: string }>
}

/**
 * The published story at a public path (`/regions/middle-east/<slug>`), or null. The path must
 * match the story's live section path exactly.
 */
export async function getPublicStory(db: Db, segments: readonly string[]): Promise<PublicStory | null> {
  const slug = segments.at(-1)
  const sectionSlug = segments.at(-2)
  if (!slug || !sectionSlug || segments.length > 8) return null
  const [row] = await db
    .select({
      id: articles.id,
      status: articles.status,
      sectionId: articles.sectionId,
      slug: articles.slug,
      publishedRevisionId: articles.publishedRevisionId,
      firstPublishedAt: articles.firstPublishedAt,
      publishedAt: articles.publishedAt,
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      body: revisions.body,
      bylines: revisions.bylines,
      tags: revisions.tags,
      leadMediaId: revisions.leadMediaId,
      leadCaption: revisions.leadCaption,
      leadCredit: revisions.leadCredit,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.slug, slug), eq(sections.slug, sectionSlug), publiclyVisible))
  if (!row || !isPubliclyVisible(row)) return null
  const trail = await sectionTrail(db, row.sectionId)
  if (trail.map((crumb) => crumb.slug).join('/') !== segments.slice(0, -1).join('/')) return null

  const [lead] = row.leadMediaId ? await db.select().from(media).where(eq(media.id, row.leadMediaId)) : []
  const figureIds = figureMediaIds(row.body)
  const figureRows = figureIds.length > 0 ? await db.select().from(media).where(inArray(media.id, figureIds)) : []
  return {
    id: row.id,
    headline: row.headline,
    standfirst: row.standfirst,
    body: row.body,
    trail,
    path: `${trail.at(-1)?.path ?? ''}/${row.slug}`,
    bylines: await publicBylines(db, row.bylines),
    tags: row.tags,
    firstPublishedAt: row.firstPublishedAt,
    publishedAt: row.publishedAt,
    lead: lead
      ? { ...responsiveImage(lead, '(min-width: 44rem) 42rem, 100vw'), alt: lead.alt || row.leadCaption, caption: row.leadCaption, credit: row.leadCredit }
      : null,
    figureImages: new Map(figureRows.map((image) => [image.id, responsiveImage(image, '(min-width: 44rem) 42rem, 100vw')])),
  }
}

async function publicBylines(db: Db, bylines: readonly Byline[]): Promise<PublicByline[]> {
  const ids = bylines.flatMap((byline) => ('userId' in byline ? [byline.userId] : []))
  const people = ids.length ? await db.select({ id: users.id, name: users.name, slug: users.slug }).from(users).where(inArray(users.id, ids)) : []
  const byId = new Map(people.map((person) => [person.id, person]))
  return bylines.flatMap((byline): PublicByline[] => {
    if (!('userId' in byline)) return [{ name: byline.name, outlet: byline.outlet || null, authorSlug: null }]
    const person = byId.get(byline.userId)
    return person ? [{ name: person.name, outlet: null, authorSlug: person.slug }] : []
  })
}
