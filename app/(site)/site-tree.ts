import 'server-only'
import { asc, eq, isNull, notInArray } from 'drizzle-orm'
import { type HomeContent, errorPage, homePage, sectionPage } from '@/components/reader/list-pages'
import { sitePageDocument } from '@/components/reader/site-page'
import { storyPage } from '@/components/reader/story-page'
import type { Db } from '@/db'
import { articles, sections } from '@/db/schema'
import { listCorrections } from '@/lib/corrections'
import { rssFeed } from '@/lib/feeds'
import { htmlDocument, movedPermanently, xmlDocument } from '@/lib/http'
import { findStoryAt } from '@/lib/public-articles'
import { frontPageRules, shownAtTop } from '@/lib/front-page'
import { frontPageTop } from '@/lib/pins'
import { listSectionPins } from '@/lib/section-pins'
import {
  inSectionTree,
  leadImageSizes,
  listImageSizes,
  listImages,
  listPublicStories,
  listRelatedStories,
  narrowed,
  pageOfPublicStories,
} from '@/lib/public-lists'
import { readerChrome } from '@/lib/reader-chrome'
import { type SectionCrumb, findSectionMove, sectionAt, sectionTrails } from '@/lib/sections'
import { type SitePageSlug, findSitePage, isSitePageSlug } from '@/lib/site-pages'
import { decodeSegments, notFound, servePaged } from './reader-response'

/**
 * The addresses whose shape the newsroom decides: the front page (no segments), a standing page
 * (`/about`, `/ethics`…: lib/site-pages.ts; they come before the section tree, so no top-level
 * section may take one of their slugs), a section of the tree (`/regions/middle-east`, its pages and its feed) and a story (`/regions/middle-east/<slug>`,
 * with the 301s and 410s of moved and removed ones). Every other reader's address has its own
 * route (robots.txt, feed.xml, sitemaps, authors, tags, corrections, search).
 */
export async function serveSitePath(db: Db, rawSegments: readonly string[]): Promise<Response> {
  const segments = decodeSegments(rawSegments)
  if (!segments) return notFound(db)
  if (segments.length === 0) return htmlDocument(homePage(await homeContent(db), await readerChrome(db)))
  const [first] = segments
  if (segments.length === 1 && first !== undefined && isSitePageSlug(first)) return serveSitePage(db, first)

  const section = await findSection(db, segments)
  if (section) {
    const after = segments.slice(section.trail.length)
    if (after.length === 1 && after[0] === 'feed.xml')
      return xmlDocument((await rssFeed(db, segments.slice(0, -1))) ?? '', 'application/rss+xml')
    if (after.length === 0 || after[0] === 'page')
      return servePaged(db, section.trail.at(-1)?.path ?? '/', after, (page) => sectionList(db, section, page))
  }
  const found = await findStoryAt(db, segments)
  if (!found) {
    const moved = await findSectionMove(db, segments)
    return moved === null ? notFound(db) : movedPermanently(moved)
  }
  if (found.kind === 'moved') return movedPermanently(found.to)
  if (found.kind === 'gone') return htmlDocument(errorPage(410, await readerChrome(db)), 410)
  const [corrections, related, chrome] = await Promise.all([
    listCorrections(db, found.story.id),
    listRelatedStories(db, found.story),
    readerChrome(db),
  ])
  return htmlDocument(storyPage({ story: found.story, corrections, related }, chrome))
}

async function homeContent(db: Db): Promise<HomeContent> {
  const [{ lead, secondaries }, topSections, trails] = await Promise.all([
    frontPageTop(db),
    db.select({ id: sections.id }).from(sections).where(isNull(sections.parentId)).orderBy(asc(sections.position), asc(sections.name)),
    sectionTrails(db),
  ])
  const top = { lead, secondaries }
  const shown = shownAtTop(top)
  const rails = await Promise.all(
    topSections.map(async ({ id }) => {
      const inSection = await inSectionTree(db, id)
      const filter = shown.length > 0 ? narrowed(inSection, notInArray(articles.id, shown)) : inSection
      return {
        section: trails.get(id)?.at(-1) ?? { id, name: '', slug: '', path: '' },
        stories: await listPublicStories(db, { filter, limit: frontPageRules.railSize }),
      }
    }),
  )
  const [leadImages, images] = await Promise.all([
    listImages(db, top.lead ? [top.lead] : [], leadImageSizes),
    listImages(db, [...top.secondaries, ...rails.flatMap((rail) => rail.stories)], listImageSizes),
  ])
  return { ...top, leadImages, images, rails: rails.filter((rail) => rail.stories.length > 0) }
}

/** A standing page (`/about`, `/ethics`, …); one with no text is not there. */
async function serveSitePage(db: Db, slug: SitePageSlug): Promise<Response> {
  const page = await findSitePage(db, slug)
  if (!page) return notFound(db)
  return htmlDocument(sitePageDocument(page, await readerChrome(db)))
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
    pageOfPublicStories(db, await inSectionTree(db, section.id), page),
    sectionTrails(db),
    db
      .select({ id: sections.id })
      .from(sections)
      .where(eq(sections.parentId, section.id))
      .orderBy(asc(sections.position), asc(sections.name)),
    readerChrome(db),
  ])
  if (page > stories.pageCount) return null
  // Stories an editor pinned lead the first page, in their order.
  const pinned = page === 1 ? await listSectionPins(db, section.id) : []
  const listed = { ...stories, stories: [...pinned, ...stories.stories.filter((story) => !pinned.some((lead) => lead.id === story.id))] }
  const subsections = children.flatMap(({ id }) => trails.get(id)?.slice(-1) ?? [])
  const images = await listImages(db, listed.stories)
  return sectionPage({ trail: section.trail, description: section.description, subsections, stories: listed, images }, chrome)
}
