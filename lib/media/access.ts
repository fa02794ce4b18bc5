import 'server-only'
import { type SQL, and, eq, or, sql } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articles, media, mediaUses, revisions, settings, users } from '@/db/schema'
import { readableStories } from '../article-access'
import { type Actor, check, permissionTable } from '../permissions'

// Who may see an image that no published story shows yet: whoever may change it (its uploader,
// the editors: `media.edit`), and whoever may read a story that uses it in any revision
// (`article.read`). Both read off the permission table, for one image (the `/media/` route) and
// for the library and the pickers (`visibleMedia`).

/** A revision whose body has a figure showing this image, anywhere in its tree (its mediaId stored as a number; a string is tolerated). */
export function figureShows(id: number): SQL<boolean> {
  return sql<boolean>`jsonb_path_exists(${revisions.body}, '$.** ? (@.type == "figure" && (@.attrs.mediaId == $id || @.attrs.mediaId == $text))', jsonb_build_object('id', ${id}::int, 'text', ${String(id)}::text))`
}

/** A revision that shows this image: as its lead image, its social image or a figure. */
export function revisionShows(id: number): SQL<boolean> {
  return sql<boolean>`(${eq(revisions.leadMediaId, id)} or ${eq(revisions.socialMediaId, id)} or ${figureShows(id)})`
}

/** The ids of the images that any revision of the stories matching `stories` shows, as a subquery. */
function imagesUsedBy(stories: SQL | undefined): SQL {
  const from = sql`from ${revisions} inner join ${articles} on ${articles.id} = ${revisions.articleId}`
  const where = stories ?? sql`true`
  const figures = sql`select (figure #>> '{}')::integer ${from}
    cross join lateral jsonb_path_query(${revisions.body}, 'strict $.** ? (@.type == "figure").attrs.mediaId') as figure
    where ${where} and (figure #>> '{}') ~ '^[0-9]{1,9}$'`
  const chosen = (column: typeof revisions.leadMediaId | typeof revisions.socialMediaId) =>
    sql`select ${column} ${from} where ${column} is not null and ${where}`
  return sql`(${chosen(revisions.leadMediaId)} union ${chosen(revisions.socialMediaId)} union ${figures})`
}

/** `media.edit` as a condition on `media`: every image, the person's own uploads, or none. */
function changeableMedia(actor: Actor): SQL | undefined {
  const scope = permissionTable[actor.role]['media.edit']
  if (scope === 'any') return undefined
  return scope === undefined ? sql`false` : eq(media.uploadedBy, actor.id)
}

/** The images this person may see in the desk (the library, the pickers): undefined for all of them. */
export function visibleMedia(actor: Actor): SQL | undefined {
  const changeable = changeableMedia(actor)
  if (changeable === undefined) return undefined
  return or(changeable, sql`${media.id} in ${imagesUsedBy(readableStories(actor))}`)
}

/** Whether readers see this image: a published story shows it (`media_uses`, lib/media/uses.ts), it is the publication's logo, or a person's photo. */
export async function isPublicMedia(db: Db, mediaId: number): Promise<boolean> {
  const rows = await db.select({ id: mediaUses.mediaId }).from(mediaUses).where(eq(mediaUses.mediaId, mediaId)).limit(1)
  return rows.length > 0 || (await isSiteLogo(db, mediaId)) || isProfilePhoto(db, mediaId)
}

/** Whether this image is someone's photo on their author page (lib/profiles.ts). */
export async function isProfilePhoto(db: Db | Tx, mediaId: number): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.photoMediaId, mediaId)).limit(1)
  return rows.length > 0
}

/** Whether this image is the publication's logo (the `publication` setting, lib/publication-schema.ts), shown on every reader's page. */
export async function isSiteLogo(db: Db | Tx, mediaId: number): Promise<boolean> {
  const rows = await db
    .select({ key: settings.key })
    .from(settings)
    .where(and(eq(settings.key, 'publication'), sql`${settings.value}::jsonb #>> '{logo,mediaId}' = ${String(mediaId)}`))
  return rows.length > 0
}

/** Whether this person may see this image while it is private: they may change it, or read a story using it. */
export async function maySeePrivateMedia(db: Db, actor: Actor, image: { id: number; uploadedBy: number | null }): Promise<boolean> {
  if (check(actor, 'media.edit', { ownerIds: image.uploadedBy === null ? [] : [image.uploadedBy] }).ok) return true
  const rows = await db
    .select({ id: revisions.id })
    .from(revisions)
    .innerJoin(articles, eq(articles.id, revisions.articleId))
    .where(and(revisionShows(image.id), readableStories(actor)))
    .limit(1)
  return rows.length > 0
}

/** Whether this person may see this image in the desk or at its address: public, or theirs to see while private. */
export async function maySeeMedia(db: Db, actor: Actor, image: { id: number; uploadedBy: number | null }): Promise<boolean> {
  return (await isPublicMedia(db, image.id)) || maySeePrivateMedia(db, actor, image)
}

/** `ab/<64 hex>.jpg`, `ab/<64 hex>-640.webp`: the content hash a stored file is named by. */
const hashedKey = /^[0-9a-f]{2}\/([0-9a-f]{64})(?:-\d+|-\d+x\d+-f\d+-\d+)?\.[a-z0-9]+$/

/** The image a stored file belongs to (its full size or one of its renditions), or null. */
export async function mediaOfKey(db: Db, key: string): Promise<{ id: number; uploadedBy: number | null } | null> {
  const hash = hashedKey.exec(key)?.[1]
  const rows = await db
    .select({ id: media.id, uploadedBy: media.uploadedBy, storageKey: media.storageKey, variants: media.variants })
    .from(media)
    .where(hash === undefined ? eq(media.storageKey, key) : or(eq(media.contentHash, hash), eq(media.storageKey, key)))
  const row = rows.find((found) => found.storageKey === key || found.variants.some((variant) => variant.key === key))
  return row ? { id: row.id, uploadedBy: row.uploadedBy } : null
}
