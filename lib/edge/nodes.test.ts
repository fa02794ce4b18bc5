import { afterEach, describe, expect, it, vi } from 'vitest'
import { StartUpError } from '@/db/config'
import { edgeNodes, isRefresh, refreshHeader, refreshToken } from './nodes'

const env = (value?: string): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', EDGE_PURGE_URLS: value, AUTH_SECRET: 'test-secret' })

describe('EDGE_PURGE_URLS', () => {
  it('is a list of edge base addresses, separated by commas or spaces; none when unset', () => {
    expect(edgeNodes(env())).toEqual([])
    expect(edgeNodes(env(' '))).toEqual([])
    expect(edgeNodes(env('http://127.0.0.1:8080, https://edge-2.example.net/ http://127.0.0.1:8080'))).toEqual([
      'http://127.0.0.1:8080',
      'https://edge-2.example.net',
    ])
  })

  it('stops start-up with one line naming a value that is not such an address', () => {
    for (const bad of ['edge-1:8080', 'ftp://edge', 'http://edge/purge', 'http://edge/?x=1', 'http://user:pw@edge']) {
      expect(() => edgeNodes(env(bad)), bad).toThrow(StartUpError)
      expect(() => edgeNodes(env(bad)), bad).toThrow(/^EDGE_PURGE_URLS has ".*", which is not an edge's base address/)
    }
  })
})

afterEach(() => vi.unstubAllEnvs())

describe('a refresh request', () => {
  it('is recognised only with the token every instance derives from the session key', () => {
    vi.stubEnv('AUTH_SECRET', 'test-secret')
    const request = (value?: string) => new Request('http://edge/world', { headers: value ? { [refreshHeader]: value } : {} })
    expect(isRefresh(request(refreshToken()))).toBe(true)
    expect(isRefresh(request())).toBe(false)
    expect(isRefresh(request('1'))).toBe(false)
    expect(isRefresh(request(`${refreshToken()}x`))).toBe(false)
  })
})
