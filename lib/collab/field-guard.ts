import 'server-only'
import * as Y from 'yjs'
import type { Actor } from '../permissions'
import { fieldChangeProblem, fieldMapOf, fieldsPart } from './story-fields'

// The sync server's check of the story's field map (lib/collab/story-fields.ts): a change sent
// over the socket that would give a field a value the person may not give it is not applied.

/**
 * Whether `update` may change the field map of `doc`. Cheap and cautious: an entry written into
 * the map, a change placed beside an entry of the map or beside something the document does not
 * hold yet, or a deletion of an entry, says yes. Typing into the text says no.
 */
export function mayTouchFields(doc: Y.Doc, update: Uint8Array): boolean {
  const map = fieldMapOf(doc)
  const { structs, ds } = Y.decodeUpdate(update)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    // A decoded item names a root type by its name (Yjs's types say otherwise).
    const parent: unknown = struct.parent
    if (parent === fieldsPart) return true
    // Encoded without its parent, an item's parent is its neighbours'.
    if (parent === null && [struct.origin, struct.rightOrigin].some((id) => id !== null && !isOutsideMap(doc, map, id))) return true
  }
  for (const entry of map._map.values()) {
    for (let item: Y.Item | null = entry; item; item = item.left) if (Y.isDeleted(ds, item.id)) return true
  }
  return false
}

/** Whether the document holds the item `id` and it is not an entry of the map. */
function isOutsideMap(doc: Y.Doc, map: Y.Map<unknown>, id: Y.ID): boolean {
  const known = doc.store.clients.get(id.client)
  const last = known?.[known.length - 1]
  if (!last || last.id.clock + last.length <= id.clock) return false
  const item = Y.getItem(doc.store, id)
  return item instanceof Y.Item && item.parent !== map
}

/**
 * Why `actor` may not apply `update` to the field map of `doc` (null when they may): what the
 * map would hold is checked on a copy first.
 */
export function fieldUpdateProblem(doc: Y.Doc, update: Uint8Array, actor: Actor): string | null {
  if (!mayTouchFields(doc, update)) return null
  const trial = new Y.Doc({ gc: false })
  Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc))
  Y.applyUpdate(trial, update)
  return fieldChangeProblem(actor, fieldMapOf(doc).toJSON(), fieldMapOf(trial).toJSON())
}
