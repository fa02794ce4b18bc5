import 'server-only'
import { and, asc, desc, eq, isNull, lte, notInArray, or } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articles, users, workflowEvents } from '@/db/schema'
import { type StoryAsShown, storyAsShown } from './reader-changes'
import { changeStatus } from './status-change'
import { type TransitionResult, type TransitionedArticle, applyTransition, attemptTransition } from './transitions'
import { purgeExpiredTrash } from './trash'
import { hasUnpublishedChanges } from './story-state'
import { countOf } from './words'
import { repeatRounds } from './rounds'

// Publishes scheduled stories when their time comes, with nobody signed in. Every app instance
// runs it; a story is claimed with `for update skip locked`, so each is published once however
// many instances look at the same moment. Nothing is kept in memory between runs: a story whose
// time passed while the app was down is published on the next start.

/** What the audit trail says of a publication the scheduler made on someone's behalf. */
export const scheduledPublicationNote = 'Scheduled publication'

export type PublishDueOptions = {
  /** Called after each publication commits, with how readers saw the story before: to refresh the pages that show it. */
  onPublished?: (article: TransitionedArticle, before: StoryAsShown) => void | Promise<void>
  log?: Pick<Console, 'info' | 'warn' | 'error'>
}

/**
 * Publishes every scheduled story whose time is `now` or earlier, one transaction each, as the
 * editor who scheduled it (the audit trail says so: "Scheduled publication"). A story that can
 * no longer go ahead — that editor lost the right to publish, the story lost its headline or its
 * address — goes back to approved with an event saying why, instead of being retried forever.
 * Returns how many stories it published.
 */
export async function publishDue(db: Db, now: Date, options: PublishDueOptions = {}): Promise<number> {
  const log = options.log ?? console
  // The cheap question first, outside a transaction: usually nothing is due.
  const [anyDue] = await db.select({ id: articles.id }).from(articles).where(isDue(now)).limit(1)
  if (!anyDue) return 0

  let published = 0
  // Stories that failed unexpectedly in this run: left for the next one, not retried in a loop.
  const skipped: number[] = []
  for (;;) {
    let claimed: number | undefined
    let outcome: TransitionResult | null
    let before: StoryAsShown = null
    try {
      outcome = await db.transaction(async (tx) => {
        const [due] = await tx
          .select({
            id: articles.id,
            status: articles.status,
            version: articles.version,
            currentRevisionId: articles.currentRevisionId,
            publishedRevisionId: articles.publishedRevisionId,
          })
          .from(articles)
          .where(and(isDue(now), skipped.length > 0 ? notInArray(articles.id, skipped) : undefined))
          .orderBy(asc(articles.scheduledAt), asc(articles.id))
          .limit(1)
          .for('update', { skipLocked: true })
        if (!due) return null
        claimed = due.id
        before = await storyAsShown(tx, due.id)
        const result = await publishAsScheduler(tx, due.id, due.version, now)
        if (!result.ok) await returnToApproved(tx, due, result.message, now)
        return result
      })
    } catch (error) {
      if (claimed === undefined) throw error
      skipped.push(claimed)
      log.error(`Copydesk: publishing scheduled story ${claimed} failed; it will be tried again:`, error)
      continue
    }
    if (!outcome) break
    if (outcome.ok) {
      published++
      await options.onPublished?.(outcome.article, before)
    } else {
      log.warn(`Copydesk: scheduled story ${claimed} was not published: ${outcome.message}`)
    }
  }
  return published
}

function isDue(now: Date) {
  // An embargo holds even against a schedule (which cannot be set before it: lib/embargo.ts).
  return and(
    eq(articles.status, 'scheduled'),
    lte(articles.scheduledAt, now),
    or(isNull(articles.embargoUntil), lte(articles.embargoUntil, now)),
  )
}

async function publishAsScheduler(tx: Tx, articleId: number, version: number, now: Date): Promise<TransitionResult> {
  const [scheduled] = await tx
    .select({ actorId: workflowEvents.actorId, name: users.name })
    .from(workflowEvents)
    .leftJoin(users, eq(users.id, workflowEvents.actorId))
    .where(and(eq(workflowEvents.articleId, articleId), eq(workflowEvents.toStatus, 'scheduled')))
    .orderBy(desc(workflowEvents.createdAt), desc(workflowEvents.id))
    .limit(1)
  if (!scheduled?.actorId) {
    return { ok: false, reason: 'forbidden', message: 'nobody who scheduled it still has an account.' }
  }
  const { actorId } = scheduled
  // A savepoint: a refusal rolls back only the attempt, so the story can be sent back to approved.
  const result = await attemptTransition(() =>
    tx.transaction((attemptTx) =>
      // The checklist's warnings were confirmed when the story was scheduled; its blocks still hold.
      applyTransition(attemptTx, actorId, articleId, 'publish', {
        baseVersion: version,
        now,
        eventNote: scheduledPublicationNote,
        confirmWarnings: 'confirmed-when-scheduled',
      }),
    ),
  )
  return result.ok ? result : { ...result, message: `${scheduled.name ?? 'The editor'} scheduled it, but: ${result.message}` }
}

type DueStory = Pick<typeof articles.$inferSelect, 'id' | 'status' | 'version' | 'currentRevisionId' | 'publishedRevisionId'>

/** The move the table calls `lapse`: Copydesk itself sends the story back to approved, saying why. */
async function returnToApproved(tx: Tx, due: DueStory, reason: string, now: Date) {
  await changeStatus(tx, { ...due, hasUnpublishedChanges: hasUnpublishedChanges(due), ownerIds: [] }, 'lapse', 'system', {
    revisionId: due.currentRevisionId,
    note: `Not published at its scheduled time: ${reason} Publish or schedule it again.`,
    now,
  })
}

const trashPurgeIntervalMs = 60 * 60 * 1000

export type SchedulerOptions = PublishDueOptions & {
  /** How often to look for due stories. */
  intervalMs?: number
  /** The clock, for tests. */
  now?: () => Date
}

/**
 * Runs `publishDue` now (catching up on anything that fell due while the app was down) and then
 * every `intervalMs`, never two runs at once; empties the trash of what has been there longer
 * than the newsroom keeps it (`purgeExpiredTrash`) at the first run and then hourly. A failed run is logged and the next one goes
 * ahead. Returns a function that stops it, waiting for a run in progress to finish.
 */
export function startScheduler(db: Db, options: SchedulerOptions = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 5000
  const now = options.now ?? (() => new Date())
  const log = options.log ?? console
  let lastPurge = -Infinity
  return repeatRounds(async () => {
    try {
      const published = await publishDue(db, now(), options)
      if (published > 0) log.info(`Copydesk: published ${countOf(published, 'scheduled story', 'scheduled stories')}`)
    } catch (error) {
      log.error('Copydesk: the scheduled-publishing run failed; trying again shortly:', error)
    }
    // The trash is counted in days: emptying it at start-up and hourly is on time enough.
    if (now().getTime() - lastPurge >= trashPurgeIntervalMs) {
      try {
        lastPurge = now().getTime()
        const purged = await purgeExpiredTrash(db, now())
        if (purged > 0) log.info(`Copydesk: deleted ${countOf(purged, 'story', 'stories')} from the trash for good`)
      } catch (error) {
        log.error('Copydesk: emptying the trash failed; trying again within the hour:', error)
      }
    }
  }, intervalMs)
}
