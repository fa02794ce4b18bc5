import 'server-only'
import { type Connection, Document, OutgoingMessage } from '@hocuspocus/server'
import type { WebSocket } from 'ws'

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

let isInstalled = false

/**
 * The sync server (Hocuspocus 3.4) sends every change of a story's document, and every change of
 * who is there and where their caret is, to every connection, the one it came from too. The
 * sender already has it: in a long story that echo cost the typist's browser two messages to read
 * and apply on every key (and the awareness was encoded again for each connection). From the first
 * document opened after this, a change goes to everyone but its sender; changes from anywhere else
 * (the server itself, another instance) still go to everyone. The same as the library's own
 * `handleUpdate` and `handleAwarenessUpdate` otherwise, which each document binds as it is made.
 */
export function sendChangesToOthersOnly(): void {
  if (isInstalled) return
  isInstalled = true
  Object.defineProperty(Document.prototype, 'handleUpdate', {
    configurable: true,
    writable: true,
    value: function handleUpdate(this: Document, update: Uint8Array, origin: Connection) {
      this.callbacks.onUpdate(this, origin, update)
      const message = new OutgoingMessage(this.name).createSyncMessage().writeUpdate(update).toUint8Array()
      for (const connection of this.getConnections()) if (connection !== origin) connection.send(message)
      return this
    },
  })
  Object.defineProperty(Document.prototype, 'handleAwarenessUpdate', {
    configurable: true,
    writable: true,
    value: function handleAwarenessUpdate(this: Document, { added, updated, removed }: AwarenessChange, origin: WebSocket | null) {
      const sender = origin ? this.connections.get(origin) : undefined
      if (sender) {
        added.forEach((clientId) => sender.clients.add(clientId))
        removed.forEach((clientId) => sender.clients.delete(clientId))
      }
      const changed = [...added, ...updated, ...removed]
      const message = new OutgoingMessage(this.name).createAwarenessUpdateMessage(this.awareness, changed).toUint8Array()
      for (const connection of this.getConnections()) if (connection !== sender?.connection) connection.send(message)
      return this
    },
  })
}
