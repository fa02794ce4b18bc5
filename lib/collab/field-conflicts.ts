import * as Y from 'yjs'
import { type MapField, isMapField } from './story-fields'

// When a value this person put into a field of the shared story (lib/collab/story-fields.ts) is
// replaced by a change made by someone who had not seen it: two people changed the field while
// one of them was cut off, and Yjs keeps the value it orders last (by client id, not time). The
// person whose value lost is told (components/desk/field-conflicts.tsx); a change made by someone
// who had seen the value is an ordinary edit and says nothing. No DOM here.

/** A value of mine replaced by one set without seeing it: the field, both values, and who set theirs (Yjs client id). */
export type FieldConflict = { field: MapField; mine: unknown; theirs: unknown; byClient: number }

type Watch = {
  /** A value of mine was replaced by someone who had not seen it. */
  onConflict: (conflict: FieldConflict) => void
  /** This person set the field again (a notice about it is then out of date). */
  onWritten?: (field: MapField) => void
}

/**
 * Watches the story's field map in this person's document: remembers the entry each of their own
 * changes made, and reports a conflict when a change from elsewhere deletes that entry without
 * having seen it. Answers the function that stops watching.
 */
export function watchFieldConflicts(map: Y.Map<unknown>, { onConflict, onWritten }: Watch): () => void {
  const mine = new Map<MapField, { id: Y.ID; value: unknown }>()
  const observe = (event: Y.YMapEvent<unknown>) => {
    const { transaction } = event
    for (const field of event.keysChanged) {
      const current = map._map.get(field)
      if (!isMapField(field) || !current || current.deleted) continue
      if (transaction.local) {
        mine.set(field, { id: current.id, value: map.get(field) })
        onWritten?.(field)
        continue
      }
      const held = mine.get(field)
      if (!held || !Y.isDeleted(transaction.deleteSet, held.id)) continue
      mine.delete(field)
      if (!hadSeen(transaction.doc.store, current, held.id)) {
        onConflict({ field, mine: held.value, theirs: map.get(field), byClient: current.id.client })
      }
    }
  }
  map.observe(observe)
  return () => map.unobserve(observe)
}

/**
 * Whether the map entry `entry` was set by someone who had seen the entry `seen` of the same
 * field. Each entry of a field is made with the field's entry of that moment as its origin, so
 * someone who had seen `seen` (as the field's value) made `entry` from `seen` or from an entry
 * made after it: `seen` is on the chain of origins from `entry`. Two changes made without
 * seeing each other start from the same origin, and neither is on the other's chain.
 */
export function hadSeen(store: Y.Doc['store'], entry: Y.Item, seen: Y.ID): boolean {
  let origin = entry.origin
  while (origin) {
    const item: Y.Item | Y.GC = Y.getItem(store, origin)
    if (!(item instanceof Y.Item)) return false
    // Deleted entries of one person may be merged into one item, each part made from the one before.
    if (origin.client === seen.client && seen.clock >= item.id.clock && seen.clock <= origin.clock) return true
    origin = item.origin
  }
  return false
}
