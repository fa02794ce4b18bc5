import 'server-only'
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, Tx } from '@/db'
import { articles, pins, revisions } from '@/db/schema'
import { recordAudit } from './audit'
import { authorize } from './authorize'
import { type FrontPageTop, chooseTop, frontPageRules } from './front-page'
import { pageKey, shows } from './page-keys'
import type { Actor } from './permissions'
import { publiclyVisible } from './public-articles'
import { everyPublicStory, listPublicStories } from './public-lists'
import { announceChange } from './reader-changes'
import { type Result, refusal } from './refusal'

// The stories an editor places by hand at the top of the front page (/desk/front). A pin at
// position 0 is the lead; the others go under it, in the order they were pinned. What the pins
// leave open is filled by the rules of lib/front-page.ts. A pinned story that readers can no
// longer see (unpublished) is passed over until it is public again.

const home = 'home'
const leadPosition = 0

export type FrontPins = { lead: number | null; below: number[] }

/** The pinned stories' ids, the lead apart. */
export async function listFrontPins(db: Db): Promise<FrontPins> {
  shows(pageKey.frontPins)
  const rows = await db.select().from(pins).where(eq(pins.place, home)).orderBy(asc(pins.position))
  return {
    lead: rows.find((row) => row.position === leadPosition)?.articleId ?? null,
    below: rows.filter((row) => row.position !== leadPosition).map((row) => row.articleId),
  }
}

/** The top of the front page as readers see it: the pinned stories first, then the rules. */
export async function frontPageTop(db: Db): Promise<FrontPageTop & { pins: FrontPins }> {
  const frontPins = await listFrontPins(db)
  const pinnedIds = [...(frontPins.lead === null ? [] : [frontPins.lead]), ...frontPins.below]
  const [candidates, pinnedStories] = await Promise.all([
    listPublicStories(db, { filter: everyPublicStory, limit: frontPageRules.candidates }),
    pinnedIds.length === 0
      ? Promise.resolve([])
      : listPublicStories(db, { filter: { where: inArray(articles.id, pinnedIds), keys: [] }, limit: pinnedIds.length }),
  ])
  const byId = new Map(pinnedStories.map((story) => [story.id, story]))
  const pinned = {
    lead: frontPins.lead === null ? null : (byId.get(frontPins.lead) ?? null),
    below: frontPins.below.flatMap((id) => byId.get(id) ?? []),
  }
  return { ...chooseTop(candidates, pinned), pins: frontPins }
}

export const pinInputSchema = z.object({
  articleId: z.coerce.number({ error: 'Choose a story.' }).int().positive({ error: 'Choose a story.' }),
  as: z.enum(['lead', 'below', 'none'], { error: 'Say where the story goes: the lead, under it, or off the pins.' }),
})
export type PinInput = z.infer<typeof pinInputSchema>

/**
 * Puts a published story at the lead of the front page (the lead it replaces goes first under
 * it), under the lead (after those already there), or takes its pin away (`none`). Editors and
 * admins (`front.arrange`); recorded in the audit log; the front page is made again at once.
 */
export async function pinOnFront(db: Db, actor: Actor, input: PinInput, client = ''): Promise<Result<{ headline: string }>> {
  const done = await db.transaction(async (tx): Promise<Result<{ headline: string }>> => {
    const allowed = await authorize(tx, actor, 'front.arrange')
    if (!allowed.ok) return allowed
    const story = await findStory(tx, input.articleId)
    if (!story) return refusal('missing', 'There is no such story.')
    if (input.as !== 'none' && !story.isPublic)
      return refusal('invalid', 'Only a story readers can see can go on the front page: publish it first.')
    const others = await tx
      .select()
      .from(pins)
      .where(and(eq(pins.place, home), sql`${pins.articleId} <> ${input.articleId}`))
    const below = others.filter((pin) => pin.position !== leadPosition).sort((a, b) => a.position - b.position)
    if (input.as === 'below' && below.length >= frontPageRules.secondaries.most)
      return refusal('invalid', `${frontPageRules.secondaries.most} stories are already pinned under the lead: unpin one first.`)
    await tx.delete(pins).where(and(eq(pins.place, home), eq(pins.articleId, input.articleId)))
    if (input.as === 'lead') {
      // The lead it replaces goes first under it; the rest move down one.
      await tx
        .update(pins)
        .set({ position: sql`${pins.position} + 1` })
        .where(and(eq(pins.place, home), gte(pins.position, leadPosition)))
      await tx.insert(pins).values({ place: home, articleId: input.articleId, position: leadPosition, pinnedBy: actor.id })
    } else if (input.as === 'below') {
      const last = below.at(-1)?.position ?? leadPosition
      await tx.insert(pins).values({ place: home, articleId: input.articleId, position: last + 1, pinnedBy: actor.id })
    }
    await recordAudit(tx, {
      action: input.as === 'none' ? 'front.unpin' : 'front.pin',
      actorId: actor.id,
      detail: { story: input.articleId, headline: story.headline, as: input.as },
      client,
    })
    return { ok: true, headline: story.headline }
  })
  if (done.ok) await announceChange(db, [pageKey.frontPins])
  return done
}

/** The story's headline as the desk last saved it, and whether readers can see it. */
async function findStory(db: Tx, articleId: number): Promise<{ headline: string; isPublic: boolean } | undefined> {
  const [story] = await db
    .select({ headline: revisions.headline, isPublic: sql<boolean>`coalesce(${publiclyVisible}, false)` })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
  return story
}
