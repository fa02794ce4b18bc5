import 'server-only'
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { type Byline, type RichTextDoc, articles, media, revisions, sections, slugHistory, users } from '@/db/schema'
import { type MediaImage, type ResponsiveImage, largestFile } from './media/srcset'
import { pageKey, shows } from './page-keys'
import { mediaUrl, responsiveImage, searchImages } from './media/urls'
import { figureMediaIds } from './rich-text'
import { type SectionCrumb, sectionTrails, storyPath } from './sections'
import type { FigureImage } from './story-schema/nodes/figure'
import { isPubliclyVisible } from './story-state'
import { type StorySharing, storySharing } from './story-sharing'

/**
 * `isPubliclyVisible` (lib/workflow.ts) as a query condition: what readers may see. The status is
 * in the text, not a parameter: a statement with none keeps its plan (db/pglite-client.ts).
 */
export const publiclyVisible = and(isNotNull(articles.publishedRevisionId), sql`${articles.status} <> 'unpublished'`)

/** The columns that say where a story lives (`storyPath`) and whether readers see it (`isPubliclyVisible`). */
export const storyPlaceColumns = {
  id: articles.id,
  status: articles.status,
  publishedRevisionId: articles.publishedRevisionId,
  sectionId: articles.sectionId,
  slug: articles.slug,
}

/** A byline as readers see it: a staff member links to their page. */
export type PublicByline = { name: string; outlet: string | null; authorSlug: string | null }

/** An image as link previews show it: one file, its size, and the library's alt text. */
export type PreviewImage = { src: string; width: number; height: number; alt: string }

/** What a reader's story page shows: the live revision only, never a newer draft. */
export type PublicStory = {
  id: number
  headline: string
  standfirst: string
  /** Where the story was reported from ("BEIRUT"); '' for none. */
  dateline: string
  body: RichTextDoc
  sectionId: number
  trail: SectionCrumb[]
  path: string
  bylines: PublicByline[]
  tags: string[]
  firstPublishedAt: Date | null
  publishedAt: Date | null
  lead: (ResponsiveImage & { alt: string; caption: string; credit: string; forSearch: SearchImage[] }) | null
  /** Responsive sources and focal points of the body's figures, by media id. */
  figureImages: Map<number, FigureImage>
  /** What search engines and link previews are told (`storySharing`). */
  sharing: StorySharing<PreviewImage>
}

/** The lead photo as search engines are given it (lib/media/urls.ts `searchImages`). */
export type SearchImage = { src: string; width: number; height: number }

/** What is at a story's address: the story, a move to its new address, or a story taken down. */
export type StoryAtPath = { kind: 'story'; story: PublicStory } | { kind: 'moved'; to: string } | { kind: 'gone' }

const storyColumns = {
  id: articles.id,
  status: articles.status,
  sectionId: articles.sectionId,
  slug: articles.slug,
  publishedRevisionId: articles.publishedRevisionId,
  firstPublishedAt: articles.firstPublishedAt,
  publishedAt: articles.publishedAt,
  headline: revisions.headline,
  standfirst: revisions.standfirst,
  dateline: revisions.dateline,
  body: revisions.body,
  bylines: revisions.bylines,
  tags: revisions.tags,
  leadMediaId: revisions.leadMediaId,
  leadCaption: revisions.leadCaption,
  leadCredit: revisions.leadCredit,
  seoTitle: revisions.seoTitle,
  seoDescription: revisions.seoDescription,
  socialHeadline: revisions.socialHeadline,
  socialMediaId: revisions.socialMediaId,
}

/** Published stories with their live revision and section. */
function liveStories(db: Db) {
  return db
    .select(storyColumns)
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
}
type StoryRow = Awaited<ReturnType<typeof liveStories>>[number]

/**
 * What readers find at a path (`/regions/middle-east/<slug>`): the published story whose live
 * address it is, a 301 to the new address of a story that moved, a 410 for a story that was
 * published and taken down, or null. A story lives at two or more segments; an old address may
 * have one (an imported site's `/<slug>`).
 */
export async function findStoryAt(db: Db, segments: readonly string[]): Promise<StoryAtPath | null> {
  const slug = segments.at(-1)
  const sectionSlug = segments.at(-2)
  if (!slug) return null
  const path = `/${segments.join('/')}`
  const trails = await sectionTrails(db)
  // Sections under different parents may share a slug: the whole path decides.
  const rows = sectionSlug ? await liveStories(db).where(and(eq(articles.slug, slug), eq(sections.slug, sectionSlug))) : []
  const row = rows.find((candidate) => storyPath(trails, candidate.sectionId, candidate.slug) === path)
  if (row) {
    shows(pageKey.story(row.id))
    return isPubliclyVisible(row) ? { kind: 'story', story: await toPublicStory(db, row, trails) } : { kind: 'gone' }
  }
  const [moved] = await db
    .select(storyPlaceColumns)
    .from(slugHistory)
    .innerJoin(articles, eq(articles.id, slugHistory.articleId))
    .where(eq(slugHistory.path, path))
  if (!moved) return null
  shows(pageKey.story(moved.id))
  return isPubliclyVisible(moved) ? { kind: 'moved', to: storyPath(trails, moved.sectionId, moved.slug) } : { kind: 'gone' }
}

/**
 * A story's working copy laid out exactly as readers would get it, for the desk's preview. The
 * address is where it would be published.
 */
export async function getStoryPreview(db: Db, articleId: number): Promise<PublicStory | null> {
  const [row] = await db
    .select({ ...storyColumns, sectionId: revisions.sectionId, slug: revisions.slug })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
  return row ? toPublicStory(db, row, await sectionTrails(db)) : null
}

async function toPublicStory(db: Db, row: StoryRow, trails: ReadonlyMap<number, SectionCrumb[]>): Promise<PublicStory> {
  const [lead] = row.leadMediaId ? await db.select().from(media).where(eq(media.id, row.leadMediaId)) : []
  const [social] = row.socialMediaId ? await db.select().from(media).where(eq(media.id, row.socialMediaId)) : []
  const figureIds = figureMediaIds(row.body)
  shows(...[row.leadMediaId ?? [], row.socialMediaId ?? [], figureIds].flat().map(pageKey.media))
  const figureRows = figureIds.length > 0 ? await db.select().from(media).where(inArray(media.id, figureIds)) : []
  return {
    id: row.id,
    headline: row.headline,
    standfirst: row.standfirst,
    dateline: row.dateline,
    body: row.body,
    sectionId: row.sectionId,
    trail: trails.get(row.sectionId) ?? [],
    path: storyPath(trails, row.sectionId, row.slug),
    bylines: await publicBylines(db, row.bylines),
    tags: row.tags,
    firstPublishedAt: row.firstPublishedAt,
    publishedAt: row.publishedAt,
    lead: lead
      ? {
          ...responsiveImage(lead, storyImageSizes),
          alt: lead.alt,
          caption: row.leadCaption,
          credit: row.leadCredit,
          forSearch: searchImages(lead),
        }
      : null,
    figureImages: new Map(figureRows.map((image) => [image.id, responsiveImage(image, storyImageSizes)])),
    sharing: storySharing({
      ...row,
      lead: lead ? previewImage(lead) : null,
      social: social ? previewImage(social) : null,
    }),
  }
}

function previewImage(image: MediaImage & { alt: string }): PreviewImage {
  const file = largestFile(image)
  return { src: mediaUrl(file.key), width: file.width, height: file.height, alt: image.alt }
}

/** How wide a story's images are shown: the column, or the whole screen on a phone. */
const storyImageSizes = '(min-width: 44rem) 42rem, 100vw'

async function publicBylines(db: Db, bylines: readonly Byline[]): Promise<PublicByline[]> {
  const ids = bylines.flatMap((byline) => ('userId' in byline ? [byline.userId] : []))
  shows(...ids.map(pageKey.person))
  const people = ids.length
    ? await db.select({ id: users.id, name: users.name, slug: users.slug }).from(users).where(inArray(users.id, ids))
    : []
  const byId = new Map(people.map((person) => [person.id, person]))
  return bylines.flatMap((byline): PublicByline[] => {
    if (!('userId' in byline)) return [{ name: byline.name, outlet: byline.outlet || null, authorSlug: null }]
    const person = byId.get(byline.userId)
    return person ? [{ name: person.name, outlet: null, authorSlug: person.slug }] : []
  })
}
