import { describe, expect, it } from 'vitest'
import { clientAddress, peerHeader } from './client-address'

const forwardedFor = (value: string) => new Headers({ 'x-forwarded-for': value })

describe('clientAddress', () => {
  it('takes the address the one proxy in front appended, not one the client wrote before it', () => {
    expect(clientAddress(forwardedFor('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7')
  })

  it('takes the address the outermost of two proxies appended', () => {
    expect(clientAddress(forwardedFor('6.6.6.6, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7')
  })

  it('uses the address of the one proxy in front when it is the only one in the header', () => {
    expect(clientAddress(forwardedFor('::ffff:127.0.0.1'), 1)).toBe('::ffff:127.0.0.1')
  })

  it('ignores X-Forwarded-For when no proxy is trusted and counts the socket peer server.mjs names', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6', [peerHeader]: '198.51.100.4' })
    expect(clientAddress(headers, 0)).toBe('198.51.100.4')
  })

  it('gives one key to every rotation of X-Forwarded-For from the same peer when no proxy is trusted', () => {
    const keys = new Set(
      ['1.1.1.1', '2.2.2.2, 3.3.3.3', ''].map((forwarded) =>
        clientAddress(new Headers({ 'x-forwarded-for': forwarded, [peerHeader]: '198.51.100.4' }), 0),
      ),
    )
    expect([...keys]).toEqual(['198.51.100.4'])
  })

  it('falls back to one shared key, never to X-Forwarded-For, when nothing names the peer', () => {
    expect(clientAddress(forwardedFor('6.6.6.6'), 0)).toBe('unknown')
  })

  it('takes the first address when the request passed fewer proxies than configured', () => {
    expect(clientAddress(forwardedFor('203.0.113.7'), 2)).toBe('203.0.113.7')
  })

  it('ignores X-Real-IP, which any client can send', () => {
    expect(clientAddress(new Headers({ 'x-real-ip': '6.6.6.6' }), 1)).toBe('unknown')
  })

  it('reads repeated X-Forwarded-For headers as one list', () => {
    const headers = new Headers()
    headers.append('x-forwarded-for', '6.6.6.6')
    headers.append('x-forwarded-for', '203.0.113.7')
    expect(clientAddress(headers, 1)).toBe('203.0.113.7')
  })
})
