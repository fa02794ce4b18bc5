// N app instances (`npm start`'s server.mjs) on one PostgreSQL database, with the nginx edge in front.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkBuild, checkMediaStorage, checkNginx, checkPortFree, checkPostgres, requireDatabaseUrl } from './checks.mjs'
import { createEdge } from './edge.mjs'
import { startChild, stopChild, waitUntilAnswers } from './processes.mjs'
import { startS3 } from './s3.mjs'

// What the end-to-end tests use besides startCluster (typed in cluster.d.mts).
export { createEdge } from './edge.mjs'
export { ClusterSetupError } from './checks.mjs'

// Next runs from the project, wherever this is started from; distDir is relative to it.
const projectDir = fileURLToPath(new URL('../../', import.meta.url))

/**
 * @typedef {object} ClusterOptions
 * @property {number} [instances] how many app instances (default 2)
 * @property {number} [edgePort] the edge's port on 127.0.0.1 (default 8080)
 * @property {number} [basePort] instance i (from 1) listens on basePort + i - 1 (default 3101)
 * @property {string} [distDir] the build to run (default NEXT_DIST_DIR or .next)
 * @property {Record<string, string | undefined>} [env] added to process.env for every instance
 * @property {string} [runDir] where configs, logs and caches go (default a fresh temp dir)
 * @property {(line: string) => void} [log] progress lines
 * @property {boolean} [s3] start s3rver in runDir and point the instances at it
 */

/**
 * @typedef {object} Instance
 * @property {string} url
 * @property {number} port
 * @property {() => Promise<void>} start
 * @property {() => Promise<void>} stop
 */

/**
 * The settings every instance shares: the database, one session key, one media store, and the
 * edge as the site's address and the place to refresh cached pages.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} distDir
 * @param {string} edgeUrl
 */
function sharedEnv(env, distDir, edgeUrl) {
  return {
    ...env,
    AUTH_SECRET: env.AUTH_SECRET?.trim() || crypto.randomBytes(32).toString('base64url'),
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    EDGE_PURGE_URLS: edgeUrl,
    SITE_URL: edgeUrl,
    // The edge is the one proxy that appends to X-Forwarded-For.
    TRUSTED_PROXY_HOPS: '1',
  }
}

/**
 * @param {{ port: number, env: NodeJS.ProcessEnv, runDir: string, index: number }} options
 * @returns {Instance}
 */
function createInstance({ port, env, runDir, index }) {
  const url = `http://127.0.0.1:${port}`
  /** @type {import('./processes.mjs').Child | null} */
  let child = null
  const args = ['server.mjs', '--port', String(port), '--hostname', '127.0.0.1']

  async function start() {
    if (child?.isRunning()) return
    child = startChild({
      name: `instance ${index}`,
      command: process.execPath,
      cwd: projectDir,
      args,
      env: { ...env, PORT: String(port) },
      logFile: path.join(runDir, `instance-${index}.log`),
    })
    // /login renders only once start-up (migrations, seeding) is done.
    await waitUntilAnswers(child, `${url}/login`)
  }

  async function stop() {
    if (child) await stopChild(child)
  }

  return { url, port, start, stop }
}

/**
 * Checks every piece is there, then starts instance 1 alone (it migrates the database), the
 * others after it, and the edge last.
 * @param {ClusterOptions} options
 */
export async function startCluster({
  instances = 2,
  edgePort = 8080,
  basePort = 3101,
  distDir = process.env.NEXT_DIST_DIR || '.next',
  env = {},
  runDir,
  log = () => {},
  s3 = false,
} = {}) {
  const baseEnv = { ...process.env, ...env }
  const databaseUrl = requireDatabaseUrl(baseEnv)
  await checkPostgres(databaseUrl)
  checkNginx()
  if (!s3) checkMediaStorage(baseEnv)
  checkBuild(path.resolve(projectDir, distDir), distDir)
  await checkPortFree(edgePort, '--port')
  for (let i = 0; i < instances; i++) await checkPortFree(basePort + i, '--base-port')

  const dir = runDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-cluster-'))
  fs.mkdirSync(dir, { recursive: true })
  const storage = s3 ? await startS3({ directory: path.join(dir, 's3') }) : null
  const edgeUrl = `http://127.0.0.1:${edgePort}`
  const instanceEnv = sharedEnv({ ...baseEnv, ...storage?.env }, distDir, edgeUrl)
  const started = Array.from({ length: instances }, (_, i) =>
    createInstance({ port: basePort + i, env: instanceEnv, runDir: dir, index: i + 1 }),
  )
  const upstreams = started.map((instance) => `127.0.0.1:${instance.port}`)
  const edge = createEdge({ port: edgePort, upstreams, runDir: dir })

  async function stop() {
    await Promise.all([edge.stop(), ...started.map((instance) => instance.stop())])
    await storage?.stop()
  }

  try {
    const [first, ...others] = started
    log(`Logs and the edge's cache: ${dir}`)
    await first?.start()
    await Promise.all(others.map((instance) => instance.start()))
    log(`${instances} instance(s) ready: ${started.map((instance) => instance.url).join(' ')}`)
    await edge.start()
  } catch (error) {
    await stop()
    throw error
  }

  return {
    edgeUrl,
    instanceUrls: started.map((instance) => instance.url),
    instances: started,
    edge: { start: edge.start, stop: edge.stop },
    runDir: dir,
    stop,
  }
}
