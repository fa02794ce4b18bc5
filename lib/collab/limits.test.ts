import { OutgoingMessage } from '@hocuspocus/server'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SizeGuard, SocketsPerAddress, documentChars, updateBytes } from './limits'

function storyDoc(headline: string, paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('headline').insert(0, headline)
  doc.getText('standfirst').insert(0, 'Lede')
  const body = doc.getXmlFragment('body')
  for (const words of paragraphs) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(words)])
    body.push([paragraph])
  }
  return doc
}

describe('the sync server’s limits', () => {
  it('counts the text of the headline, standfirst and every paragraph, not the markup', () => {
    expect(documentChars(storyDoc('Port', ['One two', 'Three']))).toBe(4 + 4 + 7 + 5)
  })

  it('reads the size of the update a sync message carries, and nothing from other messages', () => {
    const update = Y.encodeStateAsUpdate(storyDoc('Port', ['Text']))
    expect(updateBytes(new OutgoingMessage('article:1').createSyncMessage().writeUpdate(update).toUint8Array())).toBe(update.length)
    expect(updateBytes(new OutgoingMessage('article:1').writeStateless('{"type":"save"}').toUint8Array())).toBe(0)
    expect(updateBytes(new Uint8Array([0xff, 0xff]))).toBe(0)
  })

  it('lets a story grow to its limit and no further, and grow again once text is cut', () => {
    const doc = storyDoc('Port', ['abcdef'])
    const guard = new SizeGuard(20)
    expect(guard.allows(doc, 6)).toBe(true)
    expect(guard.allows(doc, 7)).toBe(false)
    doc.getText('headline').delete(0, 4)
    expect(guard.allows(doc, 7)).toBe(true)
  })

  it('keeps an address to its number of open connections, and frees a place when one closes', () => {
    const sockets = new SocketsPerAddress(2)
    const first = sockets.take('192.0.2.1')
    expect(sockets.take('192.0.2.1')).not.toBeNull()
    expect(sockets.take('192.0.2.1')).toBeNull()
    expect(sockets.take('192.0.2.2')).not.toBeNull()
    first?.()
    first?.()
    expect(sockets.take('192.0.2.1')).not.toBeNull()
    expect(sockets.take('192.0.2.1')).toBeNull()
  })
})
