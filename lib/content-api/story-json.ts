import 'server-only'
import { type PublicCorrection, storyLastModified } from '../corrections'
import type { PublicStory } from '../public-articles'
import { renderRichText } from '../rich-text'
import { type SiteSettings, absoluteUrl } from '../site'
import { slugify } from '../slug'

// A story as the Content API gives it: what its reader's page shows, as data. Built from the
// reader's own `PublicStory` (lib/public-articles.ts), so nothing a reader cannot see can be here.

export const apiBase = '/api/v1'

/** The API's own address of a story. */
export function storyHref(id: number): string {
  return `${apiBase}/stories/${id}`
}

export type ApiSectionRef = { id: number; name: string; path: string }
export type ApiTagRef = { name: string; slug: string }

/** A tag as stories name it, with the slug its page and the API's `tag` filter know it by. */
export function tagRef(name: string): ApiTagRef {
  return { name, slug: slugify(name) }
}

export type ApiByline = { name: string; outlet: string | null; author: { slug: string; url: string } | null }

export type ApiCorrection = {
  id: number
  kind: 'correction' | 'update'
  body: string
  createdAt: string
  retractedAt: string | null
  retractionNote: string
}

export type ApiStory = {
  id: number
  href: string
  url: string
  path: string
  headline: string
  standfirst: string
  dateline: string
  section: ApiSectionRef
  bylines: ApiByline[]
  tags: ApiTagRef[]
  firstPublishedAt: string
  publishedAt: string
  modifiedAt: string
  lead: { url: string; width: number; height: number; alt: string; caption: string; credit: string } | null
  bodyHtml: string
  corrections: ApiCorrection[]
}

/** A correction as the API gives it. */
export function apiCorrection(correction: PublicCorrection): ApiCorrection {
  return {
    id: correction.id,
    kind: correction.kind,
    body: correction.body,
    createdAt: correction.createdAt.toISOString(),
    retractedAt: correction.retractedAt?.toISOString() ?? null,
    retractionNote: correction.retractionNote,
  }
}

export function apiStory(story: PublicStory, corrections: readonly PublicCorrection[], site: SiteSettings): ApiStory {
  const section = story.trail.at(-1)
  const published = story.publishedAt ?? story.firstPublishedAt ?? new Date(0)
  return {
    id: story.id,
    href: storyHref(story.id),
    url: absoluteUrl(story.path, site),
    path: story.path,
    headline: story.headline,
    standfirst: story.standfirst,
    dateline: story.dateline,
    section: { id: story.sectionId, name: section?.name ?? '', path: section?.path ?? '' },
    bylines: story.bylines.map((byline) => ({
      name: byline.name,
      outlet: byline.outlet,
      author: byline.authorSlug ? { slug: byline.authorSlug, url: absoluteUrl(`/authors/${byline.authorSlug}`, site) } : null,
    })),
    tags: story.tags.map(tagRef),
    firstPublishedAt: (story.firstPublishedAt ?? published).toISOString(),
    publishedAt: published.toISOString(),
    modifiedAt: (storyLastModified(story, corrections) ?? published).toISOString(),
    lead: story.lead
      ? {
          url: absoluteUrl(story.lead.src, site),
          width: story.lead.width,
          height: story.lead.height,
          alt: story.lead.alt,
          caption: story.lead.caption,
          credit: story.lead.credit,
        }
      : null,
    bodyHtml: renderRichText(story.body, story.figureImages),
    corrections: corrections.map(apiCorrection),
  }
}
