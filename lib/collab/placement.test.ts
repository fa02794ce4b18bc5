import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { canPlace, whenPlaceable } from './placement'

// Whether the sync server can place a change now, read off the change: what a provider sends in
// turn can be placed, what follows a change not received yet cannot until that one comes.

/** The server's document, and a person's copy of it whose changes are recorded one update each. */
function serverAndCopy() {
  const server = new Y.Doc()
  server.getText('headline').insert(0, 'Fares rise')
  server.getMap('fields').set('tags', [])
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server))
  const sent: Uint8Array[] = []
  copy.on('update', (update: Uint8Array) => void sent.push(update))
  return { server, copy, sent }
}

describe('placing a change', () => {
  it('places changes in turn, and a change whose predecessor has come', () => {
    const { server, copy, sent } = serverAndCopy()
    copy.getText('headline').insert(0, 'Ferry ')
    copy.getMap('fields').set('tags', ['ferries'])
    const [first, second] = sent as [Uint8Array, Uint8Array]
    expect(canPlace(server, second)).toBe(false)
    expect(canPlace(server, first)).toBe(true)
    // Both in one update, as a sync sends them; neither on a document that lacks what they follow.
    expect(canPlace(server, Y.mergeUpdates([second, first]))).toBe(true)
    expect(canPlace(new Y.Doc(), first)).toBe(false)
    Y.applyUpdate(server, first)
    expect(canPlace(server, second)).toBe(true)
  })

  it('cannot place a deletion of something not received, nor an item beside it', () => {
    const { server, copy, sent } = serverAndCopy()
    copy.getText('headline').insert(10, ' again')
    copy.getText('headline').delete(10, 6)
    copy.getText('headline').insert(0, 'Ferry ')
    const [typed, deleted] = sent as [Uint8Array, Uint8Array, Uint8Array]
    expect(canPlace(server, deleted)).toBe(false)
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server))
    Y.applyUpdate(other, typed)
    other.getText('headline').insert(16, '!')
    const beside = Y.encodeStateAsUpdate(other, Y.encodeStateVector(copy))
    expect(canPlace(server, beside)).toBe(false)
  })

  it('waits for the predecessor, and gives up after the wait', async () => {
    const { server, copy, sent } = serverAndCopy()
    copy.getText('headline').insert(0, 'Ferry ')
    copy.getText('headline').insert(0, 'The ')
    const [first, second] = sent as [Uint8Array, Uint8Array]
    const waiting = whenPlaceable(server, second, {}, 5_000)
    Y.applyUpdate(server, first)
    await expect(waiting).resolves.toBe(true)
    await expect(whenPlaceable(new Y.Doc(), second, {}, 10)).resolves.toBe(false)
  })
})
