import 'server-only'
import type { Db } from '@/db'
import { newsSitemapXml, robotsTxtOf, rssFeed, sitemapXml } from '@/lib/feeds'
import { textDocument, xmlDocument } from '@/lib/http'
import { notFound } from './reader-response'

// The site's addresses for machines: robots.txt, the whole site's feed and the sitemaps. Each
// is one address: anything below it (`/feed.xml/feed.xml`) is not found.

export async function serveRobots(db: Db, rest: readonly string[]): Promise<Response> {
  return rest.length > 0 ? notFound(db) : textDocument(await robotsTxtOf(db))
}

export async function serveSiteFeed(db: Db, rest: readonly string[]): Promise<Response> {
  return rest.length > 0 ? notFound(db) : xmlDocument((await rssFeed(db)) ?? '', 'application/rss+xml')
}

export async function serveSitemap(db: Db, rest: readonly string[]): Promise<Response> {
  return rest.length > 0 ? notFound(db) : xmlDocument(await sitemapXml(db))
}

export async function serveNewsSitemap(db: Db, rest: readonly string[]): Promise<Response> {
  return rest.length > 0 ? notFound(db) : xmlDocument(await newsSitemapXml(db))
}
