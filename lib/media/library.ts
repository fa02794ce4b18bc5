import 'server-only'
import { and, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, Tx } from '@/db'
import { articles, media, revisions, users } from '@/db/schema'
import type { ArticleStatus } from '@/db/schema'
import { recordAudit } from '../audit'
import { authorize } from '../authorize'
import { cleanText, searchText, textField } from '../clean-text'
import { type Actor, type Owned, can } from '../permissions'
import { type Result, refusal } from '../refusal'
import { figureShows, isProfilePhoto, isSiteLogo, revisionShows, visibleMedia } from './access'
import type { MediaStorage } from './storage'
import { countOf } from '../words'

export type MediaRow = typeof media.$inferSelect
type Reader = Db | Tx

const oneLine = (max: number, label: string) => textField({ max, tooLong: `${label} must be ${max} characters or fewer.` })
const multiLine = (max: number, label: string) =>
  textField({ max, multiline: true, tooLong: `${label} must be ${max} characters or fewer.` })
const focal = (label: string) => z.coerce.number().min(0, `${label} must be between 0 and 1.`).max(1, `${label} must be between 0 and 1.`)

/** The editable details of an image; each is optional, and only those given change. */
export const mediaDetailsSchema = z.object({
  alt: oneLine(500, 'Alt text').optional(),
  caption: multiLine(2000, 'The caption').optional(),
  credit: oneLine(200, 'The credit').optional(),
  focalX: focal('The focal point').optional(),
  focalY: focal('The focal point').optional(),
})
export type MediaDetails = z.input<typeof mediaDetailsSchema>

export const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? 'Please check the details.'
const ownedBy = (row: Pick<MediaRow, 'uploadedBy'>): Owned => ({ ownerIds: row.uploadedBy === null ? [] : [row.uploadedBy] })
const missing = refusal('missing', 'This image no longer exists.')

/** Every storage key of an image: the full-size file and its renditions. */
export function keysOf(row: Pick<MediaRow, 'storageKey' | 'variants'>): string[] {
  return [...new Set([row.storageKey, ...row.variants.map((variant) => variant.key)])]
}

export async function getMedia(db: Reader, id: number): Promise<MediaRow | null> {
  const [row] = await db.select().from(media).where(eq(media.id, id))
  return row ?? null
}

export async function getMediaByHash(db: Reader, contentHash: string): Promise<MediaRow | null> {
  const [row] = await db.select().from(media).where(eq(media.contentHash, contentHash))
  return row ?? null
}

/** Changes an image's alt text, caption, credit or focal point: writers their own images, editors and admins any. */
export async function updateMediaDetails(db: Db, actor: Actor, id: number, input: MediaDetails): Promise<Result<{ media: MediaRow }>> {
  const parsed = mediaDetailsSchema.safeParse(input)
  if (!parsed.success) return refusal('invalid', firstIssue(parsed.error))
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(media).where(eq(media.id, id)).for('update')
    if (!current) return missing
    const allowed = await authorize(tx, actor, 'media.edit', ownedBy(current))
    if (!allowed.ok) return allowed
    const changes = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined))
    if (Object.keys(changes).length === 0) return { ok: true, media: current }
    const [updated] = await tx.update(media).set(changes).where(eq(media.id, id)).returning()
    return updated ? { ok: true, media: updated } : missing
  })
}

/** One image in the library grid. */
export type MediaListItem = Omit<MediaRow, 'contentHash'> & {
  uploaderName: string | null
  /** The viewer may edit its details / delete it (deleting also needs it to be unused). */
  canEdit: boolean
  canDelete: boolean
}

export type MediaList = { items: MediaListItem[]; total: number; page: number; pageCount: number; pageSize: number }

export const mediaListQuerySchema = z.object({
  query: searchText(200).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

export const mediaPageSize = 24

/** Escapes `%`, `_` and `\` so that a search term matches literally inside ILIKE. */
export function likePattern(term: string): string {
  return `%${cleanText(term).replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/**
 * The library as this person may see it (`visibleMedia`), newest first, 24 to a page. Each word of `query` must appear (case-insensitive)
 * in the alt text, caption or credit.
 */
export async function listMedia(db: Db, viewer: Actor, options: { query?: string; page?: number } = {}): Promise<MediaList> {
  const { query, page } = mediaListQuerySchema.parse({ query: options.query ?? '', page: options.page ?? 1 })
  const words = query.split(/\s+/).filter(Boolean).slice(0, 8)
  const where = and(
    visibleMedia(viewer),
    ...words.map((word) => {
      const pattern = likePattern(word)
      return or(ilike(media.alt, pattern), ilike(media.caption, pattern), ilike(media.credit, pattern))
    }),
  )
  const [totals] = await db.select({ total: count() }).from(media).where(where)
  const total = totals?.total ?? 0
  const rows = await db
    .select({
      id: media.id,
      storageKey: media.storageKey,
      mimeType: media.mimeType,
      byteSize: media.byteSize,
      width: media.width,
      height: media.height,
      variants: media.variants,
      alt: media.alt,
      caption: media.caption,
      credit: media.credit,
      focalX: media.focalX,
      focalY: media.focalY,
      uploadedBy: media.uploadedBy,
      createdAt: media.createdAt,
      uploaderName: users.name,
    })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(where)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(mediaPageSize)
    .offset((page - 1) * mediaPageSize)
  return {
    items: rows.map((row) => ({
      ...row,
      canEdit: can(viewer, 'media.edit', ownedBy(row)),
      canDelete: can(viewer, 'media.delete', ownedBy(row)),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / mediaPageSize)),
    pageSize: mediaPageSize,
  }
}

/** A story that uses an image, in any of its revisions. */
export type MediaUsage = {
  articleId: number
  /** The headline of the story's current revision. */
  headline: string
  status: ArticleStatus
  /** Some revision has it as the lead image. */
  asLead: boolean
  /** Some revision has it as the social image (link previews). */
  asSocial: boolean
  /** Some revision's body has a figure showing it. */
  asFigure: boolean
}

/**
 * The stories that use an image as lead image, social image or figure in any revision (published, draft
 * or history: restoring an old revision must not bring back a missing image).
 */
export async function mediaUsage(db: Reader, id: number): Promise<MediaUsage[]> {
  const inBody = figureShows(id)
  const asLead = sql<boolean>`coalesce(${revisions.leadMediaId} = ${id}::int, false)`
  const asSocial = sql<boolean>`coalesce(${revisions.socialMediaId} = ${id}::int, false)`
  const rows = await db
    .select({
      articleId: revisions.articleId,
      asLead: sql<boolean>`bool_or(${asLead})`,
      asSocial: sql<boolean>`bool_or(${asSocial})`,
      asFigure: sql<boolean>`bool_or(${inBody})`,
    })
    .from(revisions)
    .where(revisionShows(id))
    .groupBy(revisions.articleId)
  if (rows.length === 0) return []
  const stories = await db
    .select({ articleId: articles.id, status: articles.status, headline: revisions.headline })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(
      inArray(
        articles.id,
        rows.map((row) => row.articleId),
      ),
    )
  const byId = new Map(stories.map((story) => [story.articleId, story]))
  return rows
    .map((row) => {
      const story = byId.get(row.articleId)
      return {
        articleId: row.articleId,
        headline: story?.headline ?? '',
        status: story?.status ?? 'draft',
        asLead: Boolean(row.asLead),
        asSocial: Boolean(row.asSocial),
        asFigure: Boolean(row.asFigure),
      }
    })
    .sort((a, b) => a.articleId - b.articleId)
}

/**
 * Deletes an image that no story uses (writers their own, editors and admins any): the row, then
 * its files. A story that starts using it meanwhile cannot slip in: the row is locked, and a
 * revision naming it as lead or social image waits on that lock.
 */
export async function deleteMedia(db: Db, storage: MediaStorage, actor: Actor, id: number): Promise<Result<{ media: MediaRow }>> {
  const outcome: Result<{ media: MediaRow }> = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(media).where(eq(media.id, id)).for('update')
    if (!row) return missing
    const allowed = await authorize(tx, actor, 'media.delete', ownedBy(row))
    if (!allowed.ok) return allowed
    if (await isSiteLogo(tx, id))
      return refusal('conflict', 'This image is the publication’s logo, so it cannot be deleted. Choose another logo in Settings first.')
    if (await isProfilePhoto(tx, id))
      return refusal('conflict', 'This image is someone’s photo on their author page, so it cannot be deleted. Change that photo first.')
    const usage = await mediaUsage(tx, id)
    if (usage.length > 0) {
      const stories = usage.length === 1 ? 'a story' : countOf(usage.length, 'story', 'stories')
      return refusal('conflict', `This image is used in ${stories} (now or in an earlier version), so it cannot be deleted.`)
    }
    await tx.delete(media).where(eq(media.id, id))
    await recordAudit(tx, {
      action: 'media.delete',
      actorId: actor.id,
      subjectUserId: row.uploadedBy,
      detail: { mediaId: id, caption: row.caption.slice(0, 200), storageKey: row.storageKey },
    })
    return { ok: true, media: row }
  })
  if (!outcome.ok) return outcome
  // After the commit: a file left behind by a failed removal is harmless; a row without its files is not.
  const removals = await Promise.allSettled(keysOf(outcome.media).map((key) => storage.delete(key)))
  for (const removal of removals) {
    if (removal.status === 'rejected') console.error(`Could not remove a deleted image's file: ${String(removal.reason)}`)
  }
  return outcome
}
