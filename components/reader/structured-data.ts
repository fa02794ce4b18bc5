import 'server-only'
import { type PublicCorrection, storyLastModified } from '@/lib/corrections'
import type { PublicByline, PublicStory } from '@/lib/public-articles'
import { type SiteSettings, absoluteUrl } from '@/lib/site'

// What reader's pages tell search engines about themselves, as schema.org JSON-LD. Every type and
// property used here is described, with the properties Google asks for, in
// test/structured-data/vocabulary.ts, and app/(site)/structured-data.data.test.ts checks every
// block of every kind of page against it.

/** One schema.org node. */
export type JsonLd = { '@type': string; [property: string]: unknown }

const context = 'https://schema.org'

/** A staff member as their page shows them (lib/profiles.ts); `photo` one rendition of their photo. */
export type AuthorProfile = {
  name: string
  slug: string
  bio: string
  jobTitle: string
  links: readonly string[]
  photo: { src: string; width: number; height: number } | null
}

/** The publisher of everything on the site: its name, address, logo and the pages saying how it works. */
export function publisher(site: SiteSettings): JsonLd {
  const policy = (link: string) => (link ? absoluteUrl(link, site) : undefined)
  return withoutEmpty({
    '@type': 'NewsMediaOrganization',
    name: site.publisher,
    url: site.url,
    logo: site.logo ? imageObject(site.logo, site) : undefined,
    publishingPrinciples: policy(site.ethicsPolicy),
    ethicsPolicy: policy(site.ethicsPolicy),
    correctionsPolicy: policy(site.correctionsPolicy),
    masthead: policy(site.masthead),
  })
}

/** The site itself, on its front page: its name and address, for the name search engines show. */
export function webSite(site: SiteSettings): JsonLd {
  return withoutEmpty({
    '@context': context,
    '@type': 'WebSite',
    name: site.name,
    url: `${site.url}/`,
    description: site.description,
    inLanguage: site.language,
    publisher: publisher(site),
  })
}

/** Where a page sits: Home, then each place on the way (`{ name, path }`), the page itself last. */
export function breadcrumbList(places: readonly { name: string; path: string }[], site: SiteSettings): JsonLd {
  return {
    '@context': context,
    '@type': 'BreadcrumbList',
    itemListElement: [{ name: site.name, path: '/' }, ...places].map((place, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: place.name,
      item: absoluteUrl(place.path, site),
    })),
  }
}

/** A staff member's page: a `ProfilePage` about them, as a `Person` with their photo, job and pages elsewhere. */
export function profilePage(author: AuthorProfile, site: SiteSettings): JsonLd {
  return {
    '@context': context,
    '@type': 'ProfilePage',
    mainEntity: withoutEmpty({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(`/authors/${author.slug}`, site),
      description: author.bio,
      jobTitle: author.jobTitle,
      image: author.photo ? imageObject(author.photo, site) : undefined,
      sameAs: author.links.length > 0 ? author.links : undefined,
    }),
  }
}

/**
 * The story as a `NewsArticle`. It was last modified when its live revision was published or
 * when a correction or update under it was added or withdrawn, whichever came last.
 */
export function newsArticle(story: PublicStory, corrections: readonly PublicCorrection[], address: string, site: SiteSettings): JsonLd {
  const lastModified = storyLastModified(story, corrections)
  const standing = corrections.filter((correction) => correction.kind === 'correction' && !correction.retractedAt)
  return withoutEmpty({
    '@context': context,
    '@type': 'NewsArticle',
    headline: story.headline,
    description: story.standfirst,
    dateline: story.dateline,
    url: address,
    mainEntityOfPage: address,
    inLanguage: site.language,
    datePublished: story.firstPublishedAt?.toISOString(),
    dateModified: lastModified?.toISOString(),
    author: story.bylines.map((byline) => author(byline, site)),
    publisher: publisher(site),
    image: story.lead ? story.lead.forSearch.map((image) => imageObject(image, site)) : undefined,
    articleSection: story.trail.map((crumb) => crumb.name).join(' › '),
    keywords: story.tags.join(', '),
    correction:
      standing.length > 0
        ? standing.map((correction) => ({
            '@type': 'CorrectionComment',
            text: correction.body,
            datePublished: correction.createdAt.toISOString(),
          }))
        : undefined,
  })
}

/** A byline as a `Person`: staff with their page; an outside contributor with the outlet they write for. */
function author(byline: PublicByline, site: SiteSettings): JsonLd {
  if (byline.authorSlug) return { '@type': 'Person', name: byline.name, url: absoluteUrl(`/authors/${byline.authorSlug}`, site) }
  if (byline.outlet) return { '@type': 'Person', name: byline.name, affiliation: { '@type': 'Organization', name: byline.outlet } }
  return { '@type': 'Person', name: byline.name }
}

function imageObject(image: { src: string; width: number; height: number }, site: SiteSettings): JsonLd {
  return { '@type': 'ImageObject', url: absoluteUrl(image.src, site), width: image.width, height: image.height }
}

/** The node without its undefined and empty-text properties: a property with nothing to say is left out. */
function withoutEmpty(node: JsonLd): JsonLd {
  return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined && value !== '')) as JsonLd
}
