import 'server-only'
import { isDeepStrictEqual } from 'node:util'
import { eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { type Byline, articleAuthors, articleTags, articles, tagRedirects, tags, users } from '@/db/schema'
import { slugify } from './slug'

// Who a story is by and what it is about: the bylines and tags a revision holds, and their live
// mirror in article_authors / article_tags.

/** A byline ready to show: a staff member with their name, or an outside contributor. */
export type EditableByline = { userId: number; name: string } | { name: string; outlet: string }

/** Staff bylines with their names; an account that no longer exists reads "Former staff member". */
export async function resolveBylines(db: Db | Tx, bylines: readonly Byline[]): Promise<EditableByline[]> {
  const ids = bylines.flatMap((byline) => ('userId' in byline ? [byline.userId] : []))
  const people = ids.length > 0 ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : []
  const names = new Map(people.map((person) => [person.id, person.name]))
  return bylines.map((byline) =>
    'userId' in byline
      ? { userId: byline.userId, name: names.get(byline.userId) ?? 'Former staff member' }
      : { name: byline.name, outlet: byline.outlet },
  )
}

/**
 * Who owns a story: its creator and every staff member bylined on it, live (`articles.owner_ids`,
 * which the database keeps) or in its newest revision.
 */
export async function ownerIds(db: Db | Tx, article: { id: number; createdBy: number }, bylines: readonly Byline[]): Promise<number[]> {
  const [row] = await db.select({ owners: articles.ownerIds }).from(articles).where(eq(articles.id, article.id))
  return [...(row?.owners ?? [article.createdBy]), ...bylines.flatMap((byline) => ('userId' in byline ? [byline.userId] : []))]
}

/** Mirrors the bylines and tags of a never-published story's newest revision onto the article. */
export async function syncAttribution(tx: Tx, articleId: number, previous: Attribution, next: Attribution): Promise<void> {
  // The mirror already matches the previous revision: unchanged lists need no writes.
  if (!isDeepStrictEqual(previous.bylines, next.bylines)) {
    await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId))
    // A draft may have no byline yet (it cannot go on without one).
    if (next.bylines.length > 0) {
      await tx
        .insert(articleAuthors)
        .values(
          next.bylines.map((byline, position) =>
            'userId' in byline
              ? { articleId, position, userId: byline.userId }
              : { articleId, position, name: byline.name, outlet: byline.outlet || null },
          ),
        )
    }
  }
  if (!isDeepStrictEqual(previous.tags, next.tags)) {
    await tx.delete(articleTags).where(eq(articleTags.articleId, articleId))
    const tagIds = await ensureTags(tx, next.tags)
    if (tagIds.length > 0) await tx.insert(articleTags).values(tagIds.map((tagId) => ({ articleId, tagId })))
  }
}

/**
 * The tags as the newsroom calls them now: a name typed as a tag had before it was renamed or
 * merged (its address is in `tag_redirects`) becomes the current tag's name, so it is not
 * created again; a tag named twice that way is kept once.
 */
export async function currentTagNames(db: Db | Tx, names: readonly string[]): Promise<string[]> {
  const slugs = names.map((name) => slugify(name)).filter((slug) => slug !== '')
  const moved =
    slugs.length > 0
      ? await db
          .select({ slug: tagRedirects.slug, name: tags.name })
          .from(tagRedirects)
          .innerJoin(tags, eq(tags.id, tagRedirects.tagId))
          .where(inArray(tagRedirects.slug, slugs))
      : []
  if (moved.length === 0) return [...names]
  const current = new Map(moved.map((row) => [row.slug, row.name]))
  const seen = new Set<string>()
  return names.flatMap((name) => {
    const named = current.get(slugify(name)) ?? name
    const slug = slugify(named)
    if (seen.has(slug)) return []
    seen.add(slug)
    return [named]
  })
}

/** The ids of the named tags, creating the ones that do not exist yet (matched by slug). */
export async function ensureTags(tx: Tx, names: readonly string[]): Promise<number[]> {
  const wanted = new Map(names.map((name) => [slugify(name), name]))
  wanted.delete('')
  if (wanted.size === 0) return []
  await tx
    .insert(tags)
    .values([...wanted].map(([slug, name]) => ({ slug, name })))
    .onConflictDoNothing({ target: tags.slug })
  const rows = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(inArray(tags.slug, [...wanted.keys()]))
  return rows.map((row) => row.id)
}

type Attribution = { bylines: readonly Byline[]; tags: readonly string[] }
