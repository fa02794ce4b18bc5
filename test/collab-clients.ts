import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { OutgoingMessage } from '@hocuspocus/server'
import WebSocket from 'ws'
import * as Y from 'yjs'

/** A sync client as the desk's editor will be one, run in Node: what it was told, and its copy of the document. */
export type TestClient = {
  provider: HocuspocusProvider
  doc: Y.Doc
  /** The scope the server granted ('read-write' or 'readonly'), once authenticated. */
  scope: () => string | undefined
  /** Why the server refused to connect it, if it did. */
  refusal: () => string | undefined
  /** Stateless messages from the server, parsed. */
  messages: unknown[]
  /** Reasons the server gave for closing its connection. */
  closes: string[]
  destroy: () => void
}

/** Connects to the sync server at `url` (ws://host:port/desk/collab) with a ticket, through `ws`. */
export function connectClient(url: string, documentName: string, token: string): TestClient {
  let scope: string | undefined
  let refusal: string | undefined
  const messages: unknown[] = []
  const closes: string[] = []
  // Node 20 has no WebSocket of its own: the socket is made by `ws`.
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentName,
    token,
    onAuthenticated: ({ scope: granted }) => void (scope = granted),
    onAuthenticationFailed: ({ reason }) => void (refusal = reason),
    onStateless: ({ payload }) => void messages.push(JSON.parse(payload)),
    onClose: ({ event }) => void closes.push(event.reason),
  })
  provider.attach()
  return {
    provider,
    doc: provider.document,
    scope: () => scope,
    refusal: () => refusal,
    messages,
    closes,
    destroy: () => {
      // A socket still connecting (to a server a test stopped) is aborted, and `ws` reports the
      // abort as an error once the provider no longer listens: heard here, it is not an uncaught one.
      socket.webSocket?.addEventListener('error', () => {})
      provider.destroy()
      socket.destroy()
    },
  }
}

/**
 * Two changes made one after the other on a copy of `client`'s document, as Yjs updates: the
 * second follows the first, so a server that gets the second first cannot place it yet.
 */
export function changesInTurn(client: TestClient, first: (doc: Y.Doc) => void, second: (doc: Y.Doc) => void): [Uint8Array, Uint8Array] {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc))
  // What a provider sends: the updates each change makes.
  const made = (change: (doc: Y.Doc) => void) => {
    const updates: Uint8Array[] = []
    const keep = (update: Uint8Array) => void updates.push(update)
    copy.on('update', keep)
    change(copy)
    copy.off('update', keep)
    return Y.mergeUpdates(updates)
  }
  return [made(first), made(second)]
}

/** Sends `update` over `client`'s connection as a raw sync message, past its own document. */
export function sendRawUpdate(client: TestClient, update: Uint8Array): void {
  const message = new OutgoingMessage(client.provider.configuration.name).createSyncMessage().writeUpdate(update)
  client.provider.configuration.websocketProvider.send(message.toUint8Array())
}

/** What a client's copy holds: its headline, and its body as Yjs prints it. */
export const headlineOf = (client: TestClient) => client.doc.getText('headline').toString()
export const bodyOf = (client: TestClient) => client.doc.getXmlFragment('body').toString()

/** Types at the end of the client's headline. */
export const typeHeadline = (client: TestClient, typed: string) =>
  client.doc.getText('headline').insert(client.doc.getText('headline').length, typed)

/** Adds a paragraph holding `text` at the end of the client's body. */
export function addParagraph(client: TestClient, text: string): void {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  client.doc.getXmlFragment('body').push([paragraph])
}
