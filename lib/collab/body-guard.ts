import 'server-only'
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror'
import * as Y from 'yjs'
import type { RichTextDoc } from '@/db/schema'
import { type Actor, can } from '../permissions'
import { suggestionKinds, toSuggestionAttrs } from '../story-schema/marks/suggestion'
import { settlingProblem } from '../suggestion-settling'
import { documentParts } from './paths'
import { fieldsPart } from './story-fields'

// The sync server's check of the story's body: a change sent over the socket that would settle
// someone else's suggestion (lib/suggestion-settling.ts) without the right to review is not applied.

/** Past this many items deleted at once, the change is looked at closely without counting further. */
const maxDeletedItemsLooked = 200

/**
 * Why `actor` may not apply `update` to the body of `doc` (null when they may). The body the
 * update would make is read from a copy and compared with the body now: only when the update
 * names someone else as a suggestion's author (`namesOthers`), or, for a person who may not
 * review, touches someone else's suggestion (`maySettle`).
 */
export function bodyUpdateProblem(doc: Y.Doc, update: Uint8Array, actor: Actor): string | null {
  const isClose = namesOthers(update, actor) || (!can(actor, 'suggestion.review') && maySettle(doc, update, actor))
  if (!isClose) return null
  const trial = new Y.Doc({ gc: false })
  Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc))
  Y.applyUpdate(trial, update)
  return settlingProblem(actor, bodyOf(doc), bodyOf(trial))
}

/** The body as y-prosemirror reads it: enough for its suggestions, without the schema's slower pass. */
function bodyOf(doc: Y.Doc): RichTextDoc {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(documentParts.body)) as RichTextDoc
}

/**
 * Whether `update` may change a suggestion of someone other than `actor`: it formats with a
 * suggestion's mark (accepting sets it to nothing), places something inside another's suggested
 * words or deletes some of them, or changes what the cheap look cannot follow (an attribute,
 * a whole paragraph, a run it does not know). Typing anywhere else says no, at the cost of a
 * walk along one paragraph.
 */
export function maySettle(doc: Y.Doc, update: Uint8Array, actor: Actor): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    // A decoded item names a root type by its name: the field map is field-guard's.
    const parent: unknown = struct.parent
    if (parent === fieldsPart) continue
    if (isSuggestionFormat(struct.content) || struct.parentSub !== null) return true
    if (struct.origin === null) continue
    const left = knownItem(doc, struct.origin)
    if (!left || isInOthersSuggestion(left, actor)) return true
  }
  let looked = 0
  for (const [client, deletions] of ds.clients) {
    const items = doc.store.clients.get(client)
    if (!items) continue
    for (const { clock, len } of deletions) {
      for (let index = firstIndexAt(items, clock); index < items.length; index += 1) {
        const item = items[index]
        if (!item || item.id.clock >= clock + len) break
        if (!(item instanceof Y.Item) || item.deleted || item.parent === doc.getMap(fieldsPart)) continue
        looked += 1
        if (looked > maxDeletedItemsLooked || item.content instanceof Y.ContentType) return true
        if (isSuggestionFormat(item.content) || item.parentSub !== null || isInOthersSuggestion(item, actor)) return true
      }
    }
  }
  return false
}

/**
 * Whether `update` formats words as a suggestion by someone other than `actor`, or gives a
 * suggested paragraph break, block or block's change someone else's id: it may be a new one in their name.
 */
export function namesOthers(update: Uint8Array, actor: Actor): boolean {
  return Y.decodeUpdate(update).structs.some((struct) => {
    if (!(struct instanceof Y.Item)) return false
    const { content } = struct
    // A block's own suggestion names its author in `authorId`, a figure's or embed's change in `changeAuthorId` (attr-changes.ts).
    if (struct.parentSub === 'authorId' || struct.parentSub === 'changeAuthorId')
      return content instanceof Y.ContentAny && content.arr[0] !== actor.id
    return isSuggestionFormat(content) && content.value !== null && toSuggestionAttrs(content.value)?.authorId !== actor.id
  })
}

/** Whether `item` lies inside words someone other than `actor` suggested: the formatting in force where it is. */
function isInOthersSuggestion(item: Y.Item, actor: Actor): boolean {
  const seen = new Set<string>()
  for (let at: Y.Item | null = item; at; at = at.left) {
    const { content } = at
    if (at.deleted || !(content instanceof Y.ContentFormat) || !isSuggestionFormat(content) || seen.has(content.key)) continue
    seen.add(content.key)
    if (content.value !== null && toSuggestionAttrs(content.value)?.authorId !== actor.id) return true
  }
  return false
}

/** Whether the content is the formatting of a suggestion mark (set or ended). */
function isSuggestionFormat(content: Y.Item['content']): content is Y.ContentFormat {
  // y-prosemirror names a mark's formatting after the mark (with a suffix when one may repeat).
  return content instanceof Y.ContentFormat && suggestionKinds.some((kind) => content.key === kind || content.key.startsWith(`${kind}--`))
}

/** The item `id` of the document, or null when it does not hold it yet. */
function knownItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const items = doc.store.clients.get(id.client)
  const last = items?.[items.length - 1]
  if (!last || last.id.clock + last.length <= id.clock) return null
  const item = Y.getItem(doc.store, id)
  return item instanceof Y.Item ? item : null
}

/** The index of the struct holding `clock` among one client's (past the end when none does). */
function firstIndexAt(items: readonly (Y.Item | Y.GC)[], clock: number): number {
  const last = items[items.length - 1]
  return !last || last.id.clock + last.length <= clock ? items.length : Y.findIndexSS(items as (Y.Item | Y.GC)[], clock)
}
