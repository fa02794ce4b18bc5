import 'server-only'
import type { IncomingMessage as HttpRequest } from 'node:http'
import { IncomingMessage, MessageType } from '@hocuspocus/server'
import * as Y from 'yjs'
import { clientAddress, peerHeader } from '../client-address'
import { documentParts } from './storage'

// What one client may ask of the sync server, so that no client can harm other stories or the
// process: a story's size, a message's size, and how many connections one address keeps open.

/** The most text a story's shared document may hold, headline, standfirst and body together. */
export const maxDocumentChars = 2 * 1024 * 1024
/** The largest WebSocket message read; past it the connection is closed (1009). A whole story fits. */
export const maxMessageBytes = 8 * 1024 * 1024
/** Connections one address may keep open at once; each desk tab holds one. */
export const maxSocketsPerAddress = 50

export const tooLargeMessage =
  'The story would be over 2 MB of text, so this change was not kept. Your text stays in this browser: shorten the story to go on.'
export const tooManySocketsMessage = 'Too many connections from this address to the sync server; close some desk tabs and try again.'

/** The characters of a shared document's text: headline, standfirst and the body's text. */
export function documentChars(document: Y.Doc): number {
  const { headline, standfirst, body } = documentParts
  return document.getText(headline).length + document.getText(standfirst).length + fragmentChars(document.getXmlFragment(body))
}

function fragmentChars(node: Y.XmlFragment | Y.XmlElement): number {
  let total = 0
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) total += child.length
    else if (child instanceof Y.XmlElement) total += fragmentChars(child)
  }
  return total
}

const syncStep2 = 1
const syncUpdate = 2

/** The Yjs update a sync message carries (sync step 2 or an update), null for any other message or one that cannot be read. */
export function syncUpdateOf(message: Uint8Array): Uint8Array | null {
  try {
    const incoming = new IncomingMessage(message)
    incoming.readVarString()
    const type = incoming.readVarUint()
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null
    const step = incoming.readVarUint()
    return step === syncStep2 || step === syncUpdate ? incoming.readVarUint8Array() : null
  } catch {
    return null
  }
}

/**
 * The bytes of the Yjs update a sync message carries, 0 for any other message (or one that cannot
 * be read: the sync server refuses those itself). An update's bytes bound the characters it adds.
 */
export function updateBytes(message: Uint8Array): number {
  return syncUpdateOf(message)?.length ?? 0
}

/** Keeps each document under a number of characters, measuring it only when a change might pass it. */
export class SizeGuard {
  private readonly known = new WeakMap<Y.Doc, { chars: number; bytesSince: number }>()

  constructor(private readonly limit = maxDocumentChars) {}

  /** Whether an update of `bytes` may be applied to `document` (it can add at most that many characters). */
  allows(document: Y.Doc, bytes: number): boolean {
    if (bytes === 0) return true
    let known = this.known.get(document)
    if (!known || known.chars + known.bytesSince + bytes > this.limit) {
      known = { chars: documentChars(document), bytesSince: 0 }
      this.known.set(document, known)
    }
    if (known.chars + bytes > this.limit) return false
    known.bytesSince += bytes
    return true
  }
}

/** Counts each address's open connections and refuses one past `max`. */
export class SocketsPerAddress {
  private readonly open = new Map<string, number>()

  constructor(private readonly max = maxSocketsPerAddress) {}

  /** Takes a place for `address`: the release to call once the connection closes, or null when it has `max` already. */
  take(address: string): (() => void) | null {
    const count = this.open.get(address) ?? 0
    if (count >= this.max) return null
    this.open.set(address, count + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.open.get(address) ?? 1) - 1
      if (left === 0) this.open.delete(address)
      else this.open.set(address, left)
    }
  }
}

/** The client's address for an upgrade request, as lib/client-address.ts counts it for every other request. */
export function upgradeAddress(request: HttpRequest, proxyHops: number): string {
  const headers = new Headers()
  const forwarded = request.headers['x-forwarded-for']
  if (forwarded) headers.set('x-forwarded-for', Array.isArray(forwarded) ? forwarded.join(', ') : forwarded)
  headers.set(peerHeader, request.socket.remoteAddress ?? 'unknown')
  return clientAddress(headers, proxyHops)
}
