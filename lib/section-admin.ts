import 'server-only'
import { asc, count, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, Tx } from '@/db'
import { articles, sectionRedirects, sections } from '@/db/schema'
import { authorize } from './authorize'
import { textField } from './clean-text'
import type { Actor } from './permissions'
import { type Result, refusal } from './refusal'
import { slugify } from './slug'

// The section tree as admins manage it at /desk/admin/sections (`section.manage`): every section
// in tree order with its address, its stories and the old addresses that lead to it. The
// changes themselves (create, change, reorder, retire) are in lib/section-changes.ts.

/** The longest description a section may have. */
export const sectionDescriptionLimit = 1000

/** The longest name a section may have. */
export const sectionNameLimit = 80

const optionalId = (message: string) =>
  z.preprocess(
    (value) => (value === '' || value === undefined ? null : value),
    z.coerce.number({ error: message }).int().positive(message).nullable(),
  )

export const sectionRefSchema = z.object({
  sectionId: z.coerce.number({ error: 'There is no such section.' }).int().positive('There is no such section.'),
})

const sectionFields = {
  name: textField({
    max: sectionNameLimit,
    tooLong: `Keep a section’s name under ${sectionNameLimit} characters.`,
    required: 'Give the section a name.',
  }),
  slug: z
    .string()
    .transform((value) => value.trim())
    .refine(
      (value) => value === '' || value === slugify(value),
      'An address is lower-case letters, digits and single dashes, such as middle-east.',
    ),
  parentId: optionalId('There is no such parent section.'),
  description: textField({
    max: sectionDescriptionLimit,
    multiline: true,
    tooLong: `Keep the description to ${sectionDescriptionLimit.toLocaleString('en')} characters.`,
  }),
}

/** A new section; an empty slug is made from the name. */
export const sectionCreateSchema = z.object(sectionFields)
export type SectionCreateInput = z.infer<typeof sectionCreateSchema>

/** A section's name, address (slug and parent) and description, all at once. */
export const sectionChangeSchema = sectionRefSchema.extend(sectionFields)
export type SectionChangeInput = z.infer<typeof sectionChangeSchema>

export const sectionReorderSchema = sectionRefSchema.extend({ direction: z.enum(['up', 'down'], { error: 'Move a section up or down.' }) })
export type SectionReorderInput = z.infer<typeof sectionReorderSchema>

/** `moveTo`: where the section's stories go, if it has stories. */
export const sectionRetireSchema = sectionRefSchema.extend({ moveTo: optionalId('There is no such section to move the stories to.') })
export type SectionRetireInput = z.infer<typeof sectionRetireSchema>

/** A section as the tree holds it. */
export type SectionNode = { id: number; name: string; slug: string; parentId: number | null; position: number; description: string }

/** The whole tree, siblings in their order; `forUpdate` locks it for the change in hand. */
export async function readTree(db: Db | Tx, forUpdate = false): Promise<SectionNode[]> {
  const query = db
    .select({
      id: sections.id,
      name: sections.name,
      slug: sections.slug,
      parentId: sections.parentId,
      position: sections.position,
      description: sections.description,
    })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name), asc(sections.id))
  return forUpdate ? query.for('update') : query
}

/** A section's public path from the top of the tree (`/regions/middle-east`). */
export function pathIn(tree: readonly SectionNode[], id: number): string {
  const slugs: string[] = []
  // The depth bound guards against a cycle that the database does not forbid.
  for (let node = tree.find((row) => row.id === id); node && slugs.length < 20; node = tree.find((row) => row.id === node?.parentId)) {
    slugs.unshift(node.slug)
    if (node.parentId === null) break
  }
  return `/${slugs.join('/')}`
}

/** The section and every section under it, the section first. */
export function subtreeOf(tree: readonly SectionNode[], id: number): number[] {
  const found = [id]
  for (let index = 0; index < found.length; index++) {
    for (const row of tree) if (row.parentId === found[index] && !found.includes(row.id)) found.push(row.id)
  }
  return found
}

/** The section and those above it, the section first. */
export function ancestorsOf(tree: readonly SectionNode[], id: number | null): number[] {
  const found: number[] = []
  for (let node = tree.find((row) => row.id === id); node && found.length < 20; node = tree.find((row) => row.id === node?.parentId)) {
    found.push(node.id)
    if (node.parentId === null) break
  }
  return found
}

/** A section in the desk's tree: its depth (0 at the top), path, stories outside the trash and old addresses. */
export type SectionEntry = SectionNode & { depth: number; path: string; stories: number; formerPaths: string[] }

/** Every section in tree order, for the desk. */
export async function listSectionTree(db: Db, actor: Actor): Promise<Result<{ sections: SectionEntry[] }>> {
  const allowed = await authorize(db, actor, 'section.manage')
  if (!allowed.ok) return allowed
  const [tree, counts, moves] = await Promise.all([
    readTree(db),
    db
      .select({ sectionId: articles.sectionId, stories: count() })
      .from(articles)
      .where(isNull(articles.trashedAt))
      .groupBy(articles.sectionId),
    db.select({ path: sectionRedirects.path, sectionId: sectionRedirects.sectionId }).from(sectionRedirects).orderBy(sectionRedirects.path),
  ])
  const entries: SectionEntry[] = []
  const addChildren = (parentId: number | null, depth: number) => {
    for (const node of tree.filter((row) => row.parentId === parentId)) {
      entries.push({
        ...node,
        depth,
        path: pathIn(tree, node.id),
        stories: counts.find((row) => row.sectionId === node.id)?.stories ?? 0,
        formerPaths: moves.filter((move) => move.sectionId === node.id).map((move) => move.path),
      })
      addChildren(node.id, depth + 1)
    }
  }
  addChildren(null, 0)
  return { ok: true, sections: entries }
}

/** One section for its desk page, with the sections it may move under (not itself nor one of its own). */
export async function getSection(
  db: Db,
  actor: Actor,
  sectionId: number,
): Promise<Result<{ section: SectionEntry; all: SectionEntry[]; parents: SectionEntry[]; children: number }>> {
  const listed = await listSectionTree(db, actor)
  if (!listed.ok) return listed
  const section = listed.sections.find((entry) => entry.id === sectionId)
  if (!section) return noSuchSection()
  const own = subtreeOf(listed.sections, sectionId)
  const parents = listed.sections.filter((entry) => !own.includes(entry.id))
  const children = listed.sections.filter((entry) => entry.parentId === sectionId).length
  return { ok: true, section, all: listed.sections, parents, children }
}

/** The refusal for a section that is not there (retired, perhaps, since the page was opened). */
export function noSuchSection() {
  return refusal('missing', 'There is no such section any more: it may have been retired. Reload the list of sections.')
}

/** How many stories (the trash included) are filed in a section. */
export async function storiesIn(db: Db | Tx, sectionId: number): Promise<number> {
  const [counted] = await db.select({ total: count() }).from(articles).where(eq(articles.sectionId, sectionId))
  return counted?.total ?? 0
}
