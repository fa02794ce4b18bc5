import 'server-only'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, Tx } from '@/db'
import { articles, pins, revisions, sections } from '@/db/schema'
import { recordAudit } from './audit'
import { authorize } from './authorize'
import { pageKey, shows } from './page-keys'
import type { Actor } from './permissions'
import { publiclyVisible } from './public-articles'
import { type StorySummary, inSectionTree, listPublicStories, narrowed, sectionAndDescendants } from './public-lists'
import { announceChange } from './reader-changes'
import { type Result, refusal } from './refusal'

// The lead stories an editor pins to the top of a section's page (/desk/front/sections/<id>),
// in the order they were pinned, before the section's newest. They are `pins` rows like the
// front page's, at the place `section-<id>`. A pinned story readers can no longer see, or filed
// out of the section since, is passed over.

/** The most stories pinned at the top of one section. */
export const sectionPinLimit = 3

/** The `pins.place` of a section's page. */
export const sectionPlace = (sectionId: number) => `section-${sectionId}`

/** The stories pinned at the top of a section that readers see there, in order. */
export async function listSectionPins(db: Db, sectionId: number): Promise<StorySummary[]> {
  shows(pageKey.sectionPins(sectionId))
  const rows = await db
    .select()
    .from(pins)
    .where(eq(pins.place, sectionPlace(sectionId)))
    .orderBy(asc(pins.position))
  if (rows.length === 0) return []
  const ids = rows.map((row) => row.articleId)
  const filter = narrowed(await inSectionTree(db, sectionId), inArray(articles.id, ids))
  const stories = await listPublicStories(db, { filter, limit: ids.length })
  return ids.flatMap((id) => stories.find((story) => story.id === id) ?? [])
}

export const sectionPinSchema = z.object({
  sectionId: z.coerce.number({ error: 'There is no such section.' }).int().positive('There is no such section.'),
  articleId: z.coerce.number({ error: 'Choose a story.' }).int().positive('Choose a story.'),
  as: z.enum(['top', 'none'], { error: 'Say whether the story goes to the top or off it.' }),
})
export type SectionPinInput = z.infer<typeof sectionPinSchema>

/**
 * Pins a published story of the section (or of one under it) to the top of the section's page,
 * after those already pinned, or takes its pin away (`none`). Editors and admins (`front.arrange`).
 */
export async function pinInSection(
  db: Db,
  actor: Actor,
  input: SectionPinInput,
  client = '',
): Promise<Result<{ headline: string; section: string }>> {
  const done = await db.transaction(async (tx): Promise<Result<{ headline: string; section: string }>> => {
    const allowed = await authorize(tx, actor, 'front.arrange')
    if (!allowed.ok) return allowed
    const [section] = await tx.select({ name: sections.name }).from(sections).where(eq(sections.id, input.sectionId))
    if (!section) return refusal('missing', 'There is no such section any more: it may have been retired.')
    const story = await findStory(tx, input.articleId)
    if (!story) return refusal('missing', 'There is no such story.')
    const place = sectionPlace(input.sectionId)
    const pinned = await tx.select().from(pins).where(eq(pins.place, place)).orderBy(asc(pins.position))
    if (input.as === 'top') {
      if (!story.isPublic) return refusal('invalid', 'Only a story readers can see can be pinned: publish it first.')
      if (!(await sectionAndDescendants(tx, input.sectionId)).includes(story.sectionId)) {
        return refusal('invalid', `“${story.headline}” is not filed in “${section.name}” or a section under it.`)
      }
      if (pinned.some((pin) => pin.articleId === input.articleId)) return refusal('invalid', `“${story.headline}” is already pinned there.`)
      if (pinned.length >= sectionPinLimit) {
        return refusal('invalid', `${sectionPinLimit} stories are already pinned at the top of “${section.name}”: unpin one first.`)
      }
      const position = (pinned.at(-1)?.position ?? -1) + 1
      await tx.insert(pins).values({ place, articleId: input.articleId, position, pinnedBy: actor.id })
    } else {
      await tx.delete(pins).where(and(eq(pins.place, place), eq(pins.articleId, input.articleId)))
    }
    await recordAudit(tx, {
      action: input.as === 'top' ? 'section.pin' : 'section.unpin',
      actorId: actor.id,
      detail: { story: input.articleId, headline: story.headline, section: section.name },
      client,
    })
    return { ok: true, headline: story.headline, section: section.name }
  })
  if (done.ok) await announceChange(db, [pageKey.sectionPins(input.sectionId)])
  return done
}

/** The story's headline as the desk last saved it, its section, and whether readers can see it. */
async function findStory(tx: Tx, articleId: number) {
  const [story] = await tx
    .select({ headline: revisions.headline, sectionId: articles.sectionId, isPublic: sql<boolean>`coalesce(${publiclyVisible}, false)` })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
  return story
}
