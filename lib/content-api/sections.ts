import 'server-only'
import { asc } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { sections } from '@/db/schema'
import { pageKey, shows } from '../page-keys'
import { sectionTrails } from '../sections'
import { absoluteUrl, readSiteSettings } from '../site'
import { apiErrorResponse } from './errors'
import { formatParam, readRequest } from './query'
import { apiBody } from './respond'

// `/api/v1/sections`: the section tree as readers see it, in the newsroom's order (the order of
// the front page's rails), each section with the ones under it.

export type ApiSection = { id: number; name: string; slug: string; path: string; url: string; description: string; children: ApiSection[] }

const sectionsSchema = z.strictObject({ format: formatParam })

/** `GET /api/v1/sections`. */
export async function serveSections(db: Db, request: Request): Promise<Response> {
  const read = readRequest(request, sectionsSchema)
  if (!read.ok) return apiErrorResponse(read.error)
  const [rows, trails, site] = await Promise.all([
    db
      .select({ id: sections.id, name: sections.name, slug: sections.slug, parentId: sections.parentId, description: sections.description })
      .from(sections)
      .orderBy(asc(sections.position), asc(sections.name)),
    sectionTrails(db),
    readSiteSettings(db),
  ])
  // A section's description is announced under its own key.
  shows(...rows.map((row) => pageKey.sectionList(row.id)))
  const below = (parentId: number | null, depth: number): ApiSection[] =>
    // The depth bound guards against a cycle that the database does not forbid.
    depth > 20
      ? []
      : rows
          .filter((row) => row.parentId === parentId)
          .map((row) => {
            const path = trails.get(row.id)?.at(-1)?.path ?? ''
            const { id, name, slug, description } = row
            return { id, name, slug, path, url: absoluteUrl(path, site), description, children: below(id, depth + 1) }
          })
  return apiBody({ data: below(null, 0) })
}
