import 'server-only'
import { desc } from 'drizzle-orm'
import type { Db } from '@/db'
import { media } from '@/db/schema'

/** An image a story can use as its lead photo or insert as a figure. */
export type MediaOption = { mediaId: number; src: string; alt: string; caption: string; credit: string; width: number; height: number }

export async function listMediaOptions(db: Db): Promise<MediaOption[]> {
  const rows = await db
    .select({
      mediaId: media.id,
      storageKey: media.storageKey,
      alt: media.alt,
      caption: media.caption,
      credit: media.credit,
      width: media.width,
      height: media.height,
    })
    .from(media)
    .orderBy(desc(media.createdAt))
  return rows.map(({ storageKey, ...rest }) => ({ ...rest, src: `/${storageKey}` }))
}
