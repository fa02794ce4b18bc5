import 'server-only'
import { asc, isNull } from 'drizzle-orm'
import type { Db } from '@/db'
import { sections } from '@/db/schema'

export async function listTopSections(db: Db): Promise<{ id: number; name: string; slug: string }[]> {
  return db
    .select({ id: sections.id, name: sections.name, slug: sections.slug })
    .from(sections)
    .where(isNull(sections.parentId))
    .orderBy(asc(sections.position), asc(sections.name))
}

export type SectionOption = { id: number; label: string }

/** Every section as a picker option, in tree order, labelled with its path ("Regions › Middle East"). */
export async function listSectionOptions(db: Db): Promise<SectionOption[]> {
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
