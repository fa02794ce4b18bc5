// What the cluster needs before anything starts, each missing piece told in one line that says
// how to get it.
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { findNginx } from './edge.mjs'

/** A missing piece of the set-up: its message is the one line to show. */
export class ClusterSetupError extends Error {}

const EXAMPLE = 'DATABASE_URL=postgres://postgres@127.0.0.1:5432/copydesk npm run start:cluster -- --instances 2'

/** @param {NodeJS.ProcessEnv} env */
export function requireDatabaseUrl(env) {
  const url = env.DATABASE_URL?.trim()
  if (!url) throw new ClusterSetupError(`DATABASE_URL is not set: the instances share one PostgreSQL database (${EXAMPLE})`)
  return url
}

/** @param {string} databaseUrl */
export async function checkPostgres(databaseUrl) {
  const { hostname, port } = new URL(databaseUrl)
  const where = `${hostname || 'localhost'}:${port || 5432}`
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
  // An error after connecting (the server going away) must not crash the process.
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    const { code, message } = /** @type {NodeJS.ErrnoException} */ (error)
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || /timeout/i.test(message)) {
      throw new ClusterSetupError(`PostgreSQL does not answer at ${where} (start it: sudo service postgresql start)`)
    }
    if (code === '3D000') {
      const name = new URL(databaseUrl).pathname.slice(1)
      throw new ClusterSetupError(`PostgreSQL at ${where} has no database ${name} (create it: createdb -h ${hostname} -U postgres ${name})`)
    }
    throw new ClusterSetupError(`PostgreSQL at ${where} refused the connection: ${message}`)
  } finally {
    await client.end().catch(() => {})
  }
}

export function checkNginx() {
  if (!findNginx()) throw new ClusterSetupError('nginx is not installed: sudo apt-get install -y nginx')
}

/** @param {NodeJS.ProcessEnv} env */
export function checkMediaStorage(env) {
  if (!env.MEDIA_S3_BUCKET?.trim()) {
    throw new ClusterSetupError(
      'MEDIA_S3_BUCKET is not set: several instances must share media through S3 (see deploy/nginx/README.md, "Media on S3")',
    )
  }
}

/**
 * @param {string} buildDir the build's absolute path
 * @param {string} distDir the same, as NEXT_DIST_DIR names it
 */
export function checkBuild(buildDir, distDir) {
  if (!fs.existsSync(path.join(buildDir, 'BUILD_ID'))) {
    const build = distDir === '.next' ? 'npm run build' : `NEXT_DIST_DIR=${distDir} npm run build`
    throw new ClusterSetupError(`No build in ${distDir}: run ${build} first`)
  }
}

/**
 * A port someone else holds would make a server exit, or worse, answer in its place.
 * @param {number} port
 * @param {string} option the command-line option that moves it
 */
export function checkPortFree(port, option) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', () => reject(new ClusterSetupError(`Port ${port} on 127.0.0.1 is taken: choose another with ${option}`)))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(undefined)))
  })
}
