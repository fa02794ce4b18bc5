import 'server-only'
import { and, count, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { articles, pins, revisions, sectionRedirects, sections, slugHistory, userSections } from '@/db/schema'
import { recordAudit } from './audit'
import { authorize } from './authorize'
import { pageKey } from './page-keys'
import type { Actor } from './permissions'
import { announceChange } from './reader-changes'
import { type Result, refusal } from './refusal'
import { type SectionRetireInput, ancestorsOf, noSuchSection, pathIn, readTree } from './section-admin'
import { sectionPlace } from './section-pins'
import { countOf } from './words'

// Retiring a section: refused while sections sit under it or people have it as their section
// desk; refused while stories are filed in it unless the admin names a section to move them to.
// Then the stories move there, each story's old address and the section's own (with every older
// one that led to it) answer 301 to their new places, and the section is gone.

/** `keys`: the reader's pages it altered (lib/page-keys.ts), refreshed before this answers. */
type Retired = { name: string; moved: number; movedTo: string | null; keys: string[] }

export async function retireSection(db: Db, actor: Actor, input: SectionRetireInput, client = ''): Promise<Result<Retired>> {
  const retired = await db.transaction(async (tx): Promise<Result<Retired>> => {
    const allowed = await authorize(tx, actor, 'section.manage')
    if (!allowed.ok) return allowed
    const tree = await readTree(tx, true)
    const section = tree.find((row) => row.id === input.sectionId)
    if (!section) return noSuchSection()
    const children = tree.filter((row) => row.parentId === section.id).map((row) => `“${row.name}”`)
    if (children.length > 0) {
      return refusal('invalid', `“${section.name}” still has sections under it (${children.join(', ')}): move or retire them first.`)
    }
    const [desks] = await tx.select({ total: count() }).from(userSections).where(eq(userSections.sectionId, section.id))
    if ((desks?.total ?? 0) > 0) {
      const people = countOf(desks?.total ?? 0, 'person has', 'people have')
      return refusal('invalid', `${people} “${section.name}” as their section desk: change their desks at People first.`)
    }
    const target = input.moveTo === null ? null : tree.find((row) => row.id === input.moveTo)
    if (input.moveTo !== null && !target) return refusal('invalid', 'There is no such section to move the stories to.', 'moveTo')
    if (target?.id === section.id) return refusal('invalid', 'Choose another section than the one being retired.', 'moveTo')
    const stories = await tx.select({ id: articles.id, slug: articles.slug }).from(articles).where(eq(articles.sectionId, section.id))
    if (stories.length > 0 && !target) {
      return refusal(
        'invalid',
        `“${section.name}” holds ${countOf(stories.length, 'story', 'stories')}: choose a section to move them to.`,
        'moveTo',
      )
    }

    const formerPath = pathIn(tree, section.id)
    const keys = new Set<string>([pageKey.sections, ...ancestorsOf(tree, section.id).map(pageKey.sectionList)])
    if (target) {
      const targetPath = pathIn(tree, target.id)
      if (stories.length > 0) {
        const [clash] = await tx
          .select({ slug: articles.slug })
          .from(articles)
          .where(
            and(
              eq(articles.sectionId, target.id),
              inArray(
                articles.slug,
                stories.map((story) => story.slug),
              ),
            ),
          )
        if (clash) {
          return refusal(
            'invalid',
            `A story in “${target.name}” already has the address ${targetPath}/${clash.slug}: change one of the two first.`,
            'moveTo',
          )
        }
        await tx
          .insert(slugHistory)
          .values(stories.map((story) => ({ articleId: story.id, path: `${formerPath}/${story.slug}` })))
          .onConflictDoUpdate({ target: slugHistory.path, set: { articleId: sql`excluded.article_id` } })
        await tx.update(articles).set({ sectionId: target.id }).where(eq(articles.sectionId, section.id))
      }
      await tx.update(sectionRedirects).set({ sectionId: target.id }).where(eq(sectionRedirects.sectionId, section.id))
      await tx
        .insert(sectionRedirects)
        .values({ path: formerPath, sectionId: target.id })
        .onConflictDoUpdate({ target: sectionRedirects.path, set: { sectionId: target.id } })
      for (const id of ancestorsOf(tree, target.id)) keys.add(pageKey.sectionList(id))
      for (const story of stories) keys.add(pageKey.story(story.id))
      if (stories.length > 0) keys.add(pageKey.everyStory)
    }
    // Older revisions filed here (of stories since moved elsewhere, or just moved) follow their story.
    await tx.execute(
      sql`update ${revisions} set section_id = ${articles.sectionId} from ${articles} where ${revisions.articleId} = ${articles.id} and ${revisions.sectionId} = ${section.id}`,
    )
    await tx.delete(pins).where(eq(pins.place, sectionPlace(section.id)))
    await tx.delete(sections).where(eq(sections.id, section.id))
    await recordAudit(tx, {
      action: 'section.retire',
      actorId: actor.id,
      detail: { section: section.name, path: formerPath, movedTo: target?.name ?? null, stories: stories.length },
      client,
    })
    return { ok: true, name: section.name, moved: stories.length, movedTo: target ? pathIn(tree, target.id) : null, keys: [...keys] }
  })
  if (retired.ok) await announceChange(db, retired.keys)
  return retired
}
