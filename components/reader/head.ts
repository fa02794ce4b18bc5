import 'server-only'
import { type SafeHtml, html, jsonForScript, url } from '@/lib/html'
import { safeUrl } from '@/lib/safe-url'
import type { SiteSettings } from '@/lib/site'
import type { JsonLd } from './structured-data'

/** A feed a page offers besides the site's own (`/feed.xml`): a section's. */
export type FeedLink = { title: string; path: string }

/** What a link preview shows of a story (Open Graph, and a Twitter card made from the same). */
export type OpenGraph = {
  title: string
  description: string
  /** The page's absolute address. */
  url: string
  /** An absolute address, the file's size in pixels, and its alt text. */
  image?: { url: string; width: number; height: number; alt: string }
  publishedTime?: Date
  modifiedTime?: Date
  /** The story's section, by name. */
  section?: string
  tags?: readonly string[]
}

/** Everything a reader's page says about itself in its `<head>`. */
export type PageHead = {
  /** The page's own title; the site's name is added after it (the front page passes the site's name). */
  title: string
  description?: string
  /** Site path of the page's one true address, for `<link rel=canonical>`. */
  canonicalPath?: string
  /** Kept out of search engines (desk previews, search results, error pages). */
  noindex?: boolean
  feeds?: readonly FeedLink[]
  openGraph?: OpenGraph
  /** What the page is, for search engines: schema.org descriptions (components/reader/structured-data.ts), a JSON-LD block each. */
  jsonLd?: readonly JsonLd[]
}

/** The `<head>` tags of a reader's page after its charset and viewport: title, description, addresses, previews. */
export function headTags(head: PageHead, site: SiteSettings): SafeHtml {
  const title = head.title === site.name ? site.name : `${head.title} · ${site.name}`
  const more = [
    ...(head.feeds ?? []).map(
      (feed) =>
        html`<link rel="alternate" type="application/rss+xml" title="${feed.title}" href="${url(safeUrl(`${feed.path}/feed.xml`))}">`,
    ),
    head.openGraph ? openGraphTags(head.openGraph, site) : null,
    ...(head.jsonLd ?? []).map((block) => html`<script type="application/ld+json">${jsonForScript(block)}</script>`),
  ].filter((tag) => tag !== null)
  return html`<title>${title}</title>
${head.description ? html`<meta name="description" content="${head.description}">` : ''}
${head.canonicalPath ? html`<link rel="canonical" href="${url(safeUrl(`${site.url}${head.canonicalPath}`))}">` : ''}
${head.noindex ? html`<meta name="robots" content="noindex, nofollow">` : html`<meta name="robots" content="max-image-preview:large">`}
<link rel="alternate" type="application/rss+xml" title="${site.name}" href="/feed.xml">
${more.map((tag, index) => (index === 0 ? tag : html`\n${tag}`))}`
}

function openGraphTags(graph: OpenGraph, site: SiteSettings): SafeHtml {
  const image = graph.image ? { ...graph.image, address: url(safeUrl(graph.image.url)) } : null
  return html`<meta property="og:type" content="article">
<meta property="og:site_name" content="${site.name}">
<meta property="og:title" content="${graph.title}">
<meta property="og:description" content="${graph.description}">
<meta property="og:url" content="${url(safeUrl(graph.url))}">
${
  image
    ? html`<meta property="og:image" content="${image.address}">
<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
<meta property="og:image:alt" content="${image.alt}">`
    : ''
}
${graph.publishedTime ? html`<meta property="article:published_time" content="${graph.publishedTime.toISOString()}">` : ''}
${graph.modifiedTime ? html`<meta property="article:modified_time" content="${graph.modifiedTime.toISOString()}">` : ''}
${graph.section ? html`<meta property="article:section" content="${graph.section}">` : ''}
${(graph.tags ?? []).map((tag) => html`<meta property="article:tag" content="${tag}">`)}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${graph.title}">
<meta name="twitter:description" content="${graph.description}">
${
  image
    ? html`<meta name="twitter:image" content="${image.address}">
<meta name="twitter:image:alt" content="${image.alt}">`
    : ''
}`
}
