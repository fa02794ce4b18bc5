import 'server-only'
import * as Y from 'yjs'
import { z } from 'zod'
import { type SharedParts, mergeIntoShared } from './shared-parts'
import { type SharedDraft, readStoryDocument, replaceStoryDocument } from './storage'
import { type FieldValues, fieldMapOf, readFieldValues, savedFieldsToTake, writeFieldValues } from './story-fields'

// A save made outside the shared document (a revision restored, a draft written through the
// Content API, a form's save made alone) goes into it as a request with an id of its own. The
// shared document notes each id it took, in the same transaction as the change: a request is put
// in once, whichever instance tries it, however often (lib/collab/across-instances.ts).

/** A save made outside the shared document, to put into it. */
export type SavedChange =
  | { kind: 'replace'; draft: SharedDraft; revisionId: number }
  | {
      kind: 'merge'
      /** What the save was made from: its `fields` tell which fields the save changed (none sent, every field of the save is taken). */
      base: SharedParts & { fields?: FieldValues }
      saved: SharedParts & { fields: FieldValues; revisionId: number }
    }

/** A save to put into a story's shared document, once. */
export type SavedRequest = { id: string; articleId: number; change: SavedChange }

/** What an instance of this app sends; its change is a SavedChange. */
export const savedRequestSchema = z.object({
  id: z.string().min(1),
  articleId: z.number().int().positive(),
  change: z.object({ kind: z.enum(['replace', 'merge']) }).passthrough(),
})

/** The part of a story's shared document that notes the requests put in: id → when. */
export const putInPart = 'savedElsewhere'

/** How long the document keeps the note of a request: longer than a request waits (`requestKeptMs`). */
const notedMs = 8 * 24 * 60 * 60 * 1000

/** How long a request not yet put in is kept for the story's next opening. */
export const requestKeptMs = 7 * 24 * 60 * 60 * 1000

/** The revision a request's save made. */
export function revisionOf(request: SavedRequest): number {
  return request.change.kind === 'replace' ? request.change.revisionId : request.change.saved.revisionId
}

/** Whether `doc` holds the request `id` already. */
export function isPutIn(doc: Y.Doc, id: string): boolean {
  return doc.getMap<number>(putInPart).has(id)
}

/**
 * Puts `request` into `doc`, with its note, in one transaction: a draft restored or written through
 * the API replaces the shared parts; a save made alone is merged with what was typed since its
 * revision, and takes the fields it changed (a field typed there that it left alone stays). False,
 * changing nothing, when `doc` holds it already.
 */
export function putInOnce(doc: Y.Doc, request: SavedRequest, now = Date.now()): boolean {
  if (isPutIn(doc, request.id)) return false
  const { change } = request
  doc.transact(() => {
    if (change.kind === 'replace') replaceStoryDocument(doc, change.draft)
    else {
      const { fields, ...merged } = mergeIntoShared(change.base, change.saved, readStoryDocument(doc))
      replaceStoryDocument(doc, merged)
      const map = fieldMapOf(doc)
      const base = change.base.fields
      writeFieldValues(map, base ? savedFieldsToTake(base, readFieldValues(map), fields) : fields)
    }
    const noted = doc.getMap<number>(putInPart)
    for (const [id, at] of noted) if (at < now - notedMs) noted.delete(id)
    noted.set(request.id, now)
  })
  return true
}

/**
 * The change `putInOnce` would make to `doc`, as a Yjs update made on a copy of it (`doc` stays
 * as it is); null when `doc` holds the request already. Applied to any copy of the story, the
 * same update puts the request in once, however many instances apply it.
 */
export function changeFor(doc: Y.Doc, request: SavedRequest, now = Date.now()): Uint8Array | null {
  if (isPutIn(doc, request.id)) return null
  const copy = new Y.Doc({ gc: doc.gc })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(copy)
  putInOnce(copy, request, now)
  return Y.encodeStateAsUpdate(copy, before)
}

/** The change to make for `request`, given the one computed here; null: leave it to the instance now holding the story's queue. */
export type FixChange = (request: SavedRequest, computed: Uint8Array) => Promise<Uint8Array | null>

/**
 * Puts `requests` into `doc` in order, each as the change `fix` settles on (with Redis, the one the
 * first instance to put it in computed: lib/collab/queue-claim.ts), through `transact`; one `doc`
 * holds already is passed over. Stops where `fix` leaves a request to another instance. Returns
 * the last request `doc` now holds, if any.
 */
export async function putInEach(
  doc: Y.Doc,
  requests: SavedRequest[],
  transact: (apply: (doc: Y.Doc) => void) => unknown,
  fix: FixChange = async (_, computed) => computed,
): Promise<SavedRequest | undefined> {
  let last: SavedRequest | undefined
  for (const request of requests) {
    const computed = changeFor(doc, request)
    const change = computed && (await fix(request, computed))
    if (computed && !change) break
    if (change) await transact((document) => Y.applyUpdate(document, change))
    if (!isPutIn(doc, request.id)) throw new Error(`its save ${request.id} needs changes this copy has not received yet`)
    last = request
  }
  return last
}
