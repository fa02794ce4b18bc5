import 'server-only'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { articles, corrections, revisions } from '@/db/schema'
import { publicColumns } from '../corrections'
import { pageKey, shows, showsStories } from '../page-keys'
import { publiclyVisible } from '../public-articles'
import { sectionTrails, storyPath } from '../sections'
import { absoluteUrl, readSiteSettings } from '../site'
import { type Caller, readerCaller, sectionLimit } from './callers'
import { cursorId, cursorTimestamp, decodeCursor, pageFrom } from './cursor'
import { apiErrorResponse } from './errors'
import { defaultPageSize, pageParams, readRequest } from './query'
import { apiBody } from './respond'
import { type ApiCorrection, apiCorrection, storyHref } from './story-json'

// `/api/v1/corrections`: every correction and update on a story readers can see, newest first,
// withdrawn ones included (marked, with the note), as the public /corrections page lists them.

export type ApiCorrectionEntry = ApiCorrection & { story: { id: number; href: string; headline: string; path: string; url: string } }

const correctionsSchema = z.strictObject(pageParams)
const correctionCursor = z.tuple([z.literal('corrections'), cursorTimestamp, cursorId])
const position = sql<string>`to_char(${corrections.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/** `GET /api/v1/corrections`. */
export async function serveCorrections(db: Db, request: Request, caller: Caller = readerCaller): Promise<Response> {
  const read = readRequest(request, correctionsSchema)
  if (!read.ok) return apiErrorResponse(read.error)
  const { query } = read
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, correctionCursor)
  if (after === null)
    return apiErrorResponse({ code: 'bad_cursor', message: 'This cursor is not one this list gave: start again without it.' })
  const limit = query.limit ?? defaultPageSize
  // A token limited to some sections sees only their stories' corrections.
  const sectionIds = sectionLimit(caller)
  shows(pageKey.corrections)
  const [rows, trails, site] = await Promise.all([
    db
      .select({
        ...publicColumns,
        articleId: articles.id,
        sectionId: articles.sectionId,
        slug: articles.slug,
        headline: revisions.headline,
        position,
      })
      .from(corrections)
      .innerJoin(articles, eq(articles.id, corrections.articleId))
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .where(
        and(
          publiclyVisible,
          sectionIds === null ? undefined : inArray(articles.sectionId, [...sectionIds]),
          after ? sql`(${corrections.createdAt}, ${corrections.id}) < (${after[1]}::timestamptz, ${after[2]})` : undefined,
        ),
      )
      .orderBy(desc(corrections.createdAt), desc(corrections.id))
      .limit(limit + 1),
    sectionTrails(db),
    readSiteSettings(db),
  ])
  showsStories(rows.slice(0, limit).map((row) => row.articleId))
  const page = pageFrom(
    rows,
    limit,
    new URL(request.url),
    (row) => ['corrections', row.position, row.id],
    (row): ApiCorrectionEntry => {
      const path = storyPath(trails, row.sectionId, row.slug)
      return {
        ...apiCorrection(row),
        story: { id: row.articleId, href: storyHref(row.articleId), headline: row.headline, path, url: absoluteUrl(path, site) },
      }
    },
  )
  return apiBody(page)
}
