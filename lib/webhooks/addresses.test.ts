import { describe, expect, it } from 'vitest'
import { addressRefusalOfUrl, classifyAddress, hostRefusal } from './addresses'

describe('address classification', () => {
  it('knows IPv4’s private, loopback, link-local and other non-public ranges', () => {
    expect(
      [
        '10.1.2.3',
        '172.16.0.1',
        '172.31.255.255',
        '192.168.1.1',
        '100.64.0.1',
        '127.0.0.1',
        '127.255.0.9',
        '169.254.169.254',
        '0.0.0.0',
      ].map(classifyAddress),
    ).toEqual(['private', 'private', 'private', 'private', 'private', 'loopback', 'loopback', 'link-local', 'unspecified'])
    expect(['224.0.0.1', '240.0.0.1', '255.255.255.255', '192.0.2.10', '198.18.0.1'].map(classifyAddress)).toEqual([
      'multicast',
      'reserved',
      'reserved',
      'reserved',
      'reserved',
    ])
  })

  it('calls the addresses around those ranges public', () => {
    expect(['8.8.8.8', '172.15.255.255', '172.32.0.1', '192.169.0.1', '11.0.0.1', '93.184.215.14'].map(classifyAddress)).toEqual(
      Array(6).fill('public'),
    )
  })

  it('knows IPv6’s loopback, unspecified, link-local, unique-local and multicast addresses', () => {
    expect(
      ['::1', '::', 'fe80::1', 'fe80::1%eth0', 'fd12:3456::1', 'fc00::1', 'ff02::1', '2001:db8::1', '[::1]'].map(classifyAddress),
    ).toEqual(['loopback', 'unspecified', 'link-local', 'link-local', 'unique-local', 'unique-local', 'multicast', 'reserved', 'loopback'])
    expect(['2606:4700::1111', '2a00:1450:4001:80b::200e'].map(classifyAddress)).toEqual(['public', 'public'])
  })

  it('reads the IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 IPv6 address', () => {
    expect(
      ['::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '::127.0.0.1', '64:ff9b::192.168.0.1'].map(
        classifyAddress,
      ),
    ).toEqual(['loopback', 'loopback', 'private', 'link-local', 'loopback', 'private'])
    expect(classifyAddress('::ffff:8.8.8.8')).toBe('public')
  })

  it('says a name is not an address', () => {
    expect(classifyAddress('example.org')).toBe('not an address')
  })
})

describe('address refusals', () => {
  it('refuse an address in a URL unless private ones are allowed', () => {
    expect(addressRefusalOfUrl(new URL('http://127.0.0.1:8080/hook'), false)).toBe(
      '127.0.0.1 is a loopback address: webhooks go only to public addresses unless an admin allows private ones.',
    )
    expect(addressRefusalOfUrl(new URL('http://[::ffff:127.0.0.1]/hook'), false)).toMatch(/^::ffff:7f00:1 is a loopback address/)
    expect(addressRefusalOfUrl(new URL('http://127.0.0.1:8080/hook'), true)).toBeNull()
    expect(addressRefusalOfUrl(new URL('https://93.184.215.14/hook'), false)).toBeNull()
  })

  it('refuse a name that resolves to a private address', async () => {
    expect(await hostRefusal('localhost', false)).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address/)
    expect(await hostRefusal('localhost', true)).toBeNull()
  })
})
