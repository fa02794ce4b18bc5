import 'server-only'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articles, sectionRedirects, sections, slugHistory } from '@/db/schema'
import { recordAudit } from './audit'
import { authorize } from './authorize'
import { pageKey } from './page-keys'
import type { Actor } from './permissions'
import { isReservedTopSegment, pagedSegment } from './reader-addresses'
import { announceChange } from './reader-changes'
import { type Result, refusal } from './refusal'
import {
  type SectionChangeInput,
  type SectionCreateInput,
  type SectionNode,
  type SectionReorderInput,
  ancestorsOf,
  noSuchSection,
  pathIn,
  readTree,
  subtreeOf,
} from './section-admin'
import { slugify } from './slug'

// Creating, changing, reordering and retiring sections. A story's address is its section's path
// and its slug, so a section whose path changes (a new slug, a new parent, retired into another)
// leaves old addresses behind: each section's old path goes into `section_redirects` and each
// story's old path into `slug_history`, both pointing at the record itself, so every old address
// answers 301 to where it lives now in one hop, however many moves later.

/** `keys`: the reader's pages it altered (lib/page-keys.ts), refreshed before this answers. */
type Changed = { id: number; name: string; path: string; formerPath: string; keys: string[] }

/** Why a section cannot sit at `slug` under `parentId`, or null when it can. */
async function placeRefusal(tx: Tx, tree: readonly SectionNode[], place: { id?: number; slug: string; parentId: number | null }) {
  const parent = tree.find((row) => row.id === place.parentId)
  if (place.parentId !== null && !parent) return refusal('invalid', 'There is no such parent section: pick one from the list.', 'parentId')
  if (place.id !== undefined && place.parentId !== null && subtreeOf(tree, place.id).includes(place.parentId)) {
    const name = tree.find((row) => row.id === place.id)?.name ?? ''
    return refusal('invalid', `“${name}” cannot move under itself or under a section inside it: pick another parent.`, 'parentId')
  }
  const path = parent ? `${pathIn(tree, parent.id)}/${place.slug}` : `/${place.slug}`
  if (place.parentId === null ? isReservedTopSegment(place.slug) : place.slug === pagedSegment) {
    return refusal('invalid', `The address ${path} belongs to the site itself: choose another.`, 'slug')
  }
  const sibling = tree.find((row) => row.parentId === place.parentId && row.slug === place.slug && row.id !== place.id)
  if (sibling) return refusal('invalid', `Another section, “${sibling.name}”, already has the address ${path}: choose another.`, 'slug')
  if (place.parentId !== null) {
    const [story] = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.sectionId, place.parentId), eq(articles.slug, place.slug)))
    if (story) return refusal('invalid', `A story already has the address ${path}: choose another.`, 'slug')
  }
  return null
}

/** Adds a section at the end of its parent's (or the top level's) sections. */
export async function createSection(db: Db, actor: Actor, input: SectionCreateInput, client = ''): Promise<Result<Changed>> {
  const created = await db.transaction(async (tx): Promise<Result<Changed>> => {
    const allowed = await authorize(tx, actor, 'section.manage')
    if (!allowed.ok) return allowed
    const tree = await readTree(tx, true)
    const slug = input.slug || slugify(input.name)
    if (slug === '') return refusal('invalid', 'Give the section an address: lower-case letters, digits and dashes.', 'slug')
    const refused = await placeRefusal(tx, tree, { slug, parentId: input.parentId })
    if (refused) return refused
    const position = Math.max(-1, ...tree.filter((row) => row.parentId === input.parentId).map((row) => row.position)) + 1
    const [row] = await tx
      .insert(sections)
      .values({ name: input.name, slug, parentId: input.parentId, position, description: input.description })
      .returning({ id: sections.id })
    if (!row) throw new Error('The section was not created.')
    const path = pathIn([...tree, { ...input, id: row.id, slug, position }], row.id)
    // A live address is never a redirect (a section may take back an old address).
    await tx.delete(sectionRedirects).where(eq(sectionRedirects.path, path))
    await recordAudit(tx, { action: 'section.create', actorId: actor.id, detail: { section: input.name, path }, client })
    return { ok: true, id: row.id, name: input.name, path, formerPath: path, keys: [pageKey.sections] }
  })
  if (created.ok) await announceChange(db, created.keys)
  return created
}

/**
 * Changes a section's name, description, slug and parent. When its path changes, the old paths
 * of the section, of every section under it and of every story filed in them lead to the new ones.
 */
export async function changeSection(db: Db, actor: Actor, input: SectionChangeInput, client = ''): Promise<Result<Changed>> {
  const changed = await db.transaction(async (tx): Promise<Result<Changed>> => {
    const allowed = await authorize(tx, actor, 'section.manage')
    if (!allowed.ok) return allowed
    const tree = await readTree(tx, true)
    const section = tree.find((row) => row.id === input.sectionId)
    if (!section) return noSuchSection()
    const slug = input.slug || section.slug
    const refused = await placeRefusal(tx, tree, { id: section.id, slug, parentId: input.parentId })
    if (refused) return refused
    const moved = section.parentId !== input.parentId
    const position = moved
      ? Math.max(-1, ...tree.filter((row) => row.parentId === input.parentId).map((row) => row.position)) + 1
      : section.position
    const after = tree.map((row) => (row.id === section.id ? { ...row, ...input, slug, position } : row))
    const formerPath = pathIn(tree, section.id)
    const path = pathIn(after, section.id)
    if (section.name === input.name && section.description === input.description && path === formerPath) {
      return refusal('invalid', 'Nothing to save: the section is already like this.')
    }
    await tx
      .update(sections)
      .set({ name: input.name, slug, parentId: input.parentId, position, description: input.description })
      .where(eq(sections.id, section.id))
    const keys = new Set<string>()
    if (section.description !== input.description) keys.add(pageKey.sectionList(section.id))
    if (section.name !== input.name || path !== formerPath) keys.add(pageKey.sections)
    if (path !== formerPath) {
      for (const key of await leaveOldPaths(tx, tree, after, subtreeOf(tree, section.id))) keys.add(key)
      for (const id of [...ancestorsOf(tree, section.parentId), ...ancestorsOf(after, input.parentId)]) keys.add(pageKey.sectionList(id))
    }
    await recordAudit(tx, {
      action: 'section.change',
      actorId: actor.id,
      detail: {
        from: section.name,
        to: input.name,
        fromPath: formerPath,
        toPath: path,
        described: section.description !== input.description,
      },
      client,
    })
    return { ok: true, id: section.id, name: input.name, path, formerPath, keys: [...keys] }
  })
  if (changed.ok) await announceChange(db, changed.keys)
  return changed
}

/**
 * Points the old paths of these sections (as `before` had them) and of their stories at the
 * records, and frees the new paths of old redirects. Answers the page keys of the stories.
 */
async function leaveOldPaths(tx: Tx, before: readonly SectionNode[], after: readonly SectionNode[], ids: number[]): Promise<string[]> {
  const moves = ids.map((id) => ({ path: pathIn(before, id), sectionId: id })).filter((move) => move.path !== pathIn(after, move.sectionId))
  if (moves.length === 0) return []
  await tx.delete(sectionRedirects).where(
    inArray(
      sectionRedirects.path,
      ids.map((id) => pathIn(after, id)),
    ),
  )
  await tx
    .insert(sectionRedirects)
    .values(moves)
    .onConflictDoUpdate({ target: sectionRedirects.path, set: { sectionId: sql`excluded.section_id` } })
  const stories = await tx
    .select({ id: articles.id, sectionId: articles.sectionId, slug: articles.slug })
    .from(articles)
    .where(
      inArray(
        articles.sectionId,
        moves.map((move) => move.sectionId),
      ),
    )
  if (stories.length === 0) return [pageKey.everyStory]
  await tx
    .insert(slugHistory)
    .values(stories.map((story) => ({ articleId: story.id, path: `${pathIn(before, story.sectionId)}/${story.slug}` })))
    .onConflictDoUpdate({ target: slugHistory.path, set: { articleId: sql`excluded.article_id` } })
  return [pageKey.everyStory, ...stories.map((story) => pageKey.story(story.id))]
}

/** Moves a section one place up or down among its parent's sections. */
export async function reorderSection(db: Db, actor: Actor, input: SectionReorderInput, client = ''): Promise<Result<{ name: string }>> {
  const reordered = await db.transaction(async (tx): Promise<Result<{ name: string }>> => {
    const allowed = await authorize(tx, actor, 'section.manage')
    if (!allowed.ok) return allowed
    const tree = await readTree(tx, true)
    const section = tree.find((row) => row.id === input.sectionId)
    if (!section) return noSuchSection()
    const siblings = tree.filter((row) => row.parentId === section.parentId)
    const from = siblings.indexOf(section)
    const to = input.direction === 'up' ? from - 1 : from + 1
    if (to < 0 || to >= siblings.length) {
      return refusal('invalid', `“${section.name}” is already ${input.direction === 'up' ? 'first' : 'last'} among its sections.`)
    }
    const order = siblings.filter((row) => row !== section)
    order.splice(to, 0, section)
    for (const [position, row] of order.entries()) {
      if (row.position !== position) await tx.update(sections).set({ position }).where(eq(sections.id, row.id))
    }
    await recordAudit(tx, {
      action: 'section.reorder',
      actorId: actor.id,
      detail: { section: section.name, direction: input.direction },
      client,
    })
    return { ok: true, name: section.name }
  })
  if (reordered.ok) await announceChange(db, [pageKey.sections])
  return reordered
}
