import { HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { StoryProvider } from './story-provider'

const opened: StoryProvider[] = []

/** A provider that never connects, whose messages to the server are counted. */
function quietProvider() {
  const websocketProvider = new HocuspocusProviderWebsocket({ url: 'ws://127.0.0.1:9', autoConnect: false, WebSocketPolyfill: WebSocket })
  const provider = new StoryProvider({ websocketProvider, name: 'story-1' })
  opened.push(provider)
  return { provider, send: vi.spyOn(provider, 'send').mockImplementation(() => undefined) }
}

afterEach(() => {
  for (const provider of opened.splice(0)) provider.destroy()
})

describe('the connection of a shared story', () => {
  it("sends the server this person's caret, not the others' carets it just heard from the server", () => {
    const { provider, send } = quietProvider()
    const awareness = provider.awareness
    if (!awareness) throw new Error('The provider has no awareness.')
    const theirs = new Awareness(new Y.Doc())
    theirs.setLocalStateField('cursor', { anchor: 5, head: 5 })

    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(theirs, [theirs.clientID]), provider)
    expect(awareness.getStates().get(theirs.clientID)).toEqual({ cursor: { anchor: 5, head: 5 } })
    expect(send).not.toHaveBeenCalled()

    awareness.setLocalStateField('cursor', { anchor: 2, head: 2 })
    expect(send).toHaveBeenCalledTimes(1)
    expect(send.mock.calls[0]?.[1]).toMatchObject({ clients: [awareness.clientID] })
    theirs.destroy()
  })
})
