import 'server-only'
import { eq, sql } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articles, media, notes, revisions } from '@/db/schema'
import { recordAudit } from './audit'
import { type CheckResult, type ChecklistStory, checklistVerdict, runChecklist } from './prepublish-checks'
import { refuse } from './refusal'
import { readCheckSeverities } from './settings'
import type { WorkflowAction } from './workflow'

// The pre-publish checklist (lib/prepublish-checks.ts) on a saved story: what the desk's story
// page shows, and what a transition enforces (lib/transitions.ts).

/**
 * The warnings the person confirmed (the ids the desk showed them), or `confirmed-when-scheduled`
 * for the scheduler publishing a story whose warnings were confirmed when it was scheduled.
 */
export type WarningConfirmation = readonly string[] | 'confirmed-when-scheduled'

/** The checklist of a story's newest revision, for the desk; null when it has none. */
export async function storyChecklist(db: Db, articleId: number): Promise<CheckResult[] | null> {
  const [article] = await db.select({ revisionId: articles.currentRevisionId }).from(articles).where(eq(articles.id, articleId))
  if (!article?.revisionId) return null
  return runChecklist(await checklistStory(db, article.revisionId), await readCheckSeverities(db))
}

/**
 * Inside a transition: refuses (`invalid`, saying what to fix) a revision with a blocking finding,
 * whatever the request says, or with a warning the person did not confirm; records the warnings
 * they confirmed in the audit trail.
 */
export async function enforceChecklist(
  tx: Tx,
  step: { actorId: number; articleId: number; revisionId: number; action: WorkflowAction },
  confirmation: WarningConfirmation,
): Promise<void> {
  const results = runChecklist(await checklistStory(tx, step.revisionId), await readCheckSeverities(tx))
  const blocking = checklistVerdict(
    results,
    results.map((result) => result.id),
  )
  if (!blocking.ok) refuse('invalid', blocking.message)
  if (confirmation === 'confirmed-when-scheduled') return
  const verdict = checklistVerdict(results, confirmation)
  if (!verdict.ok) refuse('invalid', verdict.message)
  if (verdict.confirmed.length === 0) return
  await recordAudit(tx, {
    action: 'story.warnings-confirmed',
    actorId: step.actorId,
    detail: { story: step.articleId, step: step.action, checks: verdict.confirmed.join(', ') },
  })
}

/** What the checks read of a revision: its fields, its lead image's alt text from the library, and its story's open comments. */
async function checklistStory(db: Db | Tx, revisionId: number): Promise<ChecklistStory> {
  const [row] = await db
    .select({
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      slug: revisions.slug,
      bylines: revisions.bylines,
      seoTitle: revisions.seoTitle,
      socialHeadline: revisions.socialHeadline,
      body: revisions.body,
      leadMediaId: revisions.leadMediaId,
      leadCredit: revisions.leadCredit,
      leadAlt: media.alt,
      openComments: sql<number>`(select count(*)::int from ${notes} where ${notes.articleId} = ${revisions.articleId}
        and ${notes.parentId} is null and ${notes.quote} is not null and ${notes.resolvedAt} is null)`,
    })
    .from(revisions)
    .leftJoin(media, eq(media.id, revisions.leadMediaId))
    .where(eq(revisions.id, revisionId))
  if (!row) throw new Error(`Revision ${revisionId} does not exist.`)
  const { leadMediaId, leadCredit, leadAlt, ...fields } = row
  return { ...fields, lead: leadMediaId === null ? null : { alt: leadAlt ?? '', credit: leadCredit } }
}
