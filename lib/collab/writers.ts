import * as Y from 'yjs'

// Who wrote with which Yjs client: a map in the story's shared document, from a client's id to
// the name of the person whose connection first sent the sync server a change made by it. The
// server writes it as it takes each change (lib/collab/hooks.ts `onChange`), and it is stored and
// synced with the rest of the document, so that everyone's page can name whoever made a change,
// seen on the story or not, on any instance, before a restart or after
// (components/desk/field-conflicts.tsx). Each name carries a seal only the server can make, and
// the server takes no change of the map from a client but its own sealed names sent back
// (lib/collab/writers-guard.ts). No DOM here.

/** The Yjs name of the map. */
export const writersPart = 'writers'

/** A name as the sync server writes it, with its seal. */
export type WriterEntry = { name: string; seal: string }

export function writersMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(writersPart)
}

/** The name in an entry of the map: sealed, or a bare name as the server wrote it before seals. */
function nameIn(entry: unknown): string | null {
  if (typeof entry === 'string') return entry
  if (typeof entry !== 'object' || entry === null || !('name' in entry)) return null
  return typeof entry.name === 'string' ? entry.name : null
}

/** The names of the people who wrote the story, by the Yjs client they wrote with. */
export function writerNames(doc: Y.Doc): Map<number, string> {
  return new Map(
    [...writersMapOf(doc).entries()].flatMap(([client, entry]) => {
      const name = nameIn(entry)
      return name === null ? [] : [[Number(client), name]]
    }),
  )
}

/**
 * Names as `entryFor` gives them the writer of every client that made a change in `update` and is
 * not named yet (the server's own client aside), in one change of the document by the server's
 * own client: everyone gets it right after the update it names.
 */
export function nameWriters(doc: Y.Doc, update: Uint8Array, entryFor: (client: number) => WriterEntry): void {
  const map = writersMapOf(doc)
  const clients = [...Y.parseUpdateMeta(update).from.keys()].filter((client) => client !== doc.clientID && !map.has(String(client)))
  if (clients.length === 0) return
  doc.transact(() => {
    for (const client of clients) map.set(String(client), entryFor(client))
  })
}
