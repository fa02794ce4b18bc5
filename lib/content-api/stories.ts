import 'server-only'
import { type SQL, and, desc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { articles, revisions } from '@/db/schema'
import { lastModifiedSql, listCorrections } from '../corrections'
import { pageKey, shows, showsStories } from '../page-keys'
import { findStoryAt, publiclyVisible, storyPlaceColumns } from '../public-articles'
import {
  type StoryFilter,
  bylinedTo,
  countPublicStories,
  everyPublicStory,
  inSectionTree,
  tagSpellingsBySlug,
  taggedWith,
} from '../public-lists'
import { findSectionMove, sectionTrails, storyPath } from '../sections'
import { readSiteSettings, absoluteUrl } from '../site'
import { type Caller, readerCaller, sectionLimit, seesSection } from './callers'
import { cursorId, cursorTimestamp, decodeCursor, pageFrom } from './cursor'
import { type ApiError, apiErrorResponse } from './errors'
import { type ApiFormat, ninjsMediaType } from './format'
import { toNinjs } from './ninjs'
import { defaultPageSize, formatParam, idParam, pageParams, readRequest } from './query'
import { apiBody, apiMoved } from './respond'
import { type ApiSectionRef, type ApiTagRef, apiBase, apiStory, storyHref, tagRef } from './story-json'

// `/api/v1/stories`: the public stories, newest first, with the reader's own filters (a section
// and those under it, a staff author, a tag); and one story, by id or by its address, in JSON or
// ninjs. "Public" is the reader's rule (`publiclyVisible`), so drafts, stories under an embargo
// (never published before it lifts), unpublished and trashed stories are never here.

const listSchema = z.strictObject({
  ...pageParams,
  section: idParam('section').optional(),
  author: idParam('author').optional(),
  tag: z
    .string({ error: 'tag must be a tag slug.' })
    .regex(/^[a-z0-9-]{1,80}$/, 'tag must be a tag slug, such as middle-east.')
    .optional(),
  updated_since: z.iso
    .datetime({ offset: true, error: 'updated_since must be a date and time with its zone, such as 2026-12-01T08:00:00Z.' })
    .optional(),
})

const storySchema = z.strictObject({ format: formatParam })
const byPathSchema = z.strictObject({
  format: formatParam,
  path: z
    .string({ error: 'path is required: a story’s address on the site, such as /world/harbour-reopens.' })
    .max(2000, 'path is too long.'),
})

const storyCursor = z.tuple([z.literal('stories'), cursorTimestamp, cursorId])

/** A story in a list: enough to show it and to know when it last changed; its whole text is at `href`. */
export type ApiStorySummary = {
  id: number
  href: string
  url: string
  path: string
  headline: string
  standfirst: string
  section: ApiSectionRef
  tags: ApiTagRef[]
  firstPublishedAt: string
  publishedAt: string
  modifiedAt: string
}

/** When the list was sorted by first publication: as text with microseconds, so a cursor is exact. */
const position = sql<string>`to_char(${articles.firstPublishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/** `GET /api/v1/stories`. */
export async function serveStories(db: Db, request: Request, caller: Caller = readerCaller): Promise<Response> {
  const read = readRequest(request, listSchema)
  if (!read.ok) return apiErrorResponse(read.error)
  const { query } = read
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, storyCursor)
  if (after === null)
    return apiErrorResponse({ code: 'bad_cursor', message: 'This cursor is not one this list gave: start again without it.' })
  const chosen = await chosenStories(db, query)
  if ('code' in chosen) return apiErrorResponse(chosen)
  const conditions: SQL[] = []
  // A token limited to some sections sees only their stories.
  const limit = sectionLimit(caller)
  if (limit !== null) conditions.push(inArray(articles.sectionId, [...limit]))
  if (after) conditions.push(sql`(${articles.firstPublishedAt}, ${articles.id}) < (${after[1]}::timestamptz, ${after[2]})`)
  if (query.updated_since !== undefined) {
    conditions.push(sql`${lastModifiedSql} >= ${new Date(query.updated_since).toISOString()}::timestamptz`)
    // Any story's change may bring it into this list.
    shows(pageKey.everyStory)
  }
  // `modifiedAt` moves with every correction.
  shows(...chosen.keys, pageKey.corrections)
  const pageSize = query.limit ?? defaultPageSize
  const [rows, trails, site] = await Promise.all([
    db
      .select({
        ...storyPlaceColumns,
        headline: revisions.headline,
        standfirst: revisions.standfirst,
        tags: revisions.tags,
        firstPublishedAt: articles.firstPublishedAt,
        publishedAt: articles.publishedAt,
        modifiedAt: lastModifiedSql,
        position,
      })
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .where(and(publiclyVisible, chosen.where, ...conditions))
      .orderBy(desc(articles.firstPublishedAt), desc(articles.id))
      .limit(pageSize + 1),
    sectionTrails(db),
    readSiteSettings(db),
  ])
  showsStories(rows.slice(0, pageSize).map((row) => row.id))
  const page = pageFrom(
    rows,
    pageSize,
    new URL(request.url),
    (row) => ['stories', row.position, row.id],
    (row): ApiStorySummary => {
      const path = storyPath(trails, row.sectionId, row.slug)
      const section = trails.get(row.sectionId)?.at(-1)
      const published = row.publishedAt ?? row.firstPublishedAt ?? new Date(0)
      return {
        id: row.id,
        href: storyHref(row.id),
        url: absoluteUrl(path, site),
        path,
        headline: row.headline,
        standfirst: row.standfirst,
        section: { id: row.sectionId, name: section?.name ?? '', path: section?.path ?? '' },
        tags: row.tags.map(tagRef),
        firstPublishedAt: (row.firstPublishedAt ?? published).toISOString(),
        publishedAt: published.toISOString(),
        modifiedAt: (row.modifiedAt ?? published).toISOString(),
      }
    },
  )
  return apiBody(page)
}

/** The reader's list the filters pick (lib/public-lists.ts), or why none: a section, author or tag readers have no page for. */
async function chosenStories(db: Db, query: { section?: number; author?: number; tag?: string }): Promise<StoryFilter | ApiError> {
  const filters: StoryFilter[] = []
  if (query.section !== undefined) {
    if (!(await sectionTrails(db)).has(query.section)) return { code: 'not_found', message: `There is no section ${query.section}.` }
    filters.push(await inSectionTree(db, query.section))
  }
  if (query.author !== undefined) {
    const byline = bylinedTo(query.author)
    if ((await countPublicStories(db, byline)) === 0)
      return { code: 'not_found', message: `No published story is by author ${query.author}.` }
    filters.push(byline)
  }
  if (query.tag !== undefined) {
    const spellings = (await tagSpellingsBySlug(db)).get(query.tag) ?? []
    if (spellings.length === 0) return { code: 'not_found', message: `No published story carries the tag "${query.tag}".` }
    filters.push(taggedWith(spellings))
  }
  if (filters.length === 0) return everyPublicStory
  return { where: and(...filters.map((filter) => filter.where)), keys: filters.flatMap((filter) => filter.keys) }
}

/** `GET /api/v1/stories/{id}`: a story readers can see, by its id. */
export async function serveStory(db: Db, request: Request, rawId: string, caller: Caller = readerCaller): Promise<Response> {
  const read = readRequest(request, storySchema, ['json', 'ninjs'])
  if (!read.ok) return apiErrorResponse(read.error)
  const id = idParam('id').safeParse(rawId)
  if (!id.success) return apiErrorResponse({ code: 'not_found', message: `There is no story ${rawId}.` })
  shows(pageKey.story(id.data))
  const [place] = await db.select(storyPlaceColumns).from(articles).where(eq(articles.id, id.data))
  // A story never published is not there for readers, whatever its address.
  if (!place || place.publishedRevisionId === null || !seesSection(caller, place.sectionId))
    return apiErrorResponse({ code: 'not_found', message: `There is no story ${id.data}.` })
  const path = storyPath(await sectionTrails(db), place.sectionId, place.slug)
  return storyAnswer(db, read.format, path, caller)
}

/** `GET /api/v1/stories/by-path?path=/world/harbour-reopens`: the story at a reader's address. */
export async function serveStoryByPath(db: Db, request: Request, caller: Caller = readerCaller): Promise<Response> {
  const read = readRequest(request, byPathSchema, ['json', 'ninjs'])
  if (!read.ok) return apiErrorResponse(read.error)
  return storyAnswer(db, read.format, read.query.path, caller)
}

/** The story at a reader's address, as readers find it there: the story, a move (301) or a takedown (410). */
async function storyAnswer(db: Db, format: ApiFormat, path: string, caller: Caller): Promise<Response> {
  const segments = path.split('/').filter(Boolean)
  const shaped = segments.length >= 2 && segments.length <= 12 && segments.every((segment) => /^[a-z0-9][a-z0-9._-]{0,199}$/.test(segment))
  const found = shaped ? await findStoryAt(db, segments) : null
  // Its section moved: the reader's site sends the old address on, and so does the API.
  const sectionMovedTo = shaped && !found ? await findSectionMove(db, segments) : null
  if (sectionMovedTo !== null) return movedTo(sectionMovedTo, format)
  if (!found || (found.kind === 'story' && !seesSection(caller, found.story.sectionId)))
    return apiErrorResponse({ code: 'not_found', message: `No story is at ${path}.` })
  if (found.kind === 'gone') return apiErrorResponse({ code: 'gone', message: 'This story has been taken down.' })
  if (found.kind === 'moved') return movedTo(found.to, format)
  const [corrections, site] = await Promise.all([listCorrections(db, found.story.id), readSiteSettings(db)])
  const story = apiStory(found.story, corrections, site)
  return format === 'ninjs' ? apiBody(toNinjs(story, site), `${ninjsMediaType}; charset=utf-8`) : apiBody(story)
}

/** A 301 to where a story lives now, in the format asked for. */
function movedTo(path: string, format: ApiFormat): Response {
  const params = new URLSearchParams({ path, ...(format === 'ninjs' ? { format: 'ninjs' } : {}) })
  return apiMoved(`${apiBase}/stories/by-path?${params}`)
}
