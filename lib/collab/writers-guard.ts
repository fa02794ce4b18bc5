import 'server-only'
import type * as Y from 'yjs'
import { mayTouchMap, trialOf } from './map-changes'
import { isSignatureOf, signatureOf } from './signing'
import { type WriterEntry, writersMapOf, writersPart } from './writers'

// The sync server's check of the map that names who wrote with which client
// (lib/collab/writers.ts): a client may not name anyone, itself included. It may only send back
// names the server sealed, as a copy does after a restart lost them from the server's. The seal is
// an HMAC of the story, the client and the name, with a key derived from AUTH_SECRET.

export const writersRefusedMessage = 'Only the sync server names who wrote the story, so your change was not kept.'

/** Where a name is sealed: the secret the sync server signs with, and the story. */
export type SealScope = { secret: string; articleId: number }

const sealPurpose = 'copydesk writer name v1'
const sealed = (articleId: number, client: number, name: string) => JSON.stringify([articleId, client, name])

/** The entry naming `name` as the writer of `client` in the story. */
export function sealedWriter(scope: SealScope, client: number, name: string): WriterEntry {
  return { name, seal: signatureOf(scope.secret, sealPurpose, sealed(scope.articleId, client, name)) }
}

/** Whether `entry`, under the key `key` of the map, is a name the server sealed for that client. */
function isSealed(scope: SealScope, key: string, entry: unknown): boolean {
  const client = Number(key)
  if (!Number.isSafeInteger(client) || String(client) !== key) return false
  if (typeof entry !== 'object' || entry === null || !('name' in entry) || !('seal' in entry)) return false
  const { name, seal } = entry
  if (typeof name !== 'string' || typeof seal !== 'string') return false
  return isSignatureOf(scope.secret, sealPurpose, sealed(scope.articleId, client, name), seal)
}

/**
 * Why `update` may not be applied to `doc` (null when it may): it takes a name out of the map,
 * or writes one the server did not seal for that client. Checked on a copy, and only when the
 * update may touch the map at all.
 */
export function writersUpdateProblem(doc: Y.Doc, update: Uint8Array, scope: SealScope): string | null {
  if (!mayTouchMap(doc, writersPart, update)) return null
  const before = writersMapOf(doc).toJSON()
  const after = writersMapOf(trialOf(doc, update)).toJSON()
  const taken = Object.keys(before).some((key) => !(key in after))
  const forged = Object.entries(after).some(
    ([key, entry]) => JSON.stringify(entry) !== JSON.stringify(before[key]) && !isSealed(scope, key, entry),
  )
  return taken || forged ? writersRefusedMessage : null
}
