import * as Y from 'yjs'

// Which changes sent over the socket may touch one of the story's shared maps (the fields, the
// writers), so that the sync server's guards check only those on a copy of the document.

/**
 * Whether `update` may change the map `part` of `doc`. Cheap and cautious: an entry written into
 * the map, a change placed beside an entry of the map or beside something the document does not
 * hold yet, or a deletion of an entry, says yes. Typing into the text says no.
 */
export function mayTouchMap(doc: Y.Doc, part: string, update: Uint8Array): boolean {
  const map = doc.getMap(part)
  const { structs, ds } = Y.decodeUpdate(update)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    // A decoded item names a root type by its name (Yjs's types say otherwise).
    const parent: unknown = struct.parent
    if (parent === part) return true
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

/** `doc` as it would be with `update` applied, the document itself untouched. */
export function trialOf(doc: Y.Doc, update: Uint8Array): Y.Doc {
  const trial = new Y.Doc({ gc: false })
  Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc))
  Y.applyUpdate(trial, update)
  return trial
}
