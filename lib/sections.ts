import 'server-only'
import { asc, inArray, isNull } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { sectionRedirects, sections } from '@/db/schema'
import { keptValue } from './kept-values'
import { pageKey, shows } from './page-keys'

export async function listTopSections(db: Db): Promise<{ id: number; name: string; slug: string }[]> {
  return db
    .select({ id: sections.id, name: sections.name, slug: sections.slug })
    .from(sections)
    .where(isNull(sections.parentId))
    .orderBy(asc(sections.position), asc(sections.name))
}

export type SectionOption = { id: number; label: string }

/** Every section as a picker option, in tree order, labelled with its path ("Regions › Middle East"). */
export async function listSectionOptions(db: Db | Tx): Promise<SectionOption[]> {
  const rows = await db
    .select({ id: sections.id, name: sections.name, parentId: sections.parentId })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name))
  const options: SectionOption[] = []
  const addChildren = (parentId: number | null, prefix: string) => {
    for (const row of rows.filter((candidate) => candidate.parentId === parentId)) {
      const label = prefix ? `${prefix} › ${row.name}` : row.name
      options.push({ id: row.id, label })
      addChildren(row.id, label)
    }
  }
  addChildren(null, '')
  return options
}

/** The section options as the desk's filters show them on every list: kept in this process until the tree's key is announced. */
export function keptSectionOptions(db: Db): Promise<SectionOption[]> {
  return keptValue(db, pageKey.sections, () => listSectionOptions(db))
}

export type SectionCrumb = { id: number; name: string; slug: string; path: string }
type SectionRow = { id: number; name: string; slug: string; parentId: number | null }

/** Every section's trail from the top of the tree, with public paths, by section id. */
export async function sectionTrails(db: Db): Promise<Map<number, SectionCrumb[]>> {
  shows(pageKey.sections)
  const rows: SectionRow[] = await db
    .select({ id: sections.id, name: sections.name, slug: sections.slug, parentId: sections.parentId })
    .from(sections)
  const byId = new Map(rows.map((row) => [row.id, row]))
  return new Map(rows.map((row) => [row.id, trailOf(byId, row.id)]))
}

function trailOf(byId: Map<number, SectionRow>, sectionId: number): SectionCrumb[] {
  const chain: SectionRow[] = []
  // The depth bound guards against a cycle that the database does not forbid.
  for (let row = byId.get(sectionId); row && chain.length < 20; row = row.parentId === null ? undefined : byId.get(row.parentId)) {
    chain.unshift(row)
  }
  return chain.map((crumb, index) => ({
    id: crumb.id,
    name: crumb.name,
    slug: crumb.slug,
    path: `/${chain
      .slice(0, index + 1)
      .map((c) => c.slug)
      .join('/')}`,
  }))
}

/** The section whose public path this is (`/regions/middle-east`), if any. */
export function sectionAt(trails: ReadonlyMap<number, readonly SectionCrumb[]>, path: string): SectionCrumb | undefined {
  for (const trail of trails.values()) if (trail.at(-1)?.path === path) return trail.at(-1)
  return undefined
}

/** Each section's public path by id, for the browser (the story form's previews). */
export function sectionPaths(trails: ReadonlyMap<number, readonly SectionCrumb[]>): Record<number, string> {
  return Object.fromEntries([...trails].map(([id, trail]) => [id, trail.at(-1)?.path ?? '']))
}

/** A story's public address: its section's path, then its slug (`/regions/middle-east/<slug>`). */
export function storyPath(trails: ReadonlyMap<number, readonly SectionCrumb[]>, sectionId: number, slug: string): string {
  return `${trails.get(sectionId)?.at(-1)?.path ?? ''}/${slug}`
}

/**
 * Where an old section address leads now (a section moved, renamed or retired into another):
 * the section's path with the rest of the address after it (`/old/feed.xml` → `/new/feed.xml`),
 * or null. The longest old path wins, so a section moved on its own after its parent is one hop away.
 */
export async function findSectionMove(db: Db, segments: readonly string[]): Promise<string | null> {
  const prefixes = segments.map((_, index) => `/${segments.slice(0, index + 1).join('/')}`)
  if (prefixes.length === 0) return null
  shows(pageKey.sections)
  const moves = await db
    .select({ path: sectionRedirects.path, sectionId: sectionRedirects.sectionId })
    .from(sectionRedirects)
    .where(inArray(sectionRedirects.path, prefixes))
  const longest = moves.sort((a, b) => b.path.length - a.path.length)[0]
  if (!longest) return null
  const now = (await sectionTrails(db)).get(longest.sectionId)?.at(-1)?.path
  return now === undefined ? null : `${now}${`/${segments.join('/')}`.slice(longest.path.length)}`
}
