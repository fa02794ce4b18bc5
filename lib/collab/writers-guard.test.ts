import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { nameWriters, writerNames, writersMapOf } from './writers'
import { sealedWriter, writersRefusedMessage, writersUpdateProblem } from './writers-guard'

// The sync server names who wrote with each client; a client sending its own names, or taking
// one out, is refused, while the server's sealed names sent back after a restart are taken.

const scope = { secret: 'a test secret of some length', articleId: 7 }
const sealedAs = (name: string) => (client: number) => sealedWriter(scope, client, name)

/** The server's copy of a story where client 11 typed, named after Tomás Ferreira. */
function serverCopy(): Y.Doc {
  const writer = new Y.Doc()
  writer.clientID = 11
  writer.getText('headline').insert(0, 'Ferries')
  const typed = Y.encodeStateAsUpdate(writer)
  const server = new Y.Doc()
  Y.applyUpdate(server, typed)
  nameWriters(server, typed, sealedAs('Tomás Ferreira'))
  return server
}

/** A client's copy of `server`, and the update `change` makes in it. */
function changeIn(server: Y.Doc, change: (copy: Y.Doc) => void, clientID = 12): Uint8Array {
  const copy = new Y.Doc()
  copy.clientID = clientID
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server))
  const updates: Uint8Array[] = []
  copy.on('update', (update: Uint8Array) => updates.push(update))
  change(copy)
  return Y.mergeUpdates(updates)
}

describe('the names of who wrote, guarded by the sync server', () => {
  it('takes typing, and names the typist with a seal', () => {
    const server = serverCopy()
    const typed = changeIn(server, (copy) => copy.getText('headline').insert(0, 'Night '))
    expect(writersUpdateProblem(server, typed, scope)).toBeNull()
    Y.applyUpdate(server, typed)
    nameWriters(server, typed, sealedAs('Daniel Achterberg'))
    expect(writerNames(server)).toEqual(
      new Map([
        [11, 'Tomás Ferreira'],
        [12, 'Daniel Achterberg'],
      ]),
    )
  })

  it('refuses a client naming itself or anyone else, with or without a made-up seal', () => {
    const server = serverCopy()
    const own = changeIn(server, (copy) => writersMapOf(copy).set('12', 'Daniel Achterberg'))
    const forged = changeIn(server, (copy) => writersMapOf(copy).set('12', { name: 'Daniel Achterberg', seal: 'x'.repeat(43) }))
    const renamed = changeIn(server, (copy) => writersMapOf(copy).set('11', 'Someone Else'))
    expect(writersUpdateProblem(server, own, scope)).toBe(writersRefusedMessage)
    expect(writersUpdateProblem(server, forged, scope)).toBe(writersRefusedMessage)
    expect(writersUpdateProblem(server, renamed, scope)).toBe(writersRefusedMessage)
    // A seal the server made for another story does not pass here.
    const otherStory = changeIn(server, (copy) =>
      writersMapOf(copy).set('11', sealedWriter({ ...scope, articleId: 8 }, 11, 'Someone Else')),
    )
    expect(writersUpdateProblem(server, otherStory, scope)).toBe(writersRefusedMessage)
  })

  it('refuses a sealed name put under another client, and a name taken out', () => {
    const server = serverCopy()
    const moved = changeIn(server, (copy) => writersMapOf(copy).set('12', writersMapOf(copy).get('11')))
    const taken = changeIn(server, (copy) => writersMapOf(copy).delete('11'))
    expect(writersUpdateProblem(server, moved, scope)).toBe(writersRefusedMessage)
    expect(writersUpdateProblem(server, taken, scope)).toBe(writersRefusedMessage)
  })

  it('takes back the names a restart lost, sent by a copy that had them, and names nobody else for that typing', () => {
    const before = serverCopy()
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(before))
    // The restarted server has none of it: the copy sends everything back.
    const restarted = new Y.Doc()
    const sentBack = Y.encodeStateAsUpdate(client)
    expect(writersUpdateProblem(restarted, sentBack, scope)).toBeNull()
    Y.applyUpdate(restarted, sentBack)
    // The person who sent it back is not named for the typing in it, which has its name already.
    nameWriters(restarted, sentBack, sealedAs('Daniel Achterberg'))
    expect(writerNames(restarted).get(11)).toBe('Tomás Ferreira')
  })
})
