import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import http from 'node:http'
import net from 'node:net'
import type { Duplex } from 'node:stream'
import type { Db } from '@/db'
import { collabPath } from '@/lib/collab/paths'
import { publishCollab, unpublishCollab } from '@/lib/collab/running'
import { type CollabOptions, type CollabServer, createCollabServer } from '@/lib/collab/server'
import { mintTicket } from '@/lib/collab/ticket'
import type { Actor } from '@/lib/permissions'
import { startSession } from '@/lib/sessions'
import { type TestClient, connectClient } from './collab-clients'
import { expect } from 'vitest'

export type RunningServer = {
  collab: CollabServer
  url: string
  port: number
  stop: () => Promise<void>
  /**
   * Stops as a killed process would: no hook of the sync server runs again (nothing more is
   * stored, no revision cut, no lease given back) and every connection just ends, its lock's too. Its pending
   * revision cut is not stopped: start it with a `pauseMs` that never ends.
   */
  crash: () => Promise<void>
}

/**
 * Real sync servers in this process, each on a port of its own, and Hocuspocus's own clients for
 * them: what the sync tests share. Call `closeAll` after the file's tests.
 */
export function collabTestKit(db: Db) {
  const secret = 'a secret for the sync tests'
  const origins = { siteUrl: 'http://localhost:3000', proxyHops: 0 }
  const clients: TestClient[] = []
  const closers: (() => Promise<void>)[] = []
  // Its own keys and channels in Redis: other test processes may use the same story ids at once.
  const redisPrefix = `copydesk-test-${crypto.randomBytes(4).toString('hex')}`

  /**
   * A sync server with short timings; `url` is its WebSocket address. Published, it is the one the
   * app's own code finds running in this process (lib/collab/running.ts), as `npm start`'s is.
   */
  async function startServer(options: Partial<CollabOptions> & { published?: boolean; port?: number } = {}): Promise<RunningServer> {
    const collab = createCollabServer({
      db,
      secret,
      redis: null,
      origins,
      pauseMs: 400,
      accessCheckMs: 200,
      storeDebounceMs: 50,
      redisPrefix,
      ...options,
    })
    const server = http.createServer((_, response) => response.writeHead(404).end())
    const sockets = new Set<Duplex>()
    server.on('upgrade', (request, socket, head) => {
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
      collab.handleUpgrade(request, socket, head)
    })
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    const published = options.published ? publishCollab(() => ({ ...collab, path: collabPath })) : null
    let stopped = false
    const stop = async () => {
      if (stopped) return
      stopped = true
      if (published) unpublishCollab(published)
      await collab.close()
      await new Promise((resolve) => server.close(resolve))
    }
    const crash = async () => {
      stopped = true
      if (published) unpublishCollab(published)
      // Its Redis connections end, as a killed process's do (no hook of Copydesk's own runs on destroy).
      await collab.hocuspocus.hooks('onDestroy', { instance: collab.hocuspocus })
      collab.hocuspocus.configuration.extensions = []
      // Its lock's connection ends too, so the database frees the lock (lib/collab/holder-lock.ts).
      await collab.lock?.close()
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    }
    closers.push(stop)
    return { collab, url: `ws://127.0.0.1:${port}/desk/collab`, port, stop, crash }
  }

  /** `person` connects to `story` with a ticket of their own, or with `token` instead. */
  async function join(url: string, person: Actor, story: number, token?: string): Promise<TestClient> {
    const sessionId = await startSession(db, { userId: person.id, client: '', userAgent: '' })
    const client = connectClient(
      url,
      `article:${story}`,
      token ?? mintTicket(secret, { userId: person.id, sessionId, articleId: story }).token,
    )
    clients.push(client)
    return client
  }

  async function closeAll(): Promise<void> {
    for (const client of clients) client.destroy()
    for (const close of closers.reverse()) await close()
  }

  return { startServer, join, closeAll, redisPrefix }
}

/** The longest timeout Node keeps: a revision cut after this pause never comes during the tests. */
export const neverMs = 2 ** 31 - 1

/** Waits until every one of `clients` may write. */
export async function connected(...clients: TestClient[]): Promise<void> {
  await expect.poll(() => clients.map((client) => client.scope()), { timeout: 15_000 }).toEqual(clients.map(() => 'read-write'))
}

/** The Redis the tests use, as the sync server takes its settings. */
export const testRedis = { host: '127.0.0.1', port: 6379, db: 0, tls: false }

/** Whether Redis answers PING at 127.0.0.1:6379 within a second. */
export async function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(testRedis.port, testRedis.host)
    const done = (answer: boolean) => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(1000, () => done(false))
    socket.on('error', () => done(false))
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

/** The id of a process that has just ended. */
export function stoppedProcessId(): number {
  const child = spawnSync(process.execPath, ['-e', ''])
  if (child.pid === undefined) throw new Error('no process started')
  return child.pid
}
