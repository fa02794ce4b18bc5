import 'server-only'
import * as Y from 'yjs'

// A change the sync server cannot place yet: it follows one the server has not received (the
// person's earlier change lost with a dropped connection, sent again by their editor's sync, or a
// crafted pair sent second first). Yjs would keep it aside, unchecked, and place it when the change
// it follows came, whoever sent that. Instead the server holds it back until it can be placed as a
// whole, and the guards check it then (lib/collab/hooks.ts).

/** How long a change may wait for the one it follows: a connection's own sync sends that within a round trip. */
export const placeWaitMs = 10_000
/** How many changes one connection may have waiting at once. */
const maxWaiting = 100

export const unplacedMessage = 'Your change follows one the server never received, so it was not kept. Reload the page to go on.'

/**
 * Whether `doc` can place every part of `update` now: each item's own earlier items and the items
 * it sits beside or in are held by the document or come before it in the update, and each deletion
 * is of something so held. Placed as Yjs places them, client by client, for as long as one moves on.
 */
export function canPlace(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  // The next clock of each client: the document's, moved on by what the update places.
  const reached = new Map<number, number>()
  const next = (client: number) => reached.get(client) ?? Y.getState(doc.store, client)
  const runs = new Map<number, (Y.Item | Y.GC)[]>()
  for (const struct of structs) {
    // A skip is a gap in the update itself: what it leaves out is not here.
    if (struct instanceof Y.Skip) return false
    const run = runs.get(struct.id.client)
    if (run) run.push(struct)
    else runs.set(struct.id.client, [struct])
  }
  const placed = new Map<number, number>()
  for (let isMoving = true; isMoving;) {
    isMoving = false
    for (const [client, run] of runs) {
      let index = placed.get(client) ?? 0
      for (; index < run.length; index += 1) {
        const struct = run[index]
        const clock = next(client)
        if (!struct || struct.id.clock > clock || (struct.id.clock + struct.length > clock && !holdsNeighbours(struct, next))) break
        reached.set(client, Math.max(clock, struct.id.clock + struct.length))
        isMoving = true
      }
      placed.set(client, index)
    }
  }
  if ([...runs].some(([client, run]) => (placed.get(client) ?? 0) < run.length)) return false
  for (const [client, deletions] of ds.clients) {
    if (deletions.some(({ clock, len }) => clock + len > next(client))) return false
  }
  return true
}

/** Whether what the item sits beside or in is held (`next` is the next clock of each client). */
function holdsNeighbours(struct: Y.Item | Y.GC, next: (client: number) => number): boolean {
  if (!(struct instanceof Y.Item)) return true
  // A decoded item names its parent by an ID, a root type's name, or not at all.
  const parent: unknown = struct.parent
  const neighbours = [struct.origin, struct.rightOrigin, parent instanceof Y.ID ? parent : null]
  return neighbours.every((id) => id === null || id.clock < next(id.client))
}

const waiting = new WeakMap<object, number>()

/**
 * Resolves true once `doc` can place all of `update` (at once, almost always), false when it still
 * cannot after `waitMs` or when `sender` has too many changes waiting already.
 */
export async function whenPlaceable(doc: Y.Doc, update: Uint8Array, sender: object, waitMs = placeWaitMs): Promise<boolean> {
  if (canPlace(doc, update)) return true
  const count = waiting.get(sender) ?? 0
  if (count >= maxWaiting) return false
  waiting.set(sender, count + 1)
  const placeable = await new Promise<boolean>((resolve) => {
    const check = () => {
      if (canPlace(doc, update)) finish(true)
    }
    const finish = (result: boolean) => {
      clearTimeout(timer)
      doc.off('update', check)
      resolve(result)
    }
    const timer = setTimeout(() => finish(false), waitMs)
    doc.on('update', check)
  })
  waiting.set(sender, (waiting.get(sender) ?? 1) - 1)
  return placeable
}
