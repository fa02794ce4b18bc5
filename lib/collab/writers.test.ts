import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { nameWriters, writerNames, writersMapOf } from './writers'

const named = (name: string) => () => ({ name, seal: 'sealed' })

// The sync server's copy of a story names whoever wrote with each client, from the changes their
// connections send it; everyone's copy reads the names from there.

/** A change made by client `clientID` on its own copy, as the update its connection sends. */
function changeBy(clientID: number, text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientID
  doc.getText('headline').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

describe('who wrote with which client', () => {
  it('names each client of a change after the person who sent it, once', () => {
    const server = new Y.Doc()
    nameWriters(server, changeBy(11, 'Ferries'), named('Tomás Ferreira'))
    nameWriters(server, Y.mergeUpdates([changeBy(11, 'Fares'), changeBy(12, 'Port')]), named('Daniel Achterberg'))
    expect(writerNames(server).get(11)).toBe('Tomás Ferreira')
    expect(writerNames(server).get(12)).toBe('Daniel Achterberg')
    expect(writerNames(server).get(13)).toBeUndefined()
    // A bare name, as the server wrote them before names were sealed, still names its writer;
    // an entry that is not a name names nobody.
    writersMapOf(server).set('14', 'Ana Lima')
    writersMapOf(server).set('15', 7)
    expect(writerNames(server).get(14)).toBe('Ana Lima')
    expect(writerNames(server).get(15)).toBeUndefined()
  })

  it('names nobody for a change with no new writing in it, nor the server for its own', () => {
    const server = new Y.Doc()
    const updates: Uint8Array[] = []
    server.on('update', (update: Uint8Array) => updates.push(update))
    nameWriters(server, Y.encodeStateAsUpdate(new Y.Doc()), named('Tomás Ferreira'))
    server.getText('headline').insert(0, 'Restored')
    nameWriters(server, Y.encodeStateAsUpdate(server), named('Tomás Ferreira'))
    expect(writerNames(server).get(server.clientID)).toBeUndefined()
    // Only the restore itself changed the document.
    expect(updates).toHaveLength(1)
  })

  it('reaches every copy of the story with the changes, so that someone never seen is named', () => {
    const server = new Y.Doc()
    const change = changeBy(21, 'Strike ends')
    nameWriters(server, change, named('Daniel Achterberg'))
    Y.applyUpdate(server, change)
    const later = new Y.Doc()
    Y.applyUpdate(later, Y.encodeStateAsUpdate(server))
    expect(writerNames(later).get(21)).toBe('Daniel Achterberg')
  })
})
