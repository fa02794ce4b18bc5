import 'server-only'
import { type SQL, and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { articles, revisions } from '@/db/schema'
import type { VerifiedToken } from '../api-tokens/verify'
import { authorize } from '../authorize'
import { type EditableArticle, getArticleForEditing } from '../editable-article'
import type { Actor } from '../permissions'
import { cursorId, cursorTimestamp, decodeCursor, pageFrom } from './cursor'
import { apiErrorResponse, apiHeaders } from './errors'
import { defaultPageSize, idParam, pageParams, readRequest } from './query'
import { apiBase, storyHref } from './story-json'

// `/api/v1/drafts`, for a token with `read:drafts`: every story's newest revision as the desk holds
// it (its fields, TipTap JSON body included), with the `version` that a write sends back in
// If-Match, also given as the ETag. The token's section limit holds here too. A token reads as
// the admin who made it, through the desk's own `getArticleForEditing`.

export type ApiByline = { userId: number; name: string } | { name: string; outlet: string }

/** A story's newest revision: what the desk's editor shows, with what a write needs. */
export type ApiDraft = {
  id: number
  href: string
  status: string
  version: number
  revision: number
  headline: string
  standfirst: string
  dateline: string
  sectionId: number
  slug: string
  bylines: ApiByline[]
  tags: string[]
  body: unknown
  leadMediaId: number | null
  leadCaption: string
  leadCredit: string
  seoTitle: string
  seoDescription: string
  socialHeadline: string
  socialMediaId: number | null
  wordCount: number
  savedAt: string
  /** Its published revision's address in the API, while readers can see one; edits never change it. */
  published: { href: string; hasUnpublishedChanges: boolean } | null
}

export type ApiDraftSummary = Pick<ApiDraft, 'id' | 'href' | 'status' | 'version' | 'revision' | 'headline' | 'sectionId' | 'savedAt'>

/** A draft's address in the API. */
export function draftHref(id: number): string {
  return `${apiBase}/drafts/${id}`
}

/** The ETag of a story's version, as If-Match must repeat it. */
export function versionTag(version: number): string {
  return `"v${version}"`
}

export function apiDraft(article: EditableArticle): ApiDraft {
  const isLive = article.publishedRevisionId !== null && article.status !== 'unpublished'
  return {
    id: article.id,
    href: draftHref(article.id),
    status: article.status,
    version: article.version,
    revision: article.revisionNumber,
    headline: article.headline,
    standfirst: article.standfirst,
    dateline: article.dateline,
    sectionId: article.sectionId,
    slug: article.slug,
    bylines: article.bylines,
    tags: article.tags,
    body: article.body,
    leadMediaId: article.leadMediaId,
    leadCaption: article.leadCaption,
    leadCredit: article.leadCredit,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    socialHeadline: article.socialHeadline,
    socialMediaId: article.socialMediaId,
    wordCount: article.wordCount,
    savedAt: article.savedAt.toISOString(),
    published: isLive ? { href: storyHref(article.id), hasUnpublishedChanges: article.hasUnpublishedChanges } : null,
  }
}

/** A draft as an answer: JSON, its version as the ETag. */
export function draftAnswer(article: EditableArticle, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(apiDraft(article)), {
    status,
    headers: { ...apiHeaders(), 'cache-control': 'private, no-store', etag: versionTag(article.version), ...headers },
  })
}

/** The person a token reads and writes as, re-read now; null when they may no longer read stories. */
export async function tokenActor(db: Db, token: VerifiedToken): Promise<Actor | null> {
  const allowed = await authorize(db, { id: token.creatorId }, 'article.read')
  return allowed.ok ? allowed.actor : null
}

/** A story the token may see, as the desk holds it: null when there is none, it is in the trash, or outside its sections. */
export async function draftFor(db: Db, token: VerifiedToken, actor: Actor, id: number): Promise<EditableArticle | null> {
  const [row] = await db.select({ trashedAt: articles.trashedAt }).from(articles).where(eq(articles.id, id))
  if (!row || row.trashedAt !== null) return null
  const article = await getArticleForEditing(db, actor, id)
  if (!article) return null
  const limit = token.sectionIds
  if (limit !== null && !(limit.includes(article.live.sectionId) && limit.includes(article.sectionId))) return null
  return article
}

const noSuchDraft = (id: number | string) => apiErrorResponse({ code: 'not_found', message: `There is no story ${id} this token may see.` })
const noActor = () =>
  apiErrorResponse({ code: 'forbidden', message: 'The admin who made this token may no longer read stories, so neither may the token.' })

/** `GET /api/v1/drafts/{id}`. */
export async function serveDraft(db: Db, request: Request, rawId: string, token: VerifiedToken): Promise<Response> {
  const read = readRequest(request, z.strictObject({}))
  if (!read.ok) return apiErrorResponse(read.error)
  const id = idParam('id').safeParse(rawId)
  if (!id.success) return noSuchDraft(rawId)
  const actor = await tokenActor(db, token)
  if (!actor) return noActor()
  const article = await draftFor(db, token, actor, id.data)
  return article ? draftAnswer(article) : noSuchDraft(id.data)
}

const listSchema = z.strictObject({ limit: pageParams.limit, cursor: pageParams.cursor, section: idParam('section').optional() })
const draftCursor = z.tuple([z.literal('drafts'), cursorTimestamp, cursorId])
const position = sql<string>`to_char(${articles.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/** `GET /api/v1/drafts`: every story not in the trash, the most recently saved first. */
export async function serveDrafts(db: Db, request: Request, token: VerifiedToken): Promise<Response> {
  const read = readRequest(request, listSchema)
  if (!read.ok) return apiErrorResponse(read.error)
  const { query } = read
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, draftCursor)
  if (after === null)
    return apiErrorResponse({ code: 'bad_cursor', message: 'This cursor is not one this list gave: start again without it.' })
  if (!(await tokenActor(db, token))) return noActor()
  const conditions: SQL[] = [isNull(articles.trashedAt)]
  if (token.sectionIds !== null) conditions.push(inArray(articles.sectionId, [...token.sectionIds]))
  if (query.section !== undefined) conditions.push(eq(articles.sectionId, query.section))
  if (after) conditions.push(sql`(${articles.updatedAt}, ${articles.id}) < (${after[1]}::timestamptz, ${after[2]})`)
  const limit = query.limit ?? defaultPageSize
  const rows = await db
    .select({
      id: articles.id,
      status: articles.status,
      version: articles.version,
      revision: revisions.number,
      headline: revisions.headline,
      sectionId: articles.sectionId,
      updatedAt: articles.updatedAt,
      position,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(and(...conditions))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(limit + 1)
  const page = pageFrom(
    rows,
    limit,
    new URL(request.url),
    (row) => ['drafts', row.position, row.id],
    (row): ApiDraftSummary => ({
      id: row.id,
      href: draftHref(row.id),
      status: row.status,
      version: row.version,
      revision: row.revision,
      headline: row.headline,
      sectionId: row.sectionId,
      savedAt: row.updatedAt.toISOString(),
    }),
  )
  return new Response(JSON.stringify(page), { headers: { ...apiHeaders(), 'cache-control': 'private, no-store' } })
}
