import 'server-only'
import { isDeepStrictEqual } from 'node:util'
import { inArray } from 'drizzle-orm'
import type * as Y from 'yjs'
import type { Db } from '@/db'
import { users } from '@/db/schema'
import { type SaveResult, saveArticle } from '../article-drafts'
import { articleInputSchema } from '../article-input'
import { loadCurrent } from '../editable-article'
import { type Refusal, refusal } from '../refusal'
import { followsHeadline } from '../story-draft'
import { buildStoryDocument, readStoryDocument, storeStoryDocument } from './storage'

/** A pause in everyone's typing this long cuts a revision. */
export const typingPauseMs = 10_000

export type CutKind = 'autosave' | 'save'

export type CutResult = { ok: true; revisionNumber: number; coalesced: boolean; unchanged: boolean } | Refusal

/**
 * Makes the shared document's headline, standfirst and body the story's newest revision, through
 * `saveArticle` and so with its rules: the same checks, and the same coalescing (an autosave goes
 * into the same person's autosave of the last five minutes). It is saved as the first of
 * `candidates` (most wanted first: who pressed save, then who typed last) who may still edit the
 * story; the revision records `contributors`, everyone who typed into it since the last cut. An
 * autosave that would change nothing is not made.
 */
export async function cutRevision(
  db: Db,
  articleId: number,
  doc: Y.Doc,
  options: { kind: CutKind; candidates: readonly number[]; contributors: readonly number[]; now?: Date },
): Promise<CutResult> {
  const draft = readStoryDocument(doc)
  let refused: Refusal = refusal('forbidden', 'Nobody who changed this story may still save it.')
  const people = await actors(db, options.candidates)
  for (const actor of people) {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const loaded = await loadCurrent(db, articleId)
      if (!loaded) return refusal('missing', 'This story no longer exists; it may have been deleted.')
      const { article, revision } = loaded
      if (options.kind === 'autosave' && isDeepStrictEqual(draft, readStoryDocument(buildStoryDocument(revision)))) {
        return { ok: true, revisionNumber: revision.number, coalesced: true, unchanged: true }
      }
      // A story never published keeps a slug made from its headline following the headline, as the form does.
      const isFollowing = article.firstPublishedAt === null && followsHeadline(revision.slug, revision.headline)
      const input = articleInputSchema.safeParse({ ...revision, ...draft, ...(isFollowing ? { slug: '' } : {}) })
      if (!input.success) return refusal('invalid', input.error.issues[0]?.message ?? 'This draft cannot be saved as it is.')
      const saved: SaveResult = await saveArticle(db, actor, articleId, input.data, {
        baseVersion: article.version,
        kind: options.kind,
        contributors: options.contributors,
        // Every change to the shared body was checked for settling as it came (lib/collab/body-guard.ts).
        settledFrom: draft.body,
        now: options.now,
      })
      if (saved.ok) {
        await storeStoryDocument(db, articleId, doc, { revisionId: (await loadCurrent(db, articleId))?.revision.id ?? null })
        return { ok: true, revisionNumber: saved.revisionNumber, coalesced: saved.coalesced, unchanged: false }
      }
      refused = saved
      // Someone saved through the form between reading the version and saving: read it again.
      if (saved.reason !== 'conflict') break
    }
    if (refused.reason !== 'forbidden') return refused
  }
  return refused
}

/** The people who may be saving, as the database knows them, in the order asked. */
async function actors(db: Db, ids: readonly number[]) {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return []
  const rows = await db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, wanted))
  return wanted.flatMap((id) => rows.filter((row) => row.id === id))
}

type Pending = { doc: Y.Doc; contributors: number[]; timer?: ReturnType<typeof setTimeout>; cutting: Promise<unknown> }

/**
 * Keeps, per open story, who has typed since the last cut, and cuts a revision after
 * `pauseMs` without anyone typing, or at once when asked (an explicit save, everyone leaving).
 * Cuts of one story run one after another.
 */
export class RevisionCutter {
  private readonly stories = new Map<number, Pending>()

  constructor(
    private readonly db: Db,
    private readonly options: {
      pauseMs?: number
      onCut?: (articleId: number, result: CutResult) => void
      log?: Pick<Console, 'error'>
    } = {},
  ) {}

  /** A story was opened: `contributors` typed into its stored document before it was last closed, and were never cut. */
  open(articleId: number, doc: Y.Doc, contributors: readonly number[]): void {
    this.stories.set(articleId, { doc, contributors: [...contributors], cutting: Promise.resolve() })
    if (contributors.length > 0) this.schedule(articleId)
  }

  /** Someone changed the story: the pause starts again. */
  noteChange(articleId: number, userId: number): void {
    const story = this.stories.get(articleId)
    if (!story) return
    story.contributors = [...story.contributors.filter((id) => id !== userId), userId]
    this.schedule(articleId)
  }

  /** Who typed since the last cut, for storing with the document. */
  contributorsOf(articleId: number): number[] {
    return [...(this.stories.get(articleId)?.contributors ?? [])]
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

  /** Everyone is leaving the story: cuts what is pending now. */
  async flush(articleId: number): Promise<void> {
    const story = this.stories.get(articleId)
    if (story && story.contributors.length > 0) await this.cutNow(articleId, 'autosave').catch((error) => this.report(error))
  }

  /** The story was closed here: forgets it. */
  forget(articleId: number): void {
    clearTimeout(this.stories.get(articleId)?.timer)
    this.stories.delete(articleId)
  }

  stop(): void {
    for (const story of this.stories.values()) clearTimeout(story.timer)
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

  private async cut(articleId: number, story: Pending, kind: CutKind, requestedBy?: number): Promise<CutResult> {
    const contributors = story.contributors
    if (kind === 'autosave' && contributors.length === 0) return refusal('invalid', 'Nothing has changed since the last revision.')
    story.contributors = []
    const candidates = [...(requestedBy === undefined ? [] : [requestedBy]), ...[...contributors].reverse()]
    let result: CutResult
    try {
      result = await cutRevision(this.db, articleId, story.doc, { kind, candidates, contributors })
    } catch (error) {
      result = refusal('invalid', 'The revision could not be saved; it will be tried again.')
      this.report(error)
    }
    // Those who typed while it was cut come after; a failed cut keeps everyone for the next one.
    if (!result.ok) story.contributors = [...contributors.filter((id) => !story.contributors.includes(id)), ...story.contributors]
    else if (story.contributors.length > 0) await storeStoryDocument(this.db, articleId, story.doc, { contributors: story.contributors })
    this.options.onCut?.(articleId, result)
    return result
  }

  private report(error: unknown): void {
    ;(this.options.log ?? console).error(`Copydesk: cutting a revision of a shared story failed: ${String(error)}`)
  }
}
