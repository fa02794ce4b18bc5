import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { holdsUpdates, storedMessageOf, storedSnapshotOf } from './stored'

/** The updates `change` makes to `doc`. */
function changesOf(doc: Y.Doc, change: () => void): Uint8Array[] {
  const updates: Uint8Array[] = []
  const note = (update: Uint8Array) => updates.push(update)
  doc.on('update', note)
  change()
  doc.off('update', note)
  return updates
}

/** What a browser learns of a store of `server` as it is now: the message, sent and read. */
const storeOf = (server: Y.Doc) => storedSnapshotOf(JSON.stringify(storedMessageOf(server)))

describe('what a store holds', () => {
  it('holds a browser’s words once a store of the server’s document has them, and not before', () => {
    const browser = new Y.Doc()
    const server = new Y.Doc()
    const typed = changesOf(browser, () => browser.getText('headline').insert(0, 'Storm shelters'))
    const before = storeOf(server)
    typed.forEach((update) => Y.applyUpdate(server, update))
    const after = storeOf(server)
    expect(before && holdsUpdates(before, typed)).toBe(false)
    expect(after && holdsUpdates(after, typed)).toBe(true)
  })

  it('counts deletions: words deleted are held only once a store has them deleted', () => {
    const browser = new Y.Doc()
    browser.getText('headline').insert(0, 'Storm shelters open')
    const server = new Y.Doc()
    Y.applyUpdate(server, Y.encodeStateAsUpdate(browser))
    const deleted = changesOf(browser, () => browser.getText('headline').delete(14, 5))
    // The state vector is the same before and after a deletion: only the deletions tell.
    expect(Y.encodeStateVector(server)).toEqual(Y.encodeStateVector(browser))
    const before = storeOf(server)
    expect(before && holdsUpdates(before, deleted)).toBe(false)
    deleted.forEach((update) => Y.applyUpdate(server, update))
    const after = storeOf(server)
    expect(after && holdsUpdates(after, deleted)).toBe(true)
  })

  it('reads no store from any other message', () => {
    expect(storedSnapshotOf(JSON.stringify({ type: 'saved', revisionNumber: 3 }))).toBeNull()
    expect(storedSnapshotOf(JSON.stringify({ type: 'stored', snapshot: 'not base64!' }))).toBeNull()
    expect(storedSnapshotOf('not json')).toBeNull()
  })
})
