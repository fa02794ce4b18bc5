import 'server-only'
import { and, asc, count, eq, ilike, isNull, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, Tx } from '@/db'
import { articleTags, articles, tagRedirects, tags } from '@/db/schema'
import { recordAudit } from './audit'
import { authorize } from './authorize'
import { textField } from './clean-text'
import { pageKey, shows } from './page-keys'
import type { Actor } from './permissions'
import { publiclyVisible } from './public-articles'
import { announceChange } from './reader-changes'
import { type Result, refusal } from './refusal'
import { slugify } from './slug'

// The newsroom's tags as the desk manages them at /desk/admin/tags (editors and admins:
// `tag.manage`): every tag with how many stories carry it, and its description, shown on its
// reader's page. Renaming and merging, which retag stories, are in lib/tag-changes.ts.

/** Tags per page of the desk's list. */
export const tagPageSize = 50

/** The longest description a tag may have. */
export const tagDescriptionLimit = 1000

/**
 * A tag in the desk's list: `stories` counts every story carrying it (the live revision's tags
 * for a published story, the newest draft's for one never published; the trash left out),
 * `published` those readers can see.
 */
export type TagSummary = { id: number; name: string; slug: string; description: string; stories: number; published: number }

export const tagListFilterSchema = z.object({
  q: z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim().slice(0, 80)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})
export type TagListFilter = z.infer<typeof tagListFilterSchema>

export const tagRefSchema = z.object({ tagId: z.coerce.number({ error: 'There is no such tag.' }).int().positive('There is no such tag.') })

export const tagDescriptionSchema = tagRefSchema.extend({
  description: textField({
    max: tagDescriptionLimit,
    multiline: true,
    tooLong: `Keep the description to ${tagDescriptionLimit.toLocaleString('en')} characters.`,
  }),
})
export type TagDescriptionInput = z.infer<typeof tagDescriptionSchema>

// Read with `articles` left-joined to the tag's stories outside the trash.
const summaryColumns = {
  id: tags.id,
  name: tags.name,
  slug: tags.slug,
  description: tags.description,
  stories: count(articles.id),
  published: sql<number>`(count(${articles.id}) filter (where ${publiclyVisible}))::int`,
}

/** A page of tags by name, those whose name or slug contains `q` when there is one. */
export async function listTags(
  db: Db,
  actor: Actor,
  filter: TagListFilter,
): Promise<Result<{ tags: TagSummary[]; total: number; pageCount: number }>> {
  const allowed = await authorize(db, actor, 'tag.manage')
  if (!allowed.ok) return allowed
  const pattern = `%${filter.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
  const matching = filter.q === '' ? undefined : or(ilike(tags.name, pattern), ilike(tags.slug, pattern))
  const [counted] = await db.select({ total: count() }).from(tags).where(matching)
  const total = counted?.total ?? 0
  const rows = await db
    .select(summaryColumns)
    .from(tags)
    .leftJoin(articleTags, eq(articleTags.tagId, tags.id))
    .leftJoin(articles, and(eq(articles.id, articleTags.articleId), isNull(articles.trashedAt)))
    .where(matching)
    .groupBy(tags.id)
    .orderBy(asc(sql`lower(${tags.name})`), asc(tags.id))
    .limit(tagPageSize)
    .offset((filter.page - 1) * tagPageSize)
  return { ok: true, tags: rows, total, pageCount: Math.max(1, Math.ceil(total / tagPageSize)) }
}

/** One tag with its counts and the old addresses that lead to it (`formerSlugs`), for its desk page. */
export async function getTag(db: Db, actor: Actor, tagId: number): Promise<Result<{ tag: TagSummary; formerSlugs: string[] }>> {
  const allowed = await authorize(db, actor, 'tag.manage')
  if (!allowed.ok) return allowed
  const [tag] = await db
    .select(summaryColumns)
    .from(tags)
    .leftJoin(articleTags, eq(articleTags.tagId, tags.id))
    .leftJoin(articles, and(eq(articles.id, articleTags.articleId), isNull(articles.trashedAt)))
    .where(eq(tags.id, tagId))
    .groupBy(tags.id)
  if (!tag) return noSuchTag()
  const moves = await db
    .select({ slug: tagRedirects.slug })
    .from(tagRedirects)
    .where(eq(tagRedirects.tagId, tagId))
    .orderBy(tagRedirects.slug)
  return { ok: true, tag, formerSlugs: moves.map((move) => move.slug) }
}

/** The refusal for a tag that is not there (merged into another, perhaps, since the page was opened). */
export function noSuchTag() {
  return refusal('missing', 'There is no such tag any more: it may have been merged into another. Reload the list of tags.')
}

/** The tag row, locked for the change in hand, or undefined. */
export async function lockTag(tx: Tx, tagId: number) {
  const [tag] = await tx.select().from(tags).where(eq(tags.id, tagId)).for('update')
  return tag
}

/** Sets (or with '' removes) a tag's description; its reader's page changes at once. */
export async function describeTag(db: Db, actor: Actor, input: TagDescriptionInput, client = ''): Promise<Result<{ name: string }>> {
  const saved = await db.transaction(async (tx): Promise<Result<{ name: string; slug: string }>> => {
    const allowed = await authorize(tx, actor, 'tag.manage')
    if (!allowed.ok) return allowed
    const tag = await lockTag(tx, input.tagId)
    if (!tag) return noSuchTag()
    await tx.update(tags).set({ description: input.description }).where(eq(tags.id, tag.id))
    await recordAudit(tx, { action: 'tag.describe', actorId: actor.id, detail: { tag: tag.name, slug: tag.slug }, client })
    return { ok: true, name: tag.name, slug: tag.slug }
  })
  if (!saved.ok) return saved
  await announceChange(db, [pageKey.tagList(saved.slug)])
  return { ok: true, name: saved.name }
}

/** The tag readers find at `/tags/<slug>`: its name and description, or null when the tags table has none. */
export async function findTag(db: Db, slug: string): Promise<{ name: string; description: string } | null> {
  shows(pageKey.tagList(slug))
  const [tag] = await db.select({ name: tags.name, description: tags.description }).from(tags).where(eq(tags.slug, slug))
  return tag ?? null
}

/** Where an old tag address leads now (a tag renamed or merged): the live tag's slug, or null. */
export async function findTagMove(db: Db, slug: string): Promise<string | null> {
  const [moved] = await db
    .select({ slug: tags.slug })
    .from(tagRedirects)
    .innerJoin(tags, eq(tags.id, tagRedirects.tagId))
    .where(eq(tagRedirects.slug, slug))
  if (!moved) return null
  shows(pageKey.tagList(slug), pageKey.tagList(moved.slug))
  return moved.slug
}

/** The slug a typed tag name or address stands for ("Middle East", "/tags/middle-east" → "middle-east"). */
export function tagSlugOf(typed: string): string {
  return slugify(typed.replace(/^\s*\/?tags\//, ''))
}
