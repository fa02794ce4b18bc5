import 'server-only'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { articles, revisions, users } from '@/db/schema'
import { pageKey, shows } from '../page-keys'
import { publiclyVisible } from '../public-articles'
import { absoluteUrl, readSiteSettings } from '../site'
import { cursorId, decodeCursor, pageFrom } from './cursor'
import { apiErrorResponse } from './errors'
import { defaultPageSize, pageParams, readRequest } from './query'
import { apiBody } from './respond'

// `/api/v1/authors`: the staff readers meet in bylines, by name: those with an author page, that
// is with at least one published story. Only what their page shows (never an e-mail address).

export type ApiAuthor = { id: number; name: string; slug: string; url: string; jobTitle: string; bio: string; links: string[] }

const authorsSchema = z.strictObject(pageParams)
const authorCursor = z.tuple([z.literal('authors'), z.string().max(200), cursorId])

/** `GET /api/v1/authors`. */
export async function serveAuthors(db: Db, request: Request): Promise<Response> {
  const read = readRequest(request, authorsSchema)
  if (!read.ok) return apiErrorResponse(read.error)
  const { query } = read
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, authorCursor)
  if (after === null)
    return apiErrorResponse({ code: 'bad_cursor', message: 'This cursor is not one this list gave: start again without it.' })
  const limit = query.limit ?? defaultPageSize
  // Who has a published story changes with any story's publication or takedown.
  shows(pageKey.everyStory)
  const bylined = db
    .selectDistinct({ id: sql<number>`(jsonb_array_elements(${revisions.bylines}) ->> 'userId')::int` })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(publiclyVisible)
  const [rows, site] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, slug: users.slug, jobTitle: users.jobTitle, bio: users.bio, links: users.links })
      .from(users)
      .where(and(inArray(users.id, bylined), after ? sql`(${users.name}, ${users.id}) > (${after[1]}, ${after[2]})` : undefined))
      .orderBy(asc(users.name), asc(users.id))
      .limit(limit + 1),
    readSiteSettings(db),
  ])
  shows(...rows.slice(0, limit).map((row) => pageKey.person(row.id)))
  const page = pageFrom(
    rows,
    limit,
    new URL(request.url),
    (row) => ['authors', row.name, row.id],
    (row): ApiAuthor => ({ ...row, url: absoluteUrl(`/authors/${row.slug}`, site) }),
  )
  return apiBody(page)
}
