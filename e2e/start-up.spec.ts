// `npm start` with a setting that cannot work: the server stops at once with one line naming it.
import { spawn } from 'node:child_process'
import { expect, test } from './test'

/** Starts server.mjs on the end-to-end build with these settings; resolves with its exit code and output. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['server.mjs', '--port', '3177', '--hostname', '127.0.0.1'], {
      env: {
        ...process.env,
        NEXT_DIST_DIR: '.next-e2e',
        COPYDESK_DATA_DIR: 'memory://',
        DATABASE_URL: '',
        AUTH_SECRET: 'x'.repeat(32),
        ...env,
      },
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

test('a malformed EDGE_PURGE_URLS stops the server with one line naming it', async () => {
  const { code, output } = await startServer({ EDGE_PURGE_URLS: 'http://127.0.0.1:8080, edge-2:8080' })
  expect(code).toBe(1)
  const lines = output.split('\n').filter((line) => line.startsWith('Copydesk cannot start'))
  expect(lines).toEqual([
    `Copydesk cannot start: EDGE_PURGE_URLS has "edge-2:8080", which is not an edge's base address like http://127.0.0.1:8080 (comma-separated, no path).`,
  ])
})
