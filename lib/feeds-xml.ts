// The XML of feeds and sitemaps, from plain items (lib/feeds.ts queries them).

/** The feed itself: its title, page, description, own address, and when its content last changed. */
export type FeedChannel = {
  title: string
  link: string
  description: string
  /** The publication's language, as a BCP 47 tag (`en`, `pt-BR`). */
  language: string
  selfLink: string
  lastBuildDate: Date | null
}
/** One story in a feed; `creator` is its bylines as one line, `imageUrl` its lead image, if any. */
export type FeedItem = {
  title: string
  link: string
  description: string
  pubDate: Date
  creator: string
  category: string
  imageUrl: string | null
}
export type SitemapEntry = { loc: string; lastmod: Date | null }
export type NewsSitemapEntry = { loc: string; title: string; publicationDate: Date }

// XML 1.0 forbids these even escaped: control characters, lone surrogates, U+FFFE and U+FFFF.
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text safe inside an XML element or a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(notXml, '').replace(/[&<>"']/g, (char) => entities[char] ?? char)
}

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`
}

function xmlDocument(lines: readonly string[]): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', ...lines.filter(Boolean), ''].join('\n')
}

/** An RSS 2.0 document; dates are written as RFC 822 requires. */
export function renderRss(channel: FeedChannel, items: readonly FeedItem[]): string {
  return xmlDocument([
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.link),
    element('description', channel.description),
    element('language', channel.language),
    channel.lastBuildDate ? element('lastBuildDate', channel.lastBuildDate.toUTCString()) : '',
    `<atom:link href="${escapeXml(channel.selfLink)}" rel="self" type="application/rss+xml"/>`,
    ...items.map(rssItem),
    '</channel>',
    '</rss>',
  ])
}

function rssItem(item: FeedItem): string {
  return [
    '<item>',
    element('title', item.title),
    element('link', item.link),
    `<guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
    element('description', item.description),
    element('pubDate', item.pubDate.toUTCString()),
    item.creator ? element('dc:creator', item.creator) : '',
    item.category ? element('category', item.category) : '',
    item.imageUrl ? `<media:content url="${escapeXml(item.imageUrl)}" medium="image"/>` : '',
    '</item>',
  ]
    .filter(Boolean)
    .join('\n')
}

/** A sitemap (sitemaps.org 0.9). */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  return xmlDocument([
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(
      (entry) => `<url>${element('loc', entry.loc)}${entry.lastmod ? element('lastmod', entry.lastmod.toISOString()) : ''}</url>`,
    ),
    '</urlset>',
  ])
}

/** A Google News sitemap: each story with the publication's name and language. */
export function renderNewsSitemap(publication: { name: string; language: string }, entries: readonly NewsSitemapEntry[]): string {
  const about = `<news:publication>${element('news:name', publication.name)}${element('news:language', publication.language)}</news:publication>`
  return xmlDocument([
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...entries.map(
      (entry) =>
        `<url>${element('loc', entry.loc)}<news:news>${about}${element('news:publication_date', entry.publicationDate.toISOString())}${element('news:title', entry.title)}</news:news></url>`,
    ),
    '</urlset>',
  ])
}
