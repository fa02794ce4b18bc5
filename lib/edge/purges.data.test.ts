import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openTestDatabase } from '@/test/newsroom'
import { refreshHeader, refreshToken } from './nodes'
import { pendingEdgeRefreshes, refreshOnEdges, retryEdgeRefreshes } from './purges'

// The app's side of refreshing edge nodes, against small HTTP servers that answer as the shipped
// nginx configuration does (deploy/nginx/): `X-Cache-Status: BYPASS` for a refresh carrying the
// token. The real nginx is exercised by the cluster test (e2e/cluster/).

const db = await openTestDatabase()

type Edge = { url: string; asked: string[]; close: () => Promise<void> }

async function startEdge(port = 0): Promise<Edge> {
  const asked: string[] = []
  const server = http.createServer((request, response) => {
    const refresh = request.headers[refreshHeader] === refreshToken()
    asked.push(`${request.url}${refresh ? '' : ' (not a refresh)'}`)
    response.writeHead(200, { 'x-cache-status': refresh ? 'BYPASS' : 'HIT' }).end('page')
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const { port: bound } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${bound}`, asked, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** An address where nothing answers: a node that is down. */
async function downNode(): Promise<{ url: string; port: number }> {
  const edge = await startEdge()
  await edge.close()
  return { url: edge.url, port: Number(new URL(edge.url).port) }
}

beforeAll(() => vi.stubEnv('AUTH_SECRET', 'edge-test-secret'))
afterAll(() => vi.unstubAllEnvs())

describe('refreshing the edge nodes', () => {
  it('asks every node for every address with the refresh token, and queues nothing when all confirm', async () => {
    const [one, two] = [await startEdge(), await startEdge()]
    const failures = await refreshOnEdges(db, [one.url, two.url], ['/', '/world/harbour-reopens'])
    expect(failures).toEqual([])
    expect(one.asked.sort()).toEqual(['/', '/world/harbour-reopens'])
    expect(two.asked.sort()).toEqual(['/', '/world/harbour-reopens'])
    expect(await pendingEdgeRefreshes(db)).toEqual([])
    await Promise.all([one.close(), two.close()])
  })

  it('keeps what a node that is down did not confirm, shows it, and clears it once the node is back', async () => {
    const down = await downNode()
    const failures = await refreshOnEdges(db, [down.url], ['/world/harbour-reopens', '/'])
    expect(failures).toEqual([
      { node: down.url, paths: expect.arrayContaining(['/', '/world/harbour-reopens']), error: expect.any(String) },
    ])
    expect(await pendingEdgeRefreshes(db)).toEqual([
      { node: down.url, pages: 2, since: expect.any(Date), attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|fetch failed/) },
    ])

    // Still down: tried again, still waiting, with one more attempt counted.
    await db.execute(`update edge_purges set next_attempt_at = now()`)
    expect(await retryEdgeRefreshes(db)).toBe(2)
    expect((await pendingEdgeRefreshes(db))[0]?.attempts).toBe(2)

    const back = await startEdge(down.port)
    await db.execute(`update edge_purges set next_attempt_at = now()`)
    expect(await retryEdgeRefreshes(db)).toBe(0)
    expect(back.asked.sort()).toEqual(['/', '/world/harbour-reopens'])
    expect(await pendingEdgeRefreshes(db)).toEqual([])
    await back.close()
  })

  it('does not count an answer from a cache that did not make the page again', async () => {
    const server = http.createServer((_request, response) => response.writeHead(200, { 'x-cache-status': 'HIT' }).end('old page'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const failures = await refreshOnEdges(db, [url], ['/world'])
    expect(failures).toEqual([{ node: url, paths: ['/world'], error: 'it did not make the page again (X-Cache-Status: HIT)' }])
    await new Promise((resolve) => server.close(resolve))
  })
})
