import 'server-only'
import { and, desc, ilike, inArray, or } from 'drizzle-orm'
import type { Db } from '@/db'
import { media } from '@/db/schema'
import { type Actor, can } from '../permissions'
import { visibleMedia } from './access'
import { likePattern } from './library'
import type { MediaOption, MediaPickerOption } from './types'
import { displaySrc } from './urls'

type OptionRow = typeof media.$inferSelect

function toOption(row: OptionRow): Omit<MediaPickerOption, 'canEdit'> {
  return {
    mediaId: row.id,
    src: displaySrc(row),
    thumbSrc: displaySrc(row, 320),
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    width: row.width,
    height: row.height,
  }
}

/** The newest images this person may see (`visibleMedia`), for the story editor's pickers before any search. */
export async function listMediaOptions(db: Db, viewer: Actor, limit = 48): Promise<MediaOption[]> {
  const rows = await db.select().from(media).where(visibleMedia(viewer)).orderBy(desc(media.createdAt), desc(media.id)).limit(limit)
  return rows.map(toOption)
}

/** How many images a picker's search answers with. */
export const mediaSearchLimit = 48

/**
 * The pickers' search, for a desk viewer (the route authorizes): of the images they may see
 * (`visibleMedia`), those whose alt text, caption or credit contain every word of `query`
 * (newest first), or those with the given `ids`.
 * Each says whether the viewer may change its details (writers their own images, editors and
 * admins any).
 */
export async function searchMediaOptions(db: Db, viewer: Actor, input: { query?: string; ids?: number[] }): Promise<MediaPickerOption[]> {
  const words = (input.query ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8)
  const where = input.ids
    ? inArray(media.id, input.ids.length > 0 ? input.ids : [-1])
    : and(
        ...words.map((word) => {
          const pattern = likePattern(word)
          return or(ilike(media.alt, pattern), ilike(media.caption, pattern), ilike(media.credit, pattern))
        }),
      )
  const rows = await db
    .select()
    .from(media)
    .where(and(visibleMedia(viewer), where))
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(mediaSearchLimit)
  return rows.map((row) => ({
    ...toOption(row),
    canEdit: can(viewer, 'media.edit', { ownerIds: row.uploadedBy === null ? [] : [row.uploadedBy] }),
  }))
}
