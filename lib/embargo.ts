import 'server-only'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, Tx } from '@/db'
import { articles, revisions } from '@/db/schema'
import { recordAudit } from './audit'
import { authorize } from './authorize'
import { type TimeZone, formatWhen } from './clock'
import type { Actor } from './permissions'
import { type Result, refusal } from './refusal'
import { readSetting } from './settings'
import { type WorkflowAction } from './workflow'
import { isPubliclyVisible } from './story-state'
import { cleanNote, latestScheduleTime } from './workflow-input'
import { enqueueStoryEvent } from './webhooks/events'

// Embargoes: a time before which nothing of a story reaches readers, whoever asks. Distinct from
// scheduling, which says when it goes live: a story may be scheduled at or after its embargo, never
// before. Nobody publishes an embargoed story early, admins included, unless the embargo is lifted
// with a reason (in the audit log). Nothing of a story reaches a public surface (its page, lists,
// feeds, sitemaps, search, its images) before it is published, so an embargo that keeps the
// publication back keeps everything back. Stored in UTC; shown and typed in the newsroom's zone.

/** Whether the embargo still holds at `now`. */
export function isEmbargoed(story: { embargoUntil: Date | null }, now: Date): boolean {
  return story.embargoUntil !== null && story.embargoUntil.getTime() > now.getTime()
}

/**
 * Why this workflow action may not go ahead under the story's embargo, or null: publishing before
 * it, and scheduling for a time before it, are refused for everyone. Checked in lib/transitions.ts
 * and by the scheduler's publication, which goes through the same door.
 */
export function embargoProblem(
  action: WorkflowAction,
  story: { embargoUntil: Date | null },
  scheduledAt: Date | undefined,
  now: Date,
  zone: TimeZone,
): string | null {
  if (!story.embargoUntil || !isEmbargoed(story, now)) return null
  const until = formatWhen(story.embargoUntil, zone)
  if (action === 'publish' || action === 'republish') {
    return `This story is under embargo until ${until}: nobody can publish it before then. To publish it now, lift the embargo first, saying why.`
  }
  if (action === 'schedule' && scheduledAt && scheduledAt.getTime() < story.embargoUntil.getTime()) {
    return `This story is under embargo until ${until}: schedule it for then or later.`
  }
  return null
}

export const embargoInputSchema = z.object({ articleId: z.coerce.number().int().positive() })

type EmbargoResult = Result<{ until: Date | null; headline: string }>

/**
 * Puts a story under embargo until `until` (editors, as for scheduling): refused for a time past,
 * for a story readers can already see, and for one scheduled before that time.
 */
export async function setEmbargo(
  db: Db,
  actor: Actor,
  articleId: number,
  until: Date,
  client = '',
  now = new Date(),
): Promise<EmbargoResult> {
  if (until.getTime() <= now.getTime()) return refusal('invalid', 'An embargo must end in the future.', 'embargoUntil')
  if (until.getTime() > latestScheduleTime(now).getTime()) return refusal('invalid', 'Choose a time at most a year ahead.', 'embargoUntil')
  return db.transaction(async (tx): Promise<EmbargoResult> => {
    const story = await lockStory(tx, actor, articleId)
    if (!story.ok) return story
    const zone = await readSetting(tx, 'timeZone')
    if (isPubliclyVisible(story.article))
      return refusal('invalid', 'Readers can already see this story: an embargo cannot take it back. Unpublish it first.')
    if (story.article.status === 'scheduled' && story.article.scheduledAt && story.article.scheduledAt.getTime() < until.getTime()) {
      return refusal(
        'invalid',
        `The story is scheduled for ${formatWhen(story.article.scheduledAt, zone)}, before that: change its scheduled time first.`,
        'embargoUntil',
      )
    }
    await tx.update(articles).set({ embargoUntil: until }).where(eq(articles.id, articleId))
    await recordAudit(tx, {
      action: 'story.embargo',
      actorId: actor.id,
      detail: { story: articleId, headline: story.headline, until: until.toISOString() },
      client,
    })
    return { ok: true, until, headline: story.headline }
  })
}

/** Lifts a story's embargo before its time: the reason is required and goes into the audit log. */
export async function liftEmbargo(
  db: Db,
  actor: Actor,
  articleId: number,
  rawReason: string,
  client = '',
  now = new Date(),
): Promise<EmbargoResult> {
  const reason = cleanNote(rawReason)
  if (reason === '') return refusal('invalid', 'Say why the embargo is lifted early: it is recorded in the audit log.', 'reason')
  if (reason.length > 1000) return refusal('invalid', 'Keep the reason under 1,000 characters.', 'reason')
  return db.transaction(async (tx): Promise<EmbargoResult> => {
    const story = await lockStory(tx, actor, articleId)
    if (!story.ok) return story
    if (story.article.embargoUntil === null) return refusal('invalid', 'This story is not under embargo.')
    await tx.update(articles).set({ embargoUntil: null }).where(eq(articles.id, articleId))
    await recordAudit(tx, {
      action: 'story.embargo-lifted',
      actorId: actor.id,
      detail: { story: articleId, headline: story.headline, until: story.article.embargoUntil.toISOString(), reason },
      client,
    })
    await enqueueStoryEvent(tx, { type: 'story.embargo_lifted', articleId, now })
    return { ok: true, until: null, headline: story.headline }
  })
}

/** The story locked for the change, if the person may schedule it (the same power, in its sections). */
async function lockStory(tx: Tx, actor: Actor, articleId: number) {
  const [article] = await tx.select().from(articles).where(eq(articles.id, articleId)).for('update')
  if (!article) return refusal('missing', 'This story no longer exists; it may have been deleted.')
  const allowed = await authorize(tx, actor, 'article.schedule', { ownerIds: [], sectionIds: [article.sectionId] })
  if (!allowed.ok) return allowed
  const { headline } = await currentHeadline(tx, article.currentRevisionId)
  return { ok: true as const, article, headline }
}

async function currentHeadline(tx: Tx, revisionId: number | null): Promise<{ headline: string }> {
  const [row] = await tx
    .select({ headline: revisions.headline })
    .from(revisions)
    .where(eq(revisions.id, revisionId ?? -1))
  return { headline: row?.headline ?? '' }
}
