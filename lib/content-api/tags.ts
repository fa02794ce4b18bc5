import 'server-only'
import { inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { tags } from '@/db/schema'
import { pageKey, shows } from '../page-keys'
import { tagSpellingsBySlug } from '../public-lists'
import { absoluteUrl, readSiteSettings } from '../site'
import { decodeCursor, pageFrom } from './cursor'
import { apiErrorResponse } from './errors'
import { defaultPageSize, pageParams, readRequest } from './query'
import { apiBody } from './respond'

// `/api/v1/tags`: the tags of published stories, by slug, as their reader's pages show them (the
// tag's name and description; a tag known only from stories is named as a story spells it).

export type ApiTag = { slug: string; name: string; description: string; url: string; storiesHref: string }

const tagsSchema = z.strictObject(pageParams)
const tagCursor = z.tuple([z.literal('tags'), z.string().regex(/^[a-z0-9-]{1,80}$/)])

/** `GET /api/v1/tags`. */
export async function serveTags(db: Db, request: Request): Promise<Response> {
  const read = readRequest(request, tagsSchema)
  if (!read.ok) return apiErrorResponse(read.error)
  const { query } = read
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, tagCursor)
  if (after === null)
    return apiErrorResponse({ code: 'bad_cursor', message: 'This cursor is not one this list gave: start again without it.' })
  const limit = query.limit ?? defaultPageSize
  // Which tags published stories carry changes with any story's publication, takedown or retagging.
  shows(pageKey.everyStory)
  const [spellings, site] = await Promise.all([tagSpellingsBySlug(db), readSiteSettings(db)])
  const slugs = [...spellings.keys()]
    .filter((slug) => !after || slug > after[1])
    .sort()
    .slice(0, limit + 1)
  const shown = slugs.slice(0, limit)
  shows(...shown.map(pageKey.tagList))
  const described = shown.length > 0 ? await db.select().from(tags).where(inArray(tags.slug, shown)) : []
  const bySlug = new Map(described.map((tag) => [tag.slug, tag]))
  const page = pageFrom(
    slugs,
    limit,
    new URL(request.url),
    (slug) => ['tags', slug],
    (slug): ApiTag => ({
      slug,
      name: bySlug.get(slug)?.name ?? spellings.get(slug)?.[0] ?? slug,
      description: bySlug.get(slug)?.description ?? '',
      url: absoluteUrl(`/tags/${slug}`, site),
      storiesHref: `/api/v1/stories?tag=${slug}`,
    }),
  )
  return apiBody(page)
}
