// The edge's own rules (deploy/nginx/copydesk.conf) in front of two instances on PostgreSQL: what
// it caches, what it never caches, compression, refreshes, and an instance going down.
import { gunzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'
import { EDGE_PORT, rawRequest, startEchoEdge, clusterForTheseTests } from './cluster'

test.describe.configure({ mode: 'serial' })

const cluster = clusterForTheseTests()
// Past the cluster's edge and its two instances.
const ECHO_PORT = EDGE_PORT + 3
const cacheStatus = (response: { headers: Record<string, unknown> }) => response.headers['x-cache-status']

async function get(path: string, headers: Record<string, string> = {}) {
  return rawRequest(`${cluster().edgeUrl}${path}`, headers)
}

/** Reader pages the home page links to, for tests that need pages nobody asked for yet. */
async function storyPaths(): Promise<string[]> {
  const home = await get('/')
  const links = [...home.body.toString('utf8').matchAll(/href="(\/[a-z0-9-]+\/[a-z0-9/-]+)"/g)].map((match) => match[1] ?? '')
  return [...new Set(links)]
}

test('a reader page is served by the edge, and asked again it comes from the cache', async () => {
  const first = await get('/')
  expect(first.status).toBe(200)
  expect(cacheStatus(first)).toBe('MISS')
  expect(first.body.toString('utf8')).toContain('<h1')

  const second = await get('/')
  expect(cacheStatus(second)).toBe('HIT')
  expect(second.body.equals(first.body)).toBe(true)
})

test('a page from the cache keeps the security headers the app sent with it', async () => {
  const cached = await get('/')
  expect(cacheStatus(cached)).toBe('HIT')
  expect(cached.headers['content-security-policy']).toContain("default-src 'none'")
  expect(cached.headers['x-content-type-options']).toBe('nosniff')
  expect(cached.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(cached.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
})

test('a tracking parameter hits the same cached page', async () => {
  const tracked = await get('/?utm_source=x')
  expect(tracked.status).toBe(200)
  expect(cacheStatus(tracked)).toBe('HIT')
})

test('a request with a session cookie is neither served from the cache nor stored in it', async () => {
  for (const cookie of ['authjs.session-token=x', '__Secure-authjs.session-token=x', 'theme=dark; authjs.session-token.0=x']) {
    expect(cacheStatus(await get('/', { cookie }))).toBe('BYPASS')
  }

  const [page] = await storyPaths()
  if (!page) throw new Error('The home page links to no story')
  expect(cacheStatus(await get(page, { cookie: 'authjs.session-token=x' }))).toBe('BYPASS')
  // Had the signed-in answer been stored, this would be a HIT.
  expect(cacheStatus(await get(page))).toBe('MISS')
  expect(cacheStatus(await get(page))).toBe('HIT')
})

test('a request with a Content API token is neither served from the cache nor stored in it', async () => {
  const token = { authorization: 'Bearer cdk_not-a-real-token' }
  const page = '/corrections'
  expect(cacheStatus(await get(page, token))).toBe('BYPASS')
  // Had the answer to the token been stored, this would be a HIT.
  expect(cacheStatus(await get(page))).toBe('MISS')
  expect(cacheStatus(await get(page))).toBe('HIT')
  expect(cacheStatus(await get(page, token))).toBe('BYPASS')

  const api = await get('/api/v1/stories', token)
  expect(api.status).toBe(401)
  expect(cacheStatus(api)).toBeUndefined()
})

test("Next's client-side navigation requests skip the cache", async () => {
  for (const header of ['RSC', 'Next-Router-Prefetch', 'Next-Router-State-Tree', 'Next-Action']) {
    const response = await get('/', { [header]: '1' })
    expect(cacheStatus(response), header).toBe('BYPASS')
  }
})

test('the sign-in page, the desk, the API and search are never cached', async () => {
  for (const path of ['/login', '/desk', '/api/auth/session', '/search?q=harbour']) {
    for (let i = 0; i < 2; i++) {
      const response = await get(path)
      expect(response.status, path).toBeLessThan(500)
      expect(cacheStatus(response), path).toBeUndefined()
    }
  }
})

test('the edge compresses for clients that ask, and the same cached page serves both', async () => {
  const zipped = await get('/', { 'accept-encoding': 'gzip' })
  expect(cacheStatus(zipped)).toBe('HIT')
  expect(zipped.headers['content-encoding']).toBe('gzip')

  const plain = await get('/')
  expect(cacheStatus(plain)).toBe('HIT')
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true)
})

test('a refresh from an allowed address fetches the page anew and replaces the cached copy', async () => {
  expect(cacheStatus(await get('/'))).toBe('HIT')
  expect(cacheStatus(await get('/', { 'x-copydesk-refresh': 'token' }))).toBe('BYPASS')
  expect(cacheStatus(await get('/'))).toBe('HIT')
})

// Every request here comes from 127.0.0.1, so a disallowed address is shown with a second edge
// built from the same config whose refresh list leaves loopback out, in front of a stand-in
// upstream that echoes the refresh header it received.
test('a refresh header from an address that is not allowed changes nothing and never reaches the app', async () => {
  const echo = await startEchoEdge(cluster().runDir, ECHO_PORT, ['192.0.2.10'])
  try {
    const first = await rawRequest(`${echo.url}/page`, { 'x-copydesk-refresh': 'token' })
    expect(first.body.toString()).toBe('refresh=(none)')
    expect(cacheStatus(first)).toBe('MISS')
    const again = await rawRequest(`${echo.url}/page`, { 'x-copydesk-refresh': 'token' })
    expect(cacheStatus(again)).toBe('HIT')
  } finally {
    await echo.stop()
  }
})

test('from an allowed address, the refresh token reaches the app', async () => {
  const echo = await startEchoEdge(cluster().runDir, ECHO_PORT)
  try {
    const refreshed = await rawRequest(`${echo.url}/page`, { 'x-copydesk-refresh': 'token' })
    expect(refreshed.body.toString()).toBe('refresh=token')
    expect(cacheStatus(refreshed)).toBe('BYPASS')
  } finally {
    await echo.stop()
  }
})

test('an answer with X-Accel-Expires: 0 is not kept', async () => {
  const echo = await startEchoEdge(cluster().runDir, ECHO_PORT)
  try {
    expect(cacheStatus(await rawRequest(`${echo.url}/not-kept/page`))).toBe('MISS')
    expect(cacheStatus(await rawRequest(`${echo.url}/not-kept/page`))).toBe('MISS')
    expect(cacheStatus(await rawRequest(`${echo.url}/kept`))).toBe('MISS')
    expect(cacheStatus(await rawRequest(`${echo.url}/kept`))).toBe('HIT')
  } finally {
    await echo.stop()
  }
})

test('with one instance down, the edge serves every page through the other', async () => {
  const pages = (await storyPaths()).slice(1, 5)
  expect(pages.length).toBeGreaterThan(0)
  await cluster().instances[0]?.stop()

  for (const page of [...pages, '/login']) {
    const response = await get(page)
    expect(response.status, page).toBe(200)
    expect(cacheStatus(response), page).not.toBe('HIT')
  }
  expect(cacheStatus(await get('/'))).toBe('HIT')
})
