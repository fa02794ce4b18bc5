import 'server-only'
import type { PublicStory } from '@/lib/public-articles'
import { type SiteSettings, absoluteUrl } from '@/lib/site'

// What reader's pages tell search engines about themselves, as schema.org JSON-LD. Every type and
// property used here is described, with the properties Google asks for, in
// test/structured-data/vocabulary.ts, and app/(site)/structured-data.data.test.ts checks every
// block of every page type against it.

/** One schema.org node. */
export type JsonLd = { '@type': string; [property: string]: unknown }

/** The publisher of everything on the site: its name, address, logo and the pages saying how it works. */
export function publisher(site: SiteSettings): JsonLd {
  const policy = (link: string) => (link ? absoluteUrl(link, site) : undefined)
  return withoutEmpty({
    '@type': 'NewsMediaOrganization',
    name: site.publisher,
    url: site.url,
    logo: site.logo
      ? { '@type': 'ImageObject', url: absoluteUrl(site.logo.src, site), width: site.logo.width, height: site.logo.height }
      : undefined,
    publishingPrinciples: policy(site.ethicsPolicy),
    ethicsPolicy: policy(site.ethicsPolicy),
    correctionsPolicy: policy(site.correctionsPolicy),
    masthead: policy(site.masthead),
  })
}

/** The story as a schema.org `NewsArticle`. */
export function newsArticle(story: PublicStory, address: string, site: SiteSettings): JsonLd {
  const image = story.lead ? absoluteUrl(story.lead.src, site) : null
  return withoutEmpty({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    description: story.standfirst,
    url: address,
    mainEntityOfPage: address,
    datePublished: story.firstPublishedAt?.toISOString(),
    dateModified: (story.publishedAt ?? story.firstPublishedAt)?.toISOString(),
    author: story.bylines.map((byline) =>
      byline.authorSlug
        ? { '@type': 'Person', name: byline.name, url: absoluteUrl(`/authors/${byline.authorSlug}`, site) }
        : byline.outlet
          ? { '@type': 'Organization', name: `${byline.name} / ${byline.outlet}` }
          : { '@type': 'Person', name: byline.name },
    ),
    publisher: publisher(site),
    image: image ? [image] : undefined,
    articleSection: story.trail.map((crumb) => crumb.name).join(' › ') || undefined,
    keywords: story.tags.length > 0 ? story.tags.join(', ') : undefined,
  })
}

/** The node without its undefined and empty-text properties: a property with nothing to say is left out. */
function withoutEmpty(node: JsonLd): JsonLd {
  return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined && value !== '')) as JsonLd
}
