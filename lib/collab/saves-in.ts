import 'server-only'
import crypto from 'node:crypto'
import type { Hocuspocus } from '@hocuspocus/server'
import type * as Y from 'yjs'
import type { Db } from '@/db'
import type { SavesAcrossInstances } from './across-instances'
import { type LeaseHolder, takeLease } from './lease'
import { type FixChange, type SavedChange, type SavedRequest, isPutIn, putInEach, revisionOf } from './saved-changes'
import { documentNameOf, storeStoryDocument, takeContributors } from './storage'

// How a save made by other means reaches the story's shared document on this instance. With
// Redis it is recorded first (lib/collab/across-instances.ts) and taken off once put in; without,
// it is put in where this instance may.

export type SavesInParts = {
  db: Db
  hocuspocus: () => Hocuspocus
  across: SavesAcrossInstances | null
  /** Without Redis: this instance in the lease table (lib/collab/lease.ts). */
  leaseHolder: LeaseHolder | null
  leasesReady: Promise<void>
  log: Pick<Console, 'error'>
}

export function savesIntoShared({ db, hocuspocus, across, leaseHolder, leasesReady, log }: SavesInParts) {
  const isOpenHere = (articleId: number) => hocuspocus().documents.has(documentNameOf(articleId))

  /**
   * Puts the requests `doc` does not hold yet into it (`putInEach`: through `transact`, as `fix`
   * settles each) and stores it. A draft restored or written through the API replaces what was
   * typed: that typing is no one's contribution.
   */
  async function putInto(
    articleId: number,
    doc: Y.Doc,
    requests: SavedRequest[],
    transact: (apply: (doc: Y.Doc) => void) => unknown,
    fix?: FixChange,
  ) {
    const due = requests.filter((request) => !isPutIn(doc, request.id))
    if (due.length === 0) return
    if (due.some((request) => request.change.kind === 'replace')) await takeContributors(db, articleId)
    const last = await putInEach(doc, due, transact, fix)
    if (last) await storeStoryDocument(db, articleId, doc, { revisionId: revisionOf(last), heldBy: leaseHolder?.name })
  }

  /** Puts requests into the story's copy here, opening it if it is not, and stores it. */
  async function putInOpen(articleId: number, requests: SavedRequest[], fix?: FixChange): Promise<void> {
    const connection = await hocuspocus().openDirectConnection(documentNameOf(articleId))
    try {
      if (connection.document) await putInto(articleId, connection.document, requests, (apply) => connection.transact(apply), fix)
    } finally {
      await connection.disconnect()
    }
  }

  /**
   * As a story's document loads: what waits for it in Redis goes in (a document just built from a
   * revision holds every save up to it).
   */
  async function putInLoading(articleId: number, document: Y.Doc, builtFrom: number | null): Promise<void> {
    await across?.settle(articleId, async (requests, fix) => {
      const due = builtFrom === null ? requests : requests.filter((request) => revisionOf(request) > builtFrom)
      await putInto(articleId, document, due, (apply) => apply(document), fix)
    })
  }

  /**
   * Puts a save made by other means into the story's shared document. With Redis, recorded first:
   * put in here where the story is open here, by an instance where it is open otherwise, or by
   * loading it here where it is open nowhere. A save made alone (`merge`) on a story open nowhere
   * goes into its stored document too, which may hold typing not yet in a revision.
   */
  async function share(articleId: number, change: SavedChange): Promise<void> {
    const request = await across?.record(articleId, change)
    if (across && request) {
      // A failure leaves it recorded, for the instances' next look (lib/collab/across-instances.ts).
      if (isOpenHere(articleId))
        return across
          .settle(articleId, (waiting, fix) => putInOpen(articleId, waiting, fix))
          .catch((error: unknown) => log.error(`Copydesk: story ${articleId}'s shared document has yet to take a save: ${String(error)}`))
      if (await across.isOpenAnywhere(articleId)) return across.nudge(articleId)
      // Loading it takes in what waits for it (`putInLoading`); it closes again.
      return (await hocuspocus().openDirectConnection(documentNameOf(articleId))).disconnect()
    }
    const alone: SavedRequest = { id: crypto.randomUUID(), articleId, change }
    if (isOpenHere(articleId)) return putInOpen(articleId, [alone])
    if (across && (await across.isOpenAnywhere(articleId))) {
      return log.error(`Copydesk: story ${articleId}'s shared document, open on another instance, missed a save: Redis did not take it`)
    }
    // Without Redis another instance may be serving the story: its copy is left as it is, and
    // its next revision of the shared parts replaces this one (the README says so).
    await leasesReady
    if (leaseHolder && !(await takeLease(db, articleId, leaseHolder))) return
    await putInOpen(articleId, [alone])
  }

  return { share, putInOpen, putInLoading }
}
