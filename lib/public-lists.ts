import 'server-only'
import { type SQL, and, count, desc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { articles, media, revisions, sections } from '@/db/schema'
import type { ResponsiveImage } from './media/srcset'
import { responsiveImage } from './media/urls'
import { pageKey, shows, showsStories } from './page-keys'
import { publiclyVisible } from './public-articles'
import { type SectionCrumb, sectionTrails, storyPath } from './sections'
import { slugify } from './slug'

/** Stories per page on section, author and tag pages. */
export const listPageSize = 20

/** A story in a list, as readers see it: from its live revision only. */
export type StorySummary = {
  id: number
  headline: string
  standfirst: string
  path: string
  section: SectionCrumb
  publishedAt: Date
  leadMediaId: number | null
}

export type StoryPage = { stories: StorySummary[]; total: number; page: number; pageCount: number }

/**
 * Which public stories a list holds: a condition on the live revision or the article, and the
 * page keys (lib/page-keys.ts) of the lists it stands for, so that a story joining or leaving one
 * refreshes the pages that show it.
 */
export type StoryFilter = { where?: SQL; keys: readonly string[] }

/** Every public story: the front page, the site's feed and sitemaps. */
export const everyPublicStory: StoryFilter = { keys: [pageKey.everyList] }

/** A filter further narrowed by a condition that does not change which list it is (leaving out stories already shown). */
export function narrowed(filter: StoryFilter, where: SQL | undefined): StoryFilter {
  return { where: and(filter.where, where), keys: filter.keys }
}

/** The newest public stories the filter holds. */
export async function listPublicStories(db: Db, options: { filter: StoryFilter; limit: number; offset?: number }): Promise<StorySummary[]> {
  shows(...options.filter.keys)
  const [rows, trails] = await Promise.all([
    db
      .select({
        id: articles.id,
        sectionId: articles.sectionId,
        slug: articles.slug,
        headline: revisions.headline,
        standfirst: revisions.standfirst,
        publishedAt: articles.firstPublishedAt,
        leadMediaId: revisions.leadMediaId,
      })
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .where(and(publiclyVisible, options.filter.where))
      .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
      .limit(options.limit)
      .offset(options.offset ?? 0),
    sectionTrails(db),
  ])
  showsStories(rows.map((row) => row.id))
  return rows.map(({ sectionId, slug, publishedAt, ...row }) => {
    const trail = trails.get(sectionId) ?? []
    return {
      ...row,
      path: storyPath(trails, sectionId, slug),
      section: trail.at(-1) ?? { id: sectionId, name: '', slug: '', path: '' },
      publishedAt: publishedAt ?? new Date(0),
    }
  })
}

/** How many public stories the filter holds. */
export async function countPublicStories(db: Db, filter: StoryFilter): Promise<number> {
  shows(...filter.keys)
  const [{ total }] = (await db
    .select({ total: count() })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(and(publiclyVisible, filter.where))) as [{ total: number }]
  return total
}

/** One page (from 1) of the public stories the filter holds, newest first. */
export async function pageOfPublicStories(db: Db, filter: StoryFilter, page: number): Promise<StoryPage> {
  const total = await countPublicStories(db, filter)
  const pageCount = Math.max(1, Math.ceil(total / listPageSize))
  const stories = page <= pageCount ? await listPublicStories(db, { filter, limit: listPageSize, offset: (page - 1) * listPageSize }) : []
  return { stories, total, page, pageCount }
}

/** Stories in a section or any section below it. */
export async function inSectionTree(db: Db, sectionId: number): Promise<StoryFilter> {
  const sectionIds = await sectionAndDescendants(db, sectionId)
  return { where: inArray(articles.sectionId, sectionIds), keys: [pageKey.sectionList(sectionId)] }
}

/** Stories whose live revision credits this staff member. */
export function bylinedTo(userId: number): StoryFilter {
  return { where: sql`${revisions.bylines} @> ${JSON.stringify([{ userId }])}::jsonb`, keys: [pageKey.authorList(userId)] }
}

/**
 * The spellings public stories use for each tag, by the tag's slug ("middle-east" → "Middle East",
 * "middle-east"): a tag is known by its slug, as its page address and the desk's tag list are.
 */
export async function tagSpellingsBySlug(db: Db): Promise<Map<string, string[]>> {
  const rows = await db
    .selectDistinct({ name: sql<string>`jsonb_array_elements_text(${revisions.tags})` })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(publiclyVisible)
  const bySlug = new Map<string, string[]>()
  for (const { name } of rows) {
    const slug = slugify(name)
    if (slug) bySlug.set(slug, [...(bySlug.get(slug) ?? []), name])
  }
  return bySlug
}

/** Stories whose live revision carries one of these tag names. */
export function taggedWith(names: readonly string[]): StoryFilter {
  const where = sql`${revisions.tags} ?| array[${sql.join(
    names.map((name) => sql`${name}`),
    sql`, `,
  )}]::text[]`
  return { where, keys: [...new Set(names.map((name) => pageKey.tagList(slugify(name))))] }
}

/**
 * Up to `limit` other stories: those sharing a tag first, then the newest in the story's section,
 * then in the sections above it.
 */
export async function listRelatedStories(
  db: Db,
  story: { id: number; sectionId: number; tags: readonly string[] },
  limit = 4,
): Promise<StorySummary[]> {
  const related =
    story.tags.length > 0 ? await listPublicStories(db, { filter: narrowed(taggedWith(story.tags), ne(articles.id, story.id)), limit }) : []
  const trail = (await sectionTrails(db)).get(story.sectionId) ?? []
  for (const section of trail.toReversed()) {
    if (related.length >= limit) break
    const seen = [story.id, ...related.map((found) => found.id)]
    const filter = narrowed(await inSectionTree(db, section.id), notInArray(articles.id, seen))
    related.push(...(await listPublicStories(db, { filter, limit: limit - related.length })))
  }
  return related
}

/** How wide the front page's lead photo is shown (`sizes`): beside the headline on a wide screen, full width on a phone. */
export const leadImageSizes = '(min-width: 44rem) 28rem, 100vw'
/** How wide a search result's thumbnail is shown. */
export const thumbnailSizes = '(min-width: 36rem) 8rem, 6rem'
/** How wide a list's photos are shown: a column of the list's grid (16rem and up), full width on a phone. */
export const listImageSizes = '(min-width: 64rem) 18rem, (min-width: 36rem) 45vw, 100vw'

/** The photos readers see with this list's stories, by media id. */
export type ListImages = ReadonlyMap<number, ResponsiveImage & { alt: string }>

/** The lead images of these stories, sized for a list, by media id. */
export async function listImages(
  db: Db,
  stories: readonly Pick<StorySummary, 'leadMediaId'>[],
  sizes = listImageSizes,
): Promise<ListImages> {
  const ids = [...new Set(stories.flatMap((story) => (story.leadMediaId ? [story.leadMediaId] : [])))]
  if (ids.length === 0) return new Map()
  shows(...ids.map(pageKey.media))
  const rows = await db.select().from(media).where(inArray(media.id, ids))
  return new Map(rows.map((row) => [row.id, { ...responsiveImage(row, sizes), alt: row.alt }]))
}

/** A section and every section below it, by id. */
export async function sectionAndDescendants(db: Db, sectionId: number): Promise<number[]> {
  const rows = await db.select({ id: sections.id, parentId: sections.parentId }).from(sections)
  const found = [sectionId]
  for (let index = 0; index < found.length && found.length <= rows.length; index++) {
    found.push(...rows.filter((row) => row.parentId === found[index]).map((row) => row.id))
  }
  return found
}
