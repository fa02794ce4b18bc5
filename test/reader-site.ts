import { afterAll, beforeAll, expect, vi } from 'vitest'
import { sections } from '@/db/schema'
import type { ArticleInputRaw } from '@/lib/article-input'
import { collectShown } from '@/lib/page-keys'
import type { Actor } from '@/lib/permissions'
import { act, editStory, makeStory, openTestNewsroom } from '@/test/newsroom'
import { serveAuthor, serveCorrections, serveTag } from '@/app/(site)/lists'
import { serveNewsSitemap, serveRobots, serveSiteFeed, serveSitemap } from '@/app/(site)/machine-files'
import { serveSitePath } from '@/app/(site)/site-tree'
import type { Db } from '@/db'

// The reader's site as a reader's browser gets it, for the data tests beside the routes in app/(site): a test
// asks for a path and reads the status, the `location` header and the document. Stories are
// written, submitted and published through the real workflow.

/** What a reader's browser gets for a path. */
export type Answer = { status: number; location: string | null; contentType: string | null; body: string }

export const site = 'https://news.example.test'

/** The route Next's router picks for a path (static segments first, then the catch-all), with the test's database. */
function route(db: Db, rawSegments: readonly string[]): Promise<Response> {
  const [first, second, ...rest] = rawSegments
  const below = rawSegments.slice(1)
  if (first === 'robots.txt') return serveRobots(db, below)
  if (first === 'feed.xml') return serveSiteFeed(db, below)
  if (first === 'sitemap.xml') return serveSitemap(db, below)
  if (first === 'news-sitemap.xml') return serveNewsSitemap(db, below)
  if (first === 'corrections') return serveCorrections(db, below)
  if (first === 'authors' && second !== undefined) return serveAuthor(db, second, rest)
  if (first === 'tags' && second !== undefined) return serveTag(db, second, rest)
  return serveSitePath(db, rawSegments)
}

/**
 * A throwaway newsroom with the reader's site on it, for one test file: the site is "The Ledger"
 * at `site`; besides the newsroom's World and Business there are Regions (with Middle East and
 * Europe under it) and Archive. Every story published is a minute newer than the one before.
 */
export async function openReaderSite() {
  const { db, newsroom } = await openTestNewsroom()
  const sectionIds = { regions: 0, middleEast: 0, europe: 0, archive: 0 }
  const minute = 60 * 1000
  // All within the news sitemap's last 48 hours.
  let clock = Date.now() - 40 * 60 * minute
  const tick = () => new Date((clock += minute))

  beforeAll(async () => {
    vi.stubEnv('SITE_URL', `${site}/`)
    vi.stubEnv('SITE_NAME', 'The Ledger')
    vi.stubEnv('SITE_PUBLISHER', 'Ledger Media')
    const [regions] = await db
      .insert(sections)
      .values({ name: 'Regions', slug: 'regions', position: 2, description: 'News by region.' })
      .returning({ id: sections.id })
    if (!regions) throw new Error('no regions section')
    const [middleEast, europe] = await db
      .insert(sections)
      .values([
        { name: 'Middle East', slug: 'middle-east', parentId: regions.id, position: 0 },
        { name: 'Europe', slug: 'europe', parentId: regions.id, position: 1 },
      ])
      .returning({ id: sections.id })
    const [archive] = await db.insert(sections).values({ name: 'Archive', slug: 'archive', position: 3 }).returning({ id: sections.id })
    if (!middleEast || !europe || !archive) throw new Error('no sub-sections')
    Object.assign(sectionIds, { regions: regions.id, middleEast: middleEast.id, europe: europe.id, archive: archive.id })
  })
  afterAll(async () => {
    vi.unstubAllEnvs()
  })

  async function serve(rawSegments: readonly string[]): Promise<Answer> {
    const response = await route(db, rawSegments)
    return {
      status: response.status,
      location: response.headers.get('location'),
      contentType: response.headers.get('content-type'),
      body: await response.text(),
    }
  }

  const get = (path: string) => serve(path.split('/').filter(Boolean))

  /** What a reader gets for a path, with the page keys (lib/page-keys.ts) its making noted. */
  const shown = (path: string) => collectShown(() => get(path))

  /** The document at a path that must answer 200. */
  async function page(path: string): Promise<string> {
    const answer = await get(path)
    expect(answer.status, `${path} should answer 200`).toBe(200)
    return answer.body
  }

  /** A story written by `by` (the writer), with these fields, submitted and published by the editor. */
  async function publishedStory(
    headline: string,
    fields: Partial<ArticleInputRaw> = {},
    options: { sectionId?: number; by?: Actor } = {},
  ): Promise<number> {
    const now = tick()
    const by = options.by ?? newsroom.writer
    const id = await makeStory(db, newsroom, { headline, sectionId: options.sectionId, by, now })
    if (Object.keys(fields).length > 0) await editStory(db, by, id, fields, { now })
    await act(db, by, id, 'submit', { now })
    await act(db, newsroom.editor, id, 'publish', { now })
    return id
  }

  /** The editor changes a published story; with `publish`, the change goes live. */
  async function revise(id: number, fields: Partial<ArticleInputRaw>, options: { publish: boolean }): Promise<void> {
    const now = tick()
    await editStory(db, newsroom.editor, id, fields, { now })
    if (options.publish) await act(db, newsroom.editor, id, 'publish', { now })
  }

  return { db, newsroom, sectionIds, tick, serve, get, shown, page, publishedStory, revise }
}

/** The text a reader reads: tags dropped, entities decoded, spaces collapsed. */
export function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The first piece of a page matching `pattern`; the test fails when there is none. */
export function part(body: string, pattern: RegExp): string {
  const found = body.match(pattern)
  expect(found, `no ${pattern} in the page`).not.toBeNull()
  return found?.[0] ?? ''
}

/** Every `href` in a piece of markup, in order. */
export const hrefs = (markup: string) => [...markup.matchAll(/href="([^"]*)"/g)].map((match) => match[1])

/** The page's JSON-LD, as its raw text and parsed. */
export function jsonLd(body: string): { raw: string; data: Record<string, unknown> } {
  const found = body.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)
  const raw = found?.[1] ?? ''
  expect(raw).not.toBe('')
  return { raw, data: JSON.parse(raw) as Record<string, unknown> }
}

/** The links on a page to addresses starting with `prefix`, in order. */
export const linksTo = (body: string, prefix: string) => hrefs(body).filter((href) => href?.startsWith(prefix))
