import 'server-only'
import { desc } from 'drizzle-orm'
import type { Db } from '@/db'
import { media } from '@/db/schema'
import { displaySrc } from './urls'

/** An image a story can use as its lead photo or insert as a figure. */
export type MediaOption = { mediaId: number; src: string; alt: string; caption: string; credit: string; width: number; height: number }

/** The library's images for the story editor's pickers, newest first. */
export async function listMediaOptions(db: Db, limit = 200): Promise<MediaOption[]> {
  const rows = await db.select().from(media).orderBy(desc(media.createdAt)).limit(limit)
  return rows.map((row) => ({
    mediaId: row.id,
    src: displaySrc(row),
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    width: row.width,
    height: row.height,
  }))
}
