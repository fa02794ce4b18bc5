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
