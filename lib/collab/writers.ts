import * as Y from 'yjs'

// Who wrote with which Yjs client: a map in the story's shared document, from a client's id to
// the name of the person whose connection first sent the sync server a change made by it. The
// server writes it as it takes each change (lib/collab/hooks.ts `onChange`), and it is stored and
// synced with the rest of the document, so that everyone's page can name whoever made a change,
// seen on the story or not, on any instance, before a restart or after
// (components/desk/field-conflicts.tsx). It is not guarded as the fields are: a client could write
// into it, as into the presence that named people before. No DOM here.

/** The Yjs name of the map. */
const writersPart = 'writers'

export function writersMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(writersPart)
}

/** The names of the people who wrote the story, by the Yjs client they wrote with. */
export function writerNames(doc: Y.Doc): Map<number, string> {
  return new Map([...writersMapOf(doc).entries()].flatMap(([client, name]) => (typeof name === 'string' ? [[Number(client), name]] : [])))
}

/**
 * Names `name` in `doc` as the writer of every client that made a change in `update` and is not
 * named yet (the server's own client aside), in one change of the document by the server's own
 * client: everyone gets it right after the update it names.
 */
export function nameWriters(doc: Y.Doc, update: Uint8Array, name: string): void {
  const map = writersMapOf(doc)
  const clients = [...Y.parseUpdateMeta(update).from.keys()].filter((client) => client !== doc.clientID && !map.has(String(client)))
  if (clients.length === 0) return
  doc.transact(() => {
    for (const client of clients) map.set(String(client), name)
  })
}
