import * as Y from 'yjs'
import { z } from 'zod'

// What the sync server has stored of a story's shared document, as it tells everyone on the story
// after each store (lib/collab/hooks.ts): a Yjs snapshot of the document as stored, its state
// vector and what it had deleted. The server answers a change once it has applied it in memory
// and stores it up to ten seconds later; a browser keeps its copy of what it typed on the device
// (components/desk/use-kept-copy.ts) until a store holds all of it, so that losing the server and
// the browser both in between loses nothing.

/** The stateless message a store sends: the snapshot, encoded and in base64. */
export type StoredMessage = { type: 'stored'; snapshot: string }

/** What a browser sends to ask what the database holds of the story now: answered with a `StoredMessage`. */
export const askStoredMessage = JSON.stringify({ type: 'ask-stored' })

const storedMessageSchema = z.object({ type: z.literal('stored'), snapshot: z.string().min(1) })

/** The message to send once `doc` as it is now is stored: to be made as the state is read for storing. */
export function storedMessageOf(doc: Y.Doc): StoredMessage {
  return { type: 'stored', snapshot: base64Of(Y.encodeSnapshot(Y.snapshot(doc))) }
}

/** The message telling what a stored document (`state`, as the database holds it; null: none) holds. */
export function storedMessageOfState(state: Uint8Array | null): StoredMessage {
  const doc = new Y.Doc()
  if (state) Y.applyUpdate(doc, state)
  return storedMessageOf(doc)
}

/** The stored snapshot a stateless message from the server tells of, or null for any other message. */
export function storedSnapshotOf(payload: string): Y.Snapshot | null {
  try {
    const message = storedMessageSchema.safeParse(JSON.parse(payload))
    return message.success ? Y.decodeSnapshot(bytesOf(message.data.snapshot)) : null
  } catch {
    return null
  }
}

/** Whether the stored `snapshot` holds every change in `updates` (Yjs updates): what they add, and what they delete. */
export function holdsUpdates(snapshot: Y.Snapshot, updates: readonly Uint8Array[]): boolean {
  return updates.length === 0 || Y.snapshotContainsUpdate(snapshot, Y.mergeUpdates([...updates]))
}

/** Bytes as base64 (in the browser and in Node alike). */
export function base64Of(bytes: Uint8Array): string {
  let binary = ''
  // In slices: spreading a long array into one call would pass too many arguments.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return btoa(binary)
}

/** Base64 as bytes; throws on text that is not base64. */
export function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0))
}
