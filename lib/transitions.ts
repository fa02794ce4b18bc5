import 'server-only'
import { eq } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { type ArticleStatus, articles, revisions, slugHistory } from '@/db/schema'
import { checkRead } from './article-access'
import { ownerIds, syncAttribution } from './article-attribution'
import { addSearchWords } from './search-words'
import { storyProblems } from './article-input'
import { isSlugClash, slugTaken } from './article-slugs'
import { recordAudit } from './audit'
import { addNote } from './notes'
import { type WarningConfirmation, enforceChecklist } from './prepublish'
import type { NotificationKind } from './notification-kinds'
import { notify } from './notifications'
import { authorize } from './authorize'
import type { Actor } from './permissions'
import { type Result, Refused, refusal, refuse } from './refusal'
import { sectionTrails, storyPath } from './sections'
import { changeStatus } from './status-change'
import { type WorkflowAction, statuses, workflow } from './workflow'
import { hasUnpublishedChanges, holdsApproval, isPubliclyVisible } from './story-state'
import type { AvailableAction } from './workflow-checks'
import { availableActions, checkTransition } from './workflow-checks'
import { checkTransitionInput, cleanNote } from './workflow-input'
import { embargoProblem, isEmbargoed } from './embargo'
import { readSetting } from './settings'

// Moving a story through the workflow (lib/workflow.ts has the rules): one transaction per
// transition, with the story locked, the actor's role re-read, the version checked, and the
// audit event written with the change.

export type TransitionOptions = {
  /** The story's version the person's screen showed; another one means it moved on meanwhile. */
  baseVersion: number
  /** Required to request changes (it becomes an editorial note too); optional otherwise. */
  note?: string
  /** For `schedule`: when to publish. */
  scheduledAt?: Date
  /** The checklist's warnings the person confirmed (lib/prepublish.ts); none unless said. */
  confirmWarnings?: WarningConfirmation
  /** The clock, for tests. */
  now?: Date
}

/** What the caller needs to refresh the pages that show the story. */
export type TransitionedArticle = {
  id: number
  status: ArticleStatus
  sectionId: number
  slug: string
  /** The story's public address (whether or not readers can see it now). */
  path: string
  /** Addresses readers knew that now redirect to `path`. */
  oldPaths: string[]
}

export type TransitionResult = Result<{ article: TransitionedArticle }>

/**
 * Takes a workflow action on a story, all or nothing. Refuses (changing nothing) an actor who
 * is disabled or lacks the capability, a story in the wrong status, a stale `baseVersion`, a
 * missing or oversized note, a bad publication time, publishing without a headline, and a step
 * the pre-publish checklist blocks or whose warnings were not confirmed.
 */
export async function transition(
  db: Db,
  actor: Actor,
  articleId: number,
  action: WorkflowAction,
  options: TransitionOptions,
): Promise<TransitionResult> {
  const now = options.now ?? new Date()
  const problem = checkTransitionInput(action, options, now)
  if (problem) return refusal('invalid', problem)
  return attemptTransition(() => db.transaction((tx) => applyTransition(tx, actor.id, articleId, action, { ...options, now })))
}

/** Runs a transition, turning a refusal (`refuse`) or a lost slug into a result. */
export async function attemptTransition(run: () => Promise<TransitionedArticle>): Promise<TransitionResult> {
  try {
    return { ok: true, article: await run() }
  } catch (error) {
    if (error instanceof Refused) return error.refusal
    // Another story took the address between the check and the write.
    if (isSlugClash(error)) return refusal('invalid', 'Another story in that section now uses this slug; change it and try again.')
    throw error
  }
}

/**
 * The transition itself, inside the caller's transaction; throws `Refused` (see `attemptTransition`).
 * `eventNote` is what the audit trail records when it is not the person's note (the scheduler's).
 */
export async function applyTransition(
  tx: Tx,
  actorId: number,
  articleId: number,
  action: WorkflowAction,
  options: TransitionOptions & { now: Date; eventNote?: string },
): Promise<TransitionedArticle> {
  const { now } = options
  const note = cleanNote(options.note ?? '')
  const [article] = await tx.select().from(articles).where(eq(articles.id, articleId)).for('update')
  if (!article) refuse('missing', 'This story no longer exists; it may have been deleted.')
  if (article.currentRevisionId === null) throw new Error(`Article ${articleId} has no current revision.`)
  // An approved or scheduled story moves, and goes live, as it was approved (lib/approval.ts).
  const approved = holdsApproval(article.status) ? article.approvedRevisionId : null
  const revision = await loadRevision(tx, approved ?? article.currentRevisionId)

  const story = {
    id: articleId,
    status: article.status,
    trashedAt: article.trashedAt,
    version: article.version,
    publishedRevisionId: article.publishedRevisionId,
    hasUnpublishedChanges: hasUnpublishedChanges(article),
    ownerIds: await ownerIds(tx, article, revision.bylines),
    // Where it lives and where this revision would put it: a section desk must hold both.
    sectionIds: [article.sectionId, revision.sectionId],
  }
  // Re-reads the person inside this transaction; the table's capability is checked with the status below.
  const person = await authorize(tx, { id: actorId }, 'desk.enter')
  if (!person.ok) refuse(person.reason, person.message)
  const { actor } = person
  const check = checkTransition(actor, story, action)
  // The table's reason names who may, never what the story holds: safe for someone who may not read it.
  if (!check.ok && check.reason === 'forbidden') refuse('forbidden', check.message)
  if (article.version !== options.baseVersion) {
    refuse(
      'conflict',
      `Someone changed this story while you were looking at it; it is now “${statuses[article.status].label}”. ` +
        'Reload it to see the latest version, then try again.',
    )
  }
  if (!check.ok) refuse('invalid', check.message)
  const embargo = embargoProblem(action, article, options.scheduledAt, now, await readSetting(tx, 'timeZone'))
  if (embargo) refuse('invalid', embargo)
  if (workflow[action].needsCompleteStory) {
    const problems = storyProblems(revision)
    if (problems.length > 0) refuse('invalid', problems.map((problem) => problem.message).join(' '))
  }
  if (workflow[action].needsChecklist) {
    await enforceChecklist(tx, { actorId: actor.id, articleId, revisionId: revision.id, action }, options.confirmWarnings ?? [])
  }

  const trails = await sectionTrails(tx)
  const isPublishing = check.to === 'published'
  // Publishing moves the story to the address and credits of the revision that goes live.
  const routing = isPublishing
    ? { sectionId: revision.sectionId, slug: revision.slug }
    : { sectionId: article.sectionId, slug: article.slug }
  const path = storyPath(trails, routing.sectionId, routing.slug)
  const oldPaths: string[] = []
  if (isPublishing) {
    const oldPath = storyPath(trails, article.sectionId, article.slug)
    if (oldPath !== path) {
      if (await slugTaken(tx, articleId, routing.sectionId, routing.slug)) {
        refuse(
          'invalid',
          `The slug “${routing.slug}” is already used in that section (by another story or a sub-section); change it and try again.`,
        )
      }
      // Only an address readers could have known needs to redirect.
      if (article.publishedRevisionId !== null) {
        oldPaths.push(oldPath)
        await tx
          .insert(slugHistory)
          .values({ articleId, path: oldPath, createdAt: now })
          .onConflictDoUpdate({ target: slugHistory.path, set: { articleId, createdAt: now } })
      }
    }
    // A live address is never a redirect (the story may be moving back to an old one).
    await tx.delete(slugHistory).where(eq(slugHistory.path, path))
    // Until the first publication the mirror follows every save; after it, the live revision's.
    if (article.publishedRevisionId !== null) {
      await syncAttribution(tx, articleId, await loadRevision(tx, article.publishedRevisionId), revision)
    }
    // Also keeps later autosaves from coalescing into the live revision.
    await tx.update(revisions).set({ kind: 'published' }).where(eq(revisions.id, revision.id))
    // Its headline's words and its tags become words the reader's search can suggest.
    await addSearchWords(tx, revision)
  }

  if (action === 'requestChanges') {
    const added = await addNote(tx, actor, articleId, { body: note }, { now })
    if (!added.ok) refuse('invalid', added.message)
  }

  const status = await changeStatus(tx, story, action, actor, {
    revisionId: revision.id,
    note: options.eventNote ?? note,
    scheduledAt: options.scheduledAt,
    publication: isPublishing
      ? { ...routing, publishedRevisionId: revision.id, firstPublishedAt: article.firstPublishedAt ?? now, publishedAt: now }
      : undefined,
    now,
  })
  const told = toldOf[action]
  if (told) await notify(tx, { kind: told, articleId, actorId: actor.id, detail: note ? { note } : {}, now })
  const readers = workflow[action].ask?.readers
  if (readers) {
    await recordAudit(tx, {
      action: readers.audit,
      actorId: actor.id,
      detail: { story: articleId, headline: revision.headline, path, reason: note },
    })
  }
  return { id: articleId, status, ...routing, path, oldPaths }
}

/** Which actions tell people, and of what (lib/notification-kinds.ts says whom). */
const toldOf: Partial<Record<WorkflowAction, NotificationKind>> = {
  submit: 'submitted',
  requestChanges: 'changesRequested',
  publish: 'published',
  republish: 'published',
}

/** Where a story is in the workflow, and the buttons this person may press. */
export type WorkflowState = {
  id: number
  status: ArticleStatus
  /** Send it back as `baseVersion`. */
  version: number
  isLive: boolean
  hasUnpublishedChanges: boolean
  scheduledAt: Date | null
  /** Nothing of it reaches readers before this (lib/embargo.ts); null: no embargo, or one that has passed. */
  embargoUntil: Date | null
  firstPublishedAt: Date | null
  /** The last publication: later than `firstPublishedAt` means readers see "Updated". */
  publishedAt: Date | null
  path: string
  actions: AvailableAction[]
}

/** A story's workflow state for the desk; null when it does not exist or the viewer may not read it. */
export async function getWorkflowState(db: Db, viewer: Actor, articleId: number): Promise<WorkflowState | null> {
  const [row] = await db
    .select({ article: articles, bylines: revisions.bylines, headline: revisions.headline, sectionId: revisions.sectionId })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
  if (!row) return null
  const { article } = row
  const story = {
    status: article.status,
    trashedAt: article.trashedAt,
    publishedRevisionId: article.publishedRevisionId,
    hasUnpublishedChanges: hasUnpublishedChanges(article),
    ownerIds: await ownerIds(db, article, row.bylines ?? []),
    sectionIds: [article.sectionId, row.sectionId ?? article.sectionId],
    scheduledAt: article.scheduledAt,
  }
  if (!checkRead(viewer, story).ok) return null
  const path = storyPath(await sectionTrails(db), article.sectionId, article.slug)
  const named = { headline: row.headline ?? '', path }
  return {
    id: article.id,
    status: article.status,
    version: article.version,
    isLive: isPubliclyVisible(article),
    hasUnpublishedChanges: story.hasUnpublishedChanges,
    scheduledAt: article.scheduledAt,
    embargoUntil: isEmbargoed(article, new Date()) ? article.embargoUntil : null,
    firstPublishedAt: article.firstPublishedAt,
    publishedAt: article.publishedAt,
    path,
    // A confirmation of a change of what readers see names the story.
    actions: availableActions(viewer, story).map((action) => (action.ask?.readers ? { ...action, story: named } : action)),
  }
}

async function loadRevision(tx: Db | Tx, revisionId: number) {
  const [revision] = await tx
    .select({
      id: revisions.id,
      headline: revisions.headline,
      sectionId: revisions.sectionId,
      slug: revisions.slug,
      bylines: revisions.bylines,
      tags: revisions.tags,
    })
    .from(revisions)
    .where(eq(revisions.id, revisionId))
  if (!revision) throw new Error(`Revision ${revisionId} does not exist.`)
  return revision
}
