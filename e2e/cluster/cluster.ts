// A two-instance cluster behind the nginx edge, on a throwaway PostgreSQL database, for the
// cluster specs. Without PostgreSQL or nginx the specs are skipped and say why.
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { test } from '@playwright/test'
import type { Cluster } from '../../scripts/cluster/cluster.mjs'

const ADMIN_URL = process.env.TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres'
/** The edge's port; the instances take the next two, the extra edges the ones after. */
export const EDGE_PORT = Number(process.env.E2E_CLUSTER_PORT || 3180)
const DIST_DIR = '.next-e2e'

// Loaded at run time: Playwright would compile a static import of this ES module into CommonJS.
const scripts = () => import('../../scripts/cluster/cluster.mjs')

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

function postgresAnswers(): Promise<boolean> {
  return withAdmin(async () => true).catch(() => false)
}

async function createDatabase(): Promise<string> {
  const name = `copydesk_edge_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`))
  return name
}

async function dropDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}

function skip(reason: string): void {
  console.log(`Skipping the cluster tests: ${reason}`)
  test.skip(true, reason)
}

/**
 * Registers beforeAll/afterAll hooks that start the cluster (two instances, s3rver, the demo
 * newsroom) and tear it down with its database; call once, at the top of a serial spec file.
 * @returns a getter for the running cluster
 */
export function clusterForTheseTests(edgePort = EDGE_PORT): () => Cluster & { databaseUrl: string } {
  let cluster: Cluster | null = null
  let database: string | null = null

  test.beforeAll(async () => {
    // Two instances start one after the other, the first migrating and seeding.
    test.setTimeout(240_000)
    if (!(await postgresAnswers())) {
      return skip(`PostgreSQL does not answer at ${new URL(ADMIN_URL).host} (start it, or point TEST_DATABASE_URL at one)`)
    }
    database = await createDatabase()
    const { ClusterSetupError, startCluster } = await scripts()
    try {
      cluster = await startCluster({
        instances: 2,
        edgePort,
        basePort: edgePort + 1,
        distDir: DIST_DIR,
        runDir: fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-edge-e2e-')),
        env: { DATABASE_URL: databaseUrl(database), COPYDESK_SEED_DEMO: '1' },
        s3: true,
      })
    } catch (error) {
      if (error instanceof ClusterSetupError && error.message.startsWith('nginx')) return skip(error.message)
      throw error
    }
  })

  test.afterAll(async () => {
    await cluster?.stop()
    if (database) await dropDatabase(database)
  })

  return () => {
    if (!cluster || !database) throw new Error('The cluster did not start')
    return { ...cluster, databaseUrl: databaseUrl(database) }
  }
}

export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/**
 * GET (or another method) with exactly these headers, the body left as sent: fetch would add
 * Accept-Encoding and decompress, hiding what the edge does.
 */
export function rawRequest(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end()
  })
}

/**
 * A second edge, from the same config but with other refresh addresses, in front of a stand-in
 * upstream that answers with the X-Copydesk-Refresh header it received (and, for paths under
 * /not-kept/, X-Accel-Expires: 0): what reaches the app can be seen without the app's help.
 * refreshFrom replaces the config's loopback addresses.
 */
export async function startEchoEdge(runDir: string, port: number, refreshFrom?: string[]) {
  const upstream = http.createServer((request, response) => {
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'text/html; charset=utf-8' }
    if (request.url?.startsWith('/not-kept/')) headers['x-accel-expires'] = '0'
    response.writeHead(200, headers)
    response.end(`refresh=${request.headers['x-copydesk-refresh'] ?? '(none)'}`)
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  const { port: upstreamPort } = upstream.address() as { port: number }
  const edgeDir = path.join(runDir, `echo-edge-${port}`)
  fs.mkdirSync(edgeDir, { recursive: true })
  const { createEdge } = await scripts()
  const edge = createEdge({ port, upstreams: [`127.0.0.1:${upstreamPort}`], runDir: edgeDir, refreshFrom })
  await edge.start()
  return {
    url: edge.url,
    stop: async () => {
      await edge.stop()
      await new Promise((resolve) => upstream.close(resolve))
    },
  }
}
