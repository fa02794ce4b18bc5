import 'server-only'
import { isDeepStrictEqual } from 'node:util'
import { eq, inArray } from 'drizzle-orm'
import type * as Y from 'yjs'
import type { Db } from '@/db'
import { revisions, users } from '@/db/schema'
import { type SaveResult, saveArticle } from '../article-drafts'
import { loadCurrent } from '../editable-article'
import { type Refusal, refusal } from '../refusal'
import { type FieldNotTaken, cutInput, hasSavedFields, notTakenMessage } from './cut-fields'
import {
  addContributors,
  buildStoryDocument,
  pendingContributors,
  readStoryDocument,
  storeStoryDocument,
  takeContributors,
  withPeople,
} from './storage'
import { fieldMapOf, isMapField, readFieldValues } from './story-fields'

/** A pause in everyone's typing this long cuts a revision. */
export const typingPauseMs = 10_000

export type CutKind = 'autosave' | 'save'

/** A cut's answer; `notTaken`: the fields of the shared story the revision kept at their last saved value, and why. */
export type CutResult = { ok: true; revisionNumber: number; coalesced: boolean; unchanged: boolean; notTaken: FieldNotTaken[] } | Refusal

/**
 * Makes the shared document the story's newest revision, through `saveArticle` and so with its
 * rules: the same checks, and the same coalescing (an autosave goes into the same person's
 * autosave of the last five minutes). The headline, standfirst and body are the document's, and
 * so is every other field its `fields` map holds (lib/collab/cut-fields.ts): a value there that
 * the story's schema or the save refuses keeps the field's last saved value, and the rest is cut.
 * It is saved as the first of `candidates` (most wanted first: who pressed save, then who typed
 * last) who may still edit the story; the revision records `contributors`, everyone who typed
 * into it since the last cut. An autosave that would change nothing is not made.
 */
export async function cutRevision(
  db: Db,
  articleId: number,
  doc: Y.Doc,
  options: { kind: CutKind; candidates: readonly number[]; contributors: readonly number[]; now?: Date; heldBy?: string | null },
): Promise<CutResult> {
  const draft = readStoryDocument(doc)
  const held = readFieldValues(fieldMapOf(doc))
  let refused: Refusal = refusal('forbidden', 'Nobody who changed this story may still save it.')
  const people = await actors(db, options.candidates)
  for (const actor of people) {
    let notTaken: FieldNotTaken[] = []
    for (let conflicts = 0; conflicts < 2;) {
      const loaded = await loadCurrent(db, articleId)
      if (!loaded) return refusal('missing', 'This story no longer exists; it may have been deleted.')
      const { article, revision } = loaded
      const cut = cutInput(revision, article.firstPublishedAt !== null, draft, held, notTaken)
      if (!cut.ok) return cut
      const isSaved = isDeepStrictEqual(draft, readStoryDocument(buildStoryDocument(revision))) && hasSavedFields(cut.input, revision)
      if (options.kind === 'autosave' && isSaved) {
        // Their typing is in it (another instance, or the form, saved it first): it names them too.
        await nameContributors(db, revision.id, options.contributors)
        return { ok: true, revisionNumber: revision.number, coalesced: true, unchanged: true, notTaken: cut.notTaken }
      }
      const saved: SaveResult = await saveArticle(db, actor, articleId, cut.input, {
        baseVersion: article.version,
        kind: options.kind,
        contributors: options.contributors,
        // Every change to the shared body and fields was checked as it came (lib/collab/body-guard.ts, field-guard.ts).
        settledFrom: draft.body,
        bylinesFrom: cut.input.bylines,
        now: options.now,
      })
      if (saved.ok) {
        const revisionId = (await loadCurrent(db, articleId))?.revision.id ?? null
        await storeStoryDocument(db, articleId, doc, { revisionId, heldBy: options.heldBy })
        return { ok: true, revisionNumber: saved.revisionNumber, coalesced: saved.coalesced, unchanged: false, notTaken: cut.notTaken }
      }
      refused = saved
      // A field of the map the save refuses (a slug another story has) keeps its saved value; the rest is cut.
      const field = saved.reason === 'invalid' ? saved.field : undefined
      if (field !== undefined && isMapField(field) && field in held && !cut.notTaken.some((aside) => aside.field === field)) {
        notTaken = [...cut.notTaken, { field, message: notTakenMessage(field, saved.message) }]
        continue
      }
      // Someone saved through the form between reading the version and saving: read it again.
      if (saved.reason !== 'conflict') break
      conflicts += 1
    }
    if (refused.reason !== 'forbidden') return refused
  }
  return refused
}

/** Adds `people` to the revision's contributors. */
async function nameContributors(db: Db, revisionId: number, people: readonly number[]): Promise<void> {
  if (people.length === 0) return
  await db
    .update(revisions)
    .set({ contributors: withPeople(revisions.contributors, people) })
    .where(eq(revisions.id, revisionId))
}

/** The people who may be saving, as the database knows them, in the order asked. */
async function actors(db: Db, ids: readonly number[]) {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return []
  const rows = await db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, wanted))
  return wanted.flatMap((id) => rows.filter((row) => row.id === id))
}

/** How soon who typed is written to the database (lib/collab/storage.ts), at most once this often per story. */
export const contributorsWriteMs = 250

type Pending = {
  doc: Y.Doc
  /** Who typed here, most recent last, since the last cut here: who the next cut is saved as first. */
  recent: number[]
  /** Who typed here and is not yet written to the database. */
  unwritten: Set<number>
  timer?: ReturnType<typeof setTimeout>
  writer?: ReturnType<typeof setTimeout>
  cutting: Promise<unknown>
}

/**
 * Cuts a revision of each open story after `pauseMs` without anyone typing (on any instance), or
 * at once when asked (an explicit save, everyone leaving). Who typed is written to the database
 * within `contributorsWriteMs`, and each cut takes everyone written there: with Redis, whichever
 * instance cuts first names everyone, whichever instance they typed through, and another
 * instance cutting the same pause finds nobody left and cuts nothing. Cuts of one story here run
 * one after another.
 */
export class RevisionCutter {
  private readonly stories = new Map<number, Pending>()

  constructor(
    private readonly db: Db,
    private readonly options: {
      pauseMs?: number
      /** Without Redis, this instance: it stores the documents it cuts only while it holds their leases. */
      heldBy?: string | null
      onCut?: (articleId: number, result: CutResult) => void
      log?: Pick<Console, 'error'>
    } = {},
  ) {}

  /** A story was opened: `contributors` typed into its stored document and were never cut. */
  open(articleId: number, doc: Y.Doc, contributors: readonly number[]): void {
    this.stories.set(articleId, { doc, recent: [], unwritten: new Set(), cutting: Promise.resolve() })
    if (contributors.length > 0) this.schedule(articleId)
  }

  /** Someone changed the story (`userId` here, null through another instance): the pause starts again. */
  noteChange(articleId: number, userId: number | null): void {
    const story = this.stories.get(articleId)
    if (!story) return
    if (userId !== null) {
      story.recent = [...story.recent.filter((id) => id !== userId), userId]
      story.unwritten.add(userId)
      story.writer ??= setTimeout(() => void this.writeContributors(story, articleId), contributorsWriteMs)
      story.writer.unref?.()
    }
    this.schedule(articleId)
  }

  /** Who typed since the last cut, through any instance. */
  async contributorsOf(articleId: number): Promise<number[]> {
    const story = this.stories.get(articleId)
    if (story) await this.writeContributors(story, articleId)
    return pendingContributors(this.db, articleId)
  }

  /** Cuts a revision now: `requestedBy` asked for a save (and is the first to save it as). */
  cutNow(articleId: number, kind: CutKind, requestedBy?: number): Promise<CutResult> {
    const story = this.stories.get(articleId)
    if (!story) return Promise.resolve(refusal('missing', 'This story is not open for writing together here.'))
    clearTimeout(story.timer)
    const result = story.cutting.then(() => this.cut(articleId, story, kind, requestedBy))
    story.cutting = result.catch(() => undefined)
    return result
  }

  /** Everyone is leaving the story here: cuts what is pending now. */
  async flush(articleId: number): Promise<void> {
    if (this.stories.has(articleId)) await this.cutNow(articleId, 'autosave').catch((error) => this.report(error))
  }

  /** The story was closed here: forgets it. */
  forget(articleId: number): void {
    const story = this.stories.get(articleId)
    clearTimeout(story?.timer)
    clearTimeout(story?.writer)
    this.stories.delete(articleId)
  }

  stop(): void {
    for (const story of this.stories.values()) {
      clearTimeout(story.timer)
      clearTimeout(story.writer)
    }
    this.stories.clear()
  }

  private schedule(articleId: number): void {
    const story = this.stories.get(articleId)
    if (!story) return
    clearTimeout(story.timer)
    story.timer = setTimeout(
      () => void this.cutNow(articleId, 'autosave').catch((error) => this.report(error)),
      this.options.pauseMs ?? typingPauseMs,
    )
    story.timer.unref?.()
  }

  private async writeContributors(story: Pending, articleId: number): Promise<void> {
    clearTimeout(story.writer)
    story.writer = undefined
    const people = [...story.unwritten]
    story.unwritten.clear()
    try {
      await addContributors(this.db, articleId, people)
    } catch (error) {
      for (const id of people) story.unwritten.add(id)
      this.report(error)
    }
  }

  private async cut(articleId: number, story: Pending, kind: CutKind, requestedBy?: number): Promise<CutResult> {
    await this.writeContributors(story, articleId)
    const contributors = await takeContributors(this.db, articleId)
    if (kind === 'autosave' && contributors.length === 0) return refusal('invalid', 'Nothing has changed since the last revision.')
    const recent = story.recent
    story.recent = []
    const candidates = [...(requestedBy === undefined ? [] : [requestedBy]), ...[...recent].reverse(), ...contributors]
    let result: CutResult
    try {
      result = await cutRevision(this.db, articleId, story.doc, { kind, candidates, contributors, heldBy: this.options.heldBy })
    } catch (error) {
      result = refusal('invalid', 'The revision could not be saved; it will be tried again.')
      this.report(error)
    }
    // A failed cut gives everyone back for the next one.
    if (!result.ok) {
      story.recent = [...recent.filter((id) => !story.recent.includes(id)), ...story.recent]
      await addContributors(this.db, articleId, contributors)
    }
    this.options.onCut?.(articleId, result)
    return result
  }
  private report(error: unknown): void {
    ;(this.options.log ?? console).error(`Copydesk: cutting a revision of a shared story failed: ${String(error)}`)
  }
}
