import 'server-only'
import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm'
import type { Db } from '@/db'
import { type Byline, articles, media, revisions, sections, users } from '@/db/schema'
import { type FeedItem, renderNewsSitemap, renderRss, renderSitemap } from './feeds-xml'
import { displaySrc } from './media/urls'
import { publiclyVisible } from './public-articles'
import { pageKey, shows, showsStories } from './page-keys'
import { type StoryFilter, everyPublicStory, inSectionTree, narrowed } from './public-lists'
import { type SectionCrumb, sectionAt, sectionTrails, storyPath } from './sections'
import { type SiteSettings, absoluteUrl, readSiteSettings } from './site'
import { footerPages } from './site-pages'
import { slugify } from './slug'

// The reader's site for machines: RSS feeds, sitemaps and robots.txt. Like every public list,
// they show each story's live revision only, never a newer draft.

export { escapeXml } from './feeds-xml'

const feedLength = 50
// A sitemap holds at most 50,000 addresses; sections, authors and tags need some of them. A
// larger archive needs a sitemap index.
const sitemapStoryLimit = 45_000
// Google News reads stories from the last two days, at most 1,000 of them.
const newsWindowMs = 48 * 60 * 60 * 1000
const newsSitemapLimit = 1000

/**
 * RSS 2.0 of the newest public stories: the whole site's, or a section's with its sub-sections'
 * (`['regions', 'middle-east']`). Null when there is no section at that path.
 */
export async function rssFeed(db: Db, sectionPath: readonly string[] = []): Promise<string | null> {
  const trails = await sectionTrails(db)
  const section = sectionPath.length > 0 ? await findSection(db, trails, `/${sectionPath.join('/')}`) : null
  if (sectionPath.length > 0 && !section) return null
  const rows = await publicRows(db, section ? await inSectionTree(db, section.id) : everyPublicStory, feedLength)
  const staff = await staffById(db, rows)
  const settings = await readSiteSettings(db)
  const items = rows.map((row): FeedItem => ({
    title: row.headline,
    link: absoluteUrl(storyPath(trails, row.sectionId, row.slug), settings),
    description: row.standfirst,
    pubDate: row.firstPublishedAt ?? new Date(0),
    creator: creditLine(row.bylines, staff),
    category: trails.get(row.sectionId)?.at(-1)?.name ?? '',
    imageUrl: row.leadKey ? absoluteUrl(displaySrc({ storageKey: row.leadKey, variants: row.leadVariants ?? [] }), settings) : null,
  }))
  return renderRss(
    {
      title: section ? `${section.name} · ${settings.name}` : settings.name,
      link: absoluteUrl(section?.path ?? '/', settings),
      description: section?.description || settings.description,
      language: settings.language,
      selfLink: absoluteUrl(`${section?.path ?? ''}/feed.xml`, settings),
      lastBuildDate: newest(rows.map((row) => row.publishedAt)),
    },
    items,
  )
}

/** Every public page: home, sections, stories (with when they last changed), their authors and tags, the standing pages. */
export async function sitemapXml(db: Db): Promise<string> {
  shows(pageKey.everyStory)
  const [trails, rows, standing] = await Promise.all([
    sectionTrails(db),
    publicRows(db, everyPublicStory, sitemapStoryLimit),
    footerPages(db),
  ])
  const staff = await staffById(db, rows)
  const settings = await readSiteSettings(db)
  const url = (path: string) => absoluteUrl(path, settings)
  const sectionPaths = [...trails.values()].flatMap((trail) => trail.slice(-1).map((crumb) => crumb.path))
  const authorSlugs = [...staff.values()].map((person) => person.slug)
  const tagSlugs = new Set(rows.flatMap((row) => row.tags.map((name) => slugify(name))).filter(Boolean))
  return renderSitemap([
    { loc: url('/'), lastmod: newest(rows.map((row) => row.publishedAt)) },
    ...sectionPaths.sort().map((path) => ({ loc: url(path), lastmod: null })),
    ...rows.map((row) => ({ loc: url(storyPath(trails, row.sectionId, row.slug)), lastmod: row.publishedAt })),
    ...authorSlugs.sort().map((slug) => ({ loc: url(`/authors/${slug}`), lastmod: null })),
    ...[...tagSlugs].sort().map((slug) => ({ loc: url(`/tags/${slug}`), lastmod: null })),
    ...standing.map((page) => ({ loc: url(page.path), lastmod: null })),
  ])
}

/** A Google News sitemap: the public stories first published in the 48 hours up to `now`. */
export async function newsSitemapXml(db: Db, now: Date = new Date()): Promise<string> {
  const since = new Date(now.getTime() - newsWindowMs)
  const recent = and(gte(articles.firstPublishedAt, since), lte(articles.firstPublishedAt, now))
  const [trails, rows] = await Promise.all([sectionTrails(db), publicRows(db, narrowed(everyPublicStory, recent), newsSitemapLimit)])
  const settings = await readSiteSettings(db)
  return renderNewsSitemap(
    { name: settings.name, language: settings.language },
    rows.map((row) => ({
      loc: absoluteUrl(storyPath(trails, row.sectionId, row.slug), settings),
      title: row.headline,
      publicationDate: row.firstPublishedAt ?? now,
    })),
  )
}

/** Crawlers may read the reader's site, not the newsroom, sign-in or API; and where the sitemaps are. */
export async function robotsTxtOf(db: Db): Promise<string> {
  return robotsTxt(await readSiteSettings(db))
}

export function robotsTxt(settings: Pick<SiteSettings, 'url'>): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /desk',
    'Disallow: /login',
    'Disallow: /api',
    '',
    `Sitemap: ${absoluteUrl('/sitemap.xml', settings)}`,
    `Sitemap: ${absoluteUrl('/news-sitemap.xml', settings)}`,
    '',
  ].join('\n')
}

/** The newest public stories the filter holds, first published first, from their live revision. */
async function publicRows(db: Db, filter: StoryFilter, limit: number) {
  shows(...filter.keys)
  const rows = await db
    .select({
      id: articles.id,
      sectionId: articles.sectionId,
      slug: articles.slug,
      firstPublishedAt: articles.firstPublishedAt,
      publishedAt: articles.publishedAt,
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      bylines: revisions.bylines,
      tags: revisions.tags,
      leadKey: media.storageKey,
      leadVariants: media.variants,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(media, eq(media.id, revisions.leadMediaId))
    .where(and(publiclyVisible, filter.where))
    .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
    .limit(limit)
  showsStories(rows.map((row) => row.id))
  return rows
}

type Staff = Map<number, { name: string; slug: string }>

/** The staff members these stories' bylines name, by id; accounts that no longer exist are left out. */
async function staffById(db: Db, rows: readonly { bylines: readonly Byline[] }[]): Promise<Staff> {
  const ids = [...new Set(rows.flatMap((row) => row.bylines.flatMap((byline) => ('userId' in byline ? [byline.userId] : []))))]
  if (ids.length === 0) return new Map()
  shows(...ids.map(pageKey.person))
  const people = await db.select({ id: users.id, name: users.name, slug: users.slug }).from(users).where(inArray(users.id, ids))
  return new Map(people.map((person) => [person.id, { name: person.name, slug: person.slug }]))
}

/** "Name, Name / Outlet", as the story page credits them. */
function creditLine(bylines: readonly Byline[], staff: Staff): string {
  return bylines
    .flatMap((byline) => {
      if ('userId' in byline) return staff.get(byline.userId)?.name ?? []
      return byline.outlet ? `${byline.name} / ${byline.outlet}` : byline.name
    })
    .join(', ')
}

async function findSection(db: Db, trails: ReadonlyMap<number, readonly SectionCrumb[]>, path: string) {
  const found = sectionAt(trails, path)
  if (!found) return null
  const [section] = await db
    .select({ id: sections.id, name: sections.name, description: sections.description })
    .from(sections)
    .where(eq(sections.id, found.id))
  return section ? { ...section, path } : null
}

function newest(dates: readonly (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((latest, date) => (date && (!latest || date > latest) ? date : latest), null)
}
