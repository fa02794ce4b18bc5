import 'server-only'
import { inArray } from 'drizzle-orm'
import { tags } from '@/db/schema'
import { ensureTags } from '@/lib/article-attribution'
import { articleLimits } from '@/lib/article-input'
import { cutText, isWithin } from '@/lib/clean-text'
import { readTree, sectionCreateSchema, sectionDescriptionLimit, sectionNameLimit } from '@/lib/section-admin'
import { createSection } from '@/lib/section-changes'
import { slugify } from '@/lib/slug'
import type { ImportContext } from './context'
import type { WxrTerm } from './records'
import { itemLabel } from './report'

/**
 * The export's categories as the section tree, parents first, each under the section its parent
 * became: a section already at that address is used as it is. Returns the section of each
 * category's slug. A category whose parent is not in the export goes to the top level, and one
 * the tree refuses (an address the site keeps for itself) is reported; its posts go elsewhere.
 */
export async function importSections(context: ImportContext, categories: readonly WxrTerm[]): Promise<Map<string, number>> {
  const { db, actor, map, report } = context
  const sectionOf = new Map<string, number>()
  const known = new Set(categories.map((category) => category.slug))
  let waiting = [...categories]
  while (waiting.length > 0) {
    const ready = waiting.filter((category) => category.parent === '' || !known.has(category.parent) || sectionOf.has(category.parent))
    // A loop of parents: the rest are placed at the top level.
    const batch = ready.length > 0 ? ready : waiting
    waiting = waiting.filter((category) => !batch.includes(category))
    for (const category of batch) {
      const where = itemLabel('category', category.id, category.name)
      if (category.parent !== '' && !known.has(category.parent))
        report.problem(where, `its parent “${category.parent}” is not in the export: it was put at the top level`)
      const parentId = sectionOf.get(category.parent) ?? null
      const mapped = await map.get('category', category.id)
      const tree = await readTree(db)
      if (mapped !== null && tree.some((section) => section.id === mapped)) {
        sectionOf.set(category.slug, mapped)
        report.count('sections', 'unchanged')
        continue
      }
      const slug = slugify(safeDecode(category.slug)) || slugify(category.name)
      const existing = tree.find((section) => section.parentId === parentId && section.slug === slug)
      if (existing) {
        await map.set('category', category.id, existing.id)
        sectionOf.set(category.slug, existing.id)
        report.count('sections', 'unchanged')
        continue
      }
      if (!isWithin(category.name, sectionNameLimit)) report.problem(where, `its name was cut to ${sectionNameLimit} characters`)
      if (!isWithin(category.description, sectionDescriptionLimit))
        report.problem(where, `its description was cut to ${sectionDescriptionLimit} characters`)
      const input = sectionCreateSchema.safeParse({
        name: cutText(category.name || category.slug, sectionNameLimit),
        slug,
        parentId,
        description: cutText(category.description, sectionDescriptionLimit),
      })
      const created = input.success ? await createSection(db, actor, input.data) : null
      if (!created?.ok) {
        report.problem(where, `no section was made: ${created ? created.message : (input.error?.issues[0]?.message ?? 'unreadable')}`)
        report.count('sections', 'skipped')
        continue
      }
      await map.set('category', category.id, created.id)
      sectionOf.set(category.slug, created.id)
      report.count('sections', 'created')
    }
  }
  return sectionOf
}

/** The export's tags, matched by address with the tags the newsroom has: a new one is made. */
export async function importTags(context: ImportContext, terms: readonly WxrTerm[]): Promise<void> {
  const { db, report } = context
  for (const term of terms) {
    const name = tagName(context, term.name || term.slug, itemLabel('tag', term.id, term.name))
    const slug = slugify(name)
    if (slug === '') {
      report.problem(itemLabel('tag', term.id, term.name), 'a tag needs a letter or digit: not imported')
      report.count('tags', 'skipped')
      continue
    }
    const [existing] = await db
      .select({ id: tags.id })
      .from(tags)
      .where(inArray(tags.slug, [slug]))
    const [id] = existing ? [existing.id] : await db.transaction((tx) => ensureTags(tx, [name]))
    if (id !== undefined) await context.map.set('tag', term.id, id)
    report.count('tags', existing ? 'unchanged' : 'created')
  }
}

/** A tag's name within the story limit; a longer one is cut, and said. */
export function tagName(context: ImportContext, name: string, where: string): string {
  if (isWithin(name, articleLimits.tag)) return name
  context.report.problem(where, `the tag “${name.slice(0, 40)}…” was cut to ${articleLimits.tag} characters`)
  return cutText(name, articleLimits.tag).trim()
}

/** WordPress keeps non-ASCII slugs percent-encoded (`caf%c3%a9`). */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
