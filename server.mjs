// `npm start`: Copydesk's HTTP server. Next.js handles every request, except a reader's page or a
// Content API answer the app already keeps (lib/reader-cache.ts), which is answered here straight
// from memory: the same bytes and headers Next sent the first time, without the framework's work
// per request (about 25× the requests per second, and a p99 of a few milliseconds instead of a
// second at 50 connections). The cache lives in this process, shared through globalThis with Next's routes.
//
//   node server.mjs [--port 3000] [--hostname 0.0.0.0]     (PORT and HOSTNAME work too)
import http from 'node:http'
import { parseArgs } from 'node:util'
import next from 'next'

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
})
const port = Number(values.port ?? process.env.PORT ?? 3000)
const hostname = values.hostname ?? process.env.HOSTNAME ?? '0.0.0.0'
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(
    `Copydesk cannot start: the port must be a whole number from 1 to 65535 (got ${JSON.stringify(values.port ?? process.env.PORT)}).`,
  )
  process.exit(1)
}
process.env.NODE_ENV = 'production'

// Next adds an upgrade listener of its own to the server of the first request it handles (or to
// `httpServer`), which would take every upgrade a second time: those of the sync server too, whose
// sockets it then closed when they carried a session cookie (every browser's). server.mjs hands Next
// its upgrades itself (below), so Next is given a stand-in that keeps no listeners.
const app = next({ dev: false, hostname, port, httpServer: { on: () => undefined } })
const handle = app.getRequestHandler()
await app.prepare()

/**
 * Answers a GET for a kept reader's page; false for anything else (it goes to Next). A refresh
 * from the edge (`x-copydesk-refresh`) always goes to Next, which checks its token and makes the
 * page again; so does any request with an Authorization header (a Content API token).
 */
function answerKept(request, response) {
  if (request.method !== 'GET' || request.headers['x-copydesk-refresh']) return false
  // A request with a token is answered for that token alone (lib/content-api/callers.ts): never from what readers are given.
  if (request.headers.authorization !== undefined) return false
  // The Content API keeps one answer per format, which a request may ask for by its Accept header.
  const page = globalThis.__copydeskReaderCache?.lookup(request.url, request.headers.accept)
  if (!page) return false
  if (page.status === 200 && request.headers['if-none-match'] === page.headers.etag) {
    response.writeHead(304, { etag: page.headers.etag, 'cache-control': page.headers['cache-control'] })
    response.end()
    return true
  }
  response.writeHead(page.status, page.headers)
  response.end(page.body)
  return true
}

const server = http.createServer((request, response) => {
  // The socket's peer for lib/client-address.ts (route handlers cannot see the socket), replacing
  // any value a client sent under that name.
  request.headers['x-copydesk-peer'] = request.socket.remoteAddress ?? ''
  if (!answerKept(request, response)) void handle(request, response)
})
// WebSocket upgrades: those on the sync server's path (lib/collab/server.ts, started in this process
// by lib/start-up.ts, since the embedded database allows one process) go to it; every other to Next.
const upgradeNext = app.getUpgradeHandler()
server.on('upgrade', (request, socket, head) => {
  const collab = globalThis.__copydeskCollab
  const path = (request.url ?? '').split('?')[0]
  if (path !== (collab?.path ?? '/desk/collab')) return void upgradeNext(request, socket, head)
  if (collab) return collab.handleUpgrade(request, socket, head)
  socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\r\n')
})
// An idle keep-alive connection stays open longer than a client keeps one (browsers and Node's
// agents: up to a minute); closing it after Node's default 5 s races a request sent on it at that
// instant (ECONNRESET). deploy/nginx closes its own upstream connections after 4 s, before this.
server.keepAliveTimeout = 65_000
server.headersTimeout = 66_000
server.listen(port, hostname, () => console.log(`Copydesk is ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`))

// Finishes the requests under way, then exits (which releases the embedded database's lock). The
// story editors' event streams (lib/story-events.ts) never finish by themselves: they are ended.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    globalThis.__copydeskStoryEvents?.closeAll()
    globalThis.__copydeskNotificationEvents?.closeAll()
    // Shared stories are stored and their pending revisions cut before the process ends.
    const collabClosed = globalThis.__copydeskCollab?.close().catch((error) => console.error(`Copydesk: closing the sync server: ${error}`))
    server.close(() => void Promise.resolve(collabClosed).then(() => process.exit(0)))
    setTimeout(() => process.exit(0), 5000).unref()
  })
}
