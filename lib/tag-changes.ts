import 'server-only'
import { and, eq, inArray, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, Tx } from '@/db'
import { articleTags, articles, revisions, tagRedirects, tags } from '@/db/schema'
import { articleLimits } from './article-input'
import { recordAudit } from './audit'
import { authorize } from './authorize'
import { textField } from './clean-text'
import { pageKey } from './page-keys'
import type { Actor } from './permissions'
import { announceChange } from './reader-changes'
import { type Result, refusal } from './refusal'
import { slugify } from './slug'
import { lockTag, noSuchTag, tagRefSchema, tagSlugOf } from './tags'

// Renaming a tag and merging one into another. Stories carry tags as names (`revisions.tags`),
// so both retag every revision that carries the old one: the story pages, tag pages and
// sitemaps readers get then name the live tag, and an open draft saved later keeps it. The old
// address is kept in `tag_redirects`, pointing at the tag itself, so `/tags/<old>` answers 301 to
// wherever the tag lives now, however many renames and merges later.

const tagName = textField({
  max: articleLimits.tag,
  tooLong: `Keep a tag under ${articleLimits.tag} characters.`,
  required: 'Give the tag a name.',
}).refine((name) => name === '' || slugify(name) !== '', 'A tag needs at least one letter or digit.')

export const tagRenameSchema = tagRefSchema.extend({ name: tagName })
export type TagRenameInput = z.infer<typeof tagRenameSchema>

export const tagMergeSchema = tagRefSchema.extend({
  into: z
    .string()
    .transform(tagSlugOf)
    .refine((slug) => slug !== '', 'Name the tag to merge into.'),
})
export type TagMergeInput = z.infer<typeof tagMergeSchema>

/** `keys`: the reader's pages it altered (lib/page-keys.ts), refreshed before this answers. */
type Renamed = { name: string; slug: string; formerSlug: string; stories: number; keys: string[] }

/**
 * Gives a tag a new name, and with it the slug made from it. Refused when another tag already
 * has that slug (merge into it instead). The old address redirects to the new one.
 */
export async function renameTag(db: Db, actor: Actor, input: TagRenameInput, client = ''): Promise<Result<Renamed>> {
  const renamed = await db.transaction(async (tx): Promise<Result<Renamed>> => {
    const allowed = await authorize(tx, actor, 'tag.manage')
    if (!allowed.ok) return allowed
    const tag = await lockTag(tx, input.tagId)
    if (!tag) return noSuchTag()
    if (tag.name === input.name) return refusal('invalid', `The tag is already called “${tag.name}”.`, 'name')
    const slug = slugify(input.name)
    const [holder] = await tx
      .select({ name: tags.name })
      .from(tags)
      .where(and(eq(tags.slug, slug), ne(tags.id, tag.id)))
    if (holder) {
      return refusal(
        'invalid',
        `Another tag, “${holder.name}”, already has the address /tags/${slug}: merge this tag into it instead.`,
        'name',
      )
    }
    await tx.update(tags).set({ name: input.name, slug }).where(eq(tags.id, tag.id))
    if (slug !== tag.slug) {
      // A live address is never a redirect (the tag may be taking back an old name).
      await tx.delete(tagRedirects).where(eq(tagRedirects.slug, slug))
      await redirect(tx, tag.slug, tag.id)
    }
    const retagged = await retag(tx, tag.slug, input.name)
    await recordAudit(tx, {
      action: 'tag.rename',
      actorId: actor.id,
      detail: { from: tag.name, to: input.name, fromSlug: tag.slug, toSlug: slug, stories: retagged.stories },
      client,
    })
    const keys = [...new Set([pageKey.tagList(tag.slug), pageKey.tagList(slug), ...retagged.keys])]
    return { ok: true, name: input.name, slug, formerSlug: tag.slug, stories: retagged.stories, keys }
  })
  if (renamed.ok) await announceChange(db, renamed.keys)
  return renamed
}

/** `keys`: the reader's pages it altered (lib/page-keys.ts), refreshed before this answers. */
type Merged = { from: string; into: { id: number; name: string; slug: string }; stories: number; keys: string[] }

/**
 * Merges a tag into another: every story carrying it carries the other instead (once), the tag
 * is gone, and its address, and every address that led to it, redirect to the other's page.
 */
export async function mergeTags(db: Db, actor: Actor, input: TagMergeInput, client = ''): Promise<Result<Merged>> {
  const merged = await db.transaction(async (tx): Promise<Result<Merged>> => {
    const allowed = await authorize(tx, actor, 'tag.manage')
    if (!allowed.ok) return allowed
    const source = await lockTag(tx, input.tagId)
    if (!source) return noSuchTag()
    const [target] = await tx.select().from(tags).where(eq(tags.slug, input.into)).for('update')
    if (!target) return refusal('invalid', `There is no tag at /tags/${input.into} to merge into: pick one from the list of tags.`, 'into')
    if (target.id === source.id) return refusal('invalid', `A tag cannot be merged into itself: name another tag.`, 'into')

    await tx.execute(
      sql`insert into ${articleTags} (article_id, tag_id) select article_id, ${target.id} from ${articleTags} where tag_id = ${source.id} on conflict do nothing`,
    )
    await tx.update(tagRedirects).set({ tagId: target.id }).where(eq(tagRedirects.tagId, source.id))
    await redirect(tx, source.slug, target.id)
    await tx.delete(tags).where(eq(tags.id, source.id))
    const retagged = await retag(tx, source.slug, target.name)
    await recordAudit(tx, {
      action: 'tag.merge',
      actorId: actor.id,
      detail: { from: source.name, into: target.name, fromSlug: source.slug, intoSlug: target.slug, stories: retagged.stories },
      client,
    })
    const keys = [pageKey.tagList(source.slug), pageKey.tagList(target.slug), ...retagged.keys]
    const into = { id: target.id, name: target.name, slug: target.slug }
    return { ok: true, from: source.name, into, stories: retagged.stories, keys }
  })
  if (merged.ok) await announceChange(db, merged.keys)
  return merged
}

/** Points an old tag address at a tag. */
async function redirect(tx: Tx, slug: string, tagId: number): Promise<void> {
  await tx.insert(tagRedirects).values({ slug, tagId }).onConflictDoUpdate({ target: tagRedirects.slug, set: { tagId } })
}

// Revisions rewritten per statement.
const batchSize = 500

/**
 * Replaces every spelling of the tag at `fromSlug` with `name` in every revision carrying it
 * (keeping each tag once). Answers how many stories carried it and the page keys of those
 * readers see: their pages name it, and every page showing all stories (sitemaps) lists it.
 */
async function retag(tx: Tx, fromSlug: string, name: string): Promise<{ stories: number; keys: string[] }> {
  const spellings = await tx
    .selectDistinct({ name: sql<string>`jsonb_array_elements_text(${revisions.tags})` })
    .from(revisions)
    .then((rows) => rows.map((row) => row.name).filter((spelling) => slugify(spelling) === fromSlug))
  if (spellings.length === 0) return { stories: 0, keys: [] }
  const carrying = await tx
    .select({ id: revisions.id, articleId: revisions.articleId, tags: revisions.tags })
    .from(revisions)
    .where(
      sql`${revisions.tags} ?| array[${sql.join(
        spellings.map((spelling) => sql`${spelling}`),
        sql`, `,
      )}]::text[]`,
    )
  for (let start = 0; start < carrying.length; start += batchSize) {
    const values = carrying.slice(start, start + batchSize).map((row) => {
      const retagged = row.tags.map((tag) => (slugify(tag) === fromSlug ? name : tag))
      const once = retagged.filter((tag, index) => retagged.findIndex((other) => slugify(other) === slugify(tag)) === index)
      return sql`(${row.id}::integer, ${JSON.stringify(once)}::jsonb)`
    })
    await tx.execute(
      sql`update ${revisions} set tags = retagged.tags from (values ${sql.join(values, sql`, `)}) as retagged(id, tags) where ${revisions.id} = retagged.id`,
    )
  }
  const storyIds = [...new Set(carrying.map((row) => row.articleId))]
  // The stories whose live revision carried it.
  const shown = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(
      inArray(
        articles.publishedRevisionId,
        carrying.map((row) => row.id),
      ),
    )
  const keys = shown.length === 0 ? [] : [pageKey.everyStory, ...shown.map((story) => pageKey.story(story.id))]
  return { stories: storyIds.length, keys }
}
