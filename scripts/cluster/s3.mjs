// A local S3-compatible server (s3rver, path-style) for trying several instances on one machine.
// `node scripts/cluster/s3.mjs [--port 4569] [--dir .s3]` runs it and prints the settings to use.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import S3rver from 's3rver'
import { checkPortFree } from './checks.mjs'

const BUCKET = 'copydesk-media'
// s3rver accepts only these credentials.
const KEY = 'S3RVER'

/**
 * Starts s3rver with one bucket, its files in `directory`.
 * @param {{ directory: string, port?: number }} options port 0 (default) picks a free one
 * @returns {Promise<{ env: Record<string, string>, stop: () => Promise<void> }>}
 */
export async function startS3({ directory, port = 0 }) {
  // s3rver would crash on a taken port (an unhandled 'error' event) instead of saying so.
  if (port !== 0) await checkPortFree(port, '--port')
  fs.mkdirSync(directory, { recursive: true })
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, configureBuckets: [{ name: BUCKET }] })
  const address = await server.run()
  const env = {
    MEDIA_S3_BUCKET: BUCKET,
    MEDIA_S3_REGION: 'us-east-1',
    MEDIA_S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
    MEDIA_S3_ACCESS_KEY_ID: KEY,
    MEDIA_S3_SECRET_ACCESS_KEY: KEY,
  }
  return { env, stop: () => server.close() }
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '4569' }, dir: { type: 'string', default: '.s3' } } })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number (got ${values.port})`)
  const { env } = await startS3({ directory: path.resolve(values.dir), port })
  console.log(`s3rver is serving ${path.resolve(values.dir)}; stop it with Ctrl-C. Use these settings:`)
  for (const [name, value] of Object.entries(env)) console.log(`export ${name}=${value}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error.message)
    process.exit(1)
  })
}
