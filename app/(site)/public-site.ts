import 'server-only'
import { asc, eq, isNull } from 'drizzle-orm'
import { type HomeContent, authorPage, correctionsPage, errorPage, homePage, sectionPage, tagPage } from '@/components/reader/list-pages'
import { storyPage } from '@/components/reader/story-page'
import type { Db } from '@/db'
import { sections, tags, users } from '@/db/schema'
import { listCorrections, listRecentCorrections } from '@/lib/corrections'
import { newsSitemapXml, robotsTxt, rssFeed, sitemapXml } from '@/lib/feeds'
import { htmlDocument, movedPermanently, textDocument, xmlDocument } from '@/lib/http'
import { findStoryAt } from '@/lib/public-articles'
import {
  bylinedTo,
  inSections,
  listImages,
  listPublicStories,
  listRelatedStories,
  pageOfPublicStories,
  sectionAndDescendants,
  tagSpellingsBySlug,
  taggedWith,
} from '@/lib/public-lists'
import { readerChrome } from '@/lib/reader-chrome'
import { type SectionCrumb, sectionAt, sectionTrails } from '@/lib/sections'

/** A path segment readers can meet: slugs, page numbers, `feed.xml`. Anything else is a 404 without a query. */
const segmentPattern = /^[a-z0-9][a-z0-9._-]{0,199}$/
const maxSegments = 12

/**
 * Everything readers can ask for outside the desk, by path: the front page, sections and their
 * pages and feeds, stories (and the 301s and 410s of moved and removed ones), authors, tags,
 * corrections, feeds, sitemaps and robots.txt. Search is the one reader's page elsewhere
 * (`app/(site)/search`), because it depends on the query string.
 */
export async function servePublicPath(db: Db, rawSegments: readonly string[]): Promise<Response> {
  const segments = decodeSegments(rawSegments)
  if (!segments) return notFound(db)
  const [first, second, ...rest] = segments

  if (!first) return htmlDocument(homePage(await homeContent(db), await readerChrome(db)))
  if (segments.length === 1) {
    if (first === 'robots.txt') return textDocument(robotsTxt())
    if (first === 'feed.xml') return xmlDocument((await rssFeed(db)) ?? '', 'application/rss+xml')
    if (first === 'sitemap.xml') return xmlDocument(await sitemapXml(db))
    if (first === 'news-sitemap.xml') return xmlDocument(await newsSitemapXml(db))
  }
  if (first === 'corrections') return servePaged(db, '/corrections', [second, ...rest], (page) => correctionsList(db, page))
  if (first === 'authors' && second) return servePaged(db, `/authors/${second}`, rest, (page) => authorList(db, second, page))
  if (first === 'tags' && second) return servePaged(db, `/tags/${second}`, rest, (page) => tagList(db, second, page))

  const section = await findSection(db, segments)
  if (section) {
    const after = segments.slice(section.trail.length)
    if (after.length === 1 && after[0] === 'feed.xml')
      return xmlDocument((await rssFeed(db, segments.slice(0, -1))) ?? '', 'application/rss+xml')
    if (after.length === 0 || after[0] === 'page')
      return servePaged(db, section.trail.at(-1)?.path ?? '/', after, (page) => sectionList(db, section, page))
  }
  const found = await findStoryAt(db, segments)
  if (!found) return notFound(db)
  if (found.kind === 'moved') return movedPermanently(found.to)
  if (found.kind === 'gone') return htmlDocument(errorPage(410, await readerChrome(db)), 410)
  const [corrections, related, chrome] = await Promise.all([
    listCorrections(db, found.story.id),
    listRelatedStories(db, found.story),
    readerChrome(db),
  ])
  return htmlDocument(storyPage({ story: found.story, corrections, related }, chrome))
}

function decodeSegments(rawSegments: readonly string[]): string[] | null {
  if (rawSegments.length > maxSegments) return null
  const segments: string[] = []
  for (const raw of rawSegments) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (!segmentPattern.test(segment)) return null
    segments.push(segment)
  }
  return segments
}

async function notFound(db: Db): Promise<Response> {
  return htmlDocument(errorPage(404, await readerChrome(db)), 404)
}

/**
 * A list that runs over pages: `base` is page 1, `base/page/N` the others. `/page/1` moves to
 * `base`; page numbers that are not whole numbers from 2, or past the last page, are not found.
 */
async function servePaged(
  db: Db,
  basePath: string,
  after: readonly (string | undefined)[],
  render: (page: number) => Promise<string | null>,
): Promise<Response> {
  const tail = after.filter((segment) => segment !== undefined)
  let page = 1
  if (tail.length > 0) {
    if (tail.length !== 2 || tail[0] !== 'page' || !/^[1-9][0-9]{0,5}$/.test(tail[1] ?? '')) return notFound(db)
    page = Number(tail[1])
    if (page === 1) return movedPermanently(basePath)
  }
  const document = await render(page)
  return document === null ? notFound(db) : htmlDocument(document)
}

const homeRailSize = 4

async function homeContent(db: Db): Promise<HomeContent> {
  const [latest, topSections, trails] = await Promise.all([
    listPublicStories(db, { limit: 9 }),
    db.select({ id: sections.id }).from(sections).where(isNull(sections.parentId)).orderBy(asc(sections.position), asc(sections.name)),
    sectionTrails(db),
  ])
  const lead = latest.find((story) => story.leadMediaId !== null) ?? latest[0] ?? null
  const rails = await Promise.all(
    topSections.map(async ({ id }) => ({
      section: trails.get(id)?.at(-1) ?? { id, name: '', slug: '', path: '' },
      stories: await listPublicStories(db, { where: inSections(await sectionAndDescendants(db, id)), limit: homeRailSize }),
    })),
  )
  const leadImage = lead ? ((await listImages(db, [lead], '(min-width: 44rem) 28rem, 100vw')).get(lead.leadMediaId ?? 0) ?? null) : null
  return { lead, leadImage, latest: latest.filter((story) => story !== lead), rails: rails.filter((rail) => rail.stories.length > 0) }
}

type FoundSection = { id: number; description: string; trail: SectionCrumb[] }

/** The section whose path starts `segments` the furthest (`regions/middle-east` in `regions/middle-east/<slug>`). */
async function findSection(db: Db, segments: readonly string[]): Promise<FoundSection | null> {
  const trails = await sectionTrails(db)
  for (let depth = segments.length; depth > 0; depth--) {
    const section = sectionAt(trails, `/${segments.slice(0, depth).join('/')}`)
    if (!section) continue
    const [row] = await db.select({ description: sections.description }).from(sections).where(eq(sections.id, section.id))
    return { id: section.id, description: row?.description ?? '', trail: trails.get(section.id) ?? [] }
  }
  return null
}

async function sectionList(db: Db, section: FoundSection, page: number): Promise<string | null> {
  const [stories, trails, children, chrome] = await Promise.all([
    pageOfPublicStories(db, inSections(await sectionAndDescendants(db, section.id)), page),
    sectionTrails(db),
    db
      .select({ id: sections.id })
      .from(sections)
      .where(eq(sections.parentId, section.id))
      .orderBy(asc(sections.position), asc(sections.name)),
    readerChrome(db),
  ])
  if (page > stories.pageCount) return null
  const subsections = children.flatMap(({ id }) => trails.get(id)?.slice(-1) ?? [])
  return sectionPage({ trail: section.trail, description: section.description, subsections, stories }, chrome)
}

async function authorList(db: Db, slug: string, page: number): Promise<string | null> {
  const [author] = await db
    .select({ id: users.id, name: users.name, slug: users.slug, bio: users.bio })
    .from(users)
    .where(eq(users.slug, slug))
  if (!author) return null
  const stories = await pageOfPublicStories(db, bylinedTo(author.id), page)
  // A colleague who has never had a story published has no public page.
  if (stories.total === 0 || page > stories.pageCount) return null
  return authorPage({ ...author, stories }, await readerChrome(db))
}

async function tagList(db: Db, slug: string, page: number): Promise<string | null> {
  const spellings = (await tagSpellingsBySlug(db)).get(slug) ?? []
  if (spellings.length === 0) return null
  const [tag] = await db.select({ name: tags.name }).from(tags).where(eq(tags.slug, slug))
  const stories = await pageOfPublicStories(db, taggedWith(spellings), page)
  if (page > stories.pageCount) return null
  return tagPage({ name: tag?.name ?? spellings[0] ?? slug, slug, stories }, await readerChrome(db))
}

async function correctionsList(db: Db, page: number): Promise<string | null> {
  const corrections = await listRecentCorrections(db, { page })
  if (page > corrections.pageCount) return null
  return correctionsPage(corrections, await readerChrome(db))
}
