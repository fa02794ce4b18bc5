import { spawn } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { acquireDirectoryLock } from '@/db/lock'

const root = path.join(import.meta.dirname, '..', '..')
const fixtures = path.join(root, 'test', 'fixtures', 'wordpress')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-import-cli-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

/** Runs a command-line script as `npm run` does, on the embedded database in `dataDir`. */
async function run(script: string, args: string[]) {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', script, ...args], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      COPYDESK_DATA_DIR: path.join(dataDir, 'db'),
      COPYDESK_MEDIA_DIR: path.join(dataDir, 'media'),
    },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += String(chunk)))
  child.stderr.on('data', (chunk) => (stderr += String(chunk)))
  const [code] = (await once(child, 'exit')) as [number | null]
  return { code, stdout, stderr }
}

const importScript = 'scripts/cli/import-wordpress.ts'

describe('npm run import:wordpress', () => {
  it('imports an export into the embedded database and prints the report', async () => {
    const admin = await run('scripts/cli/user-create.ts', [
      '--email',
      'chief@example.test',
      '--role',
      'admin',
      '--password',
      'a long enough password',
    ])
    expect(admin.code).toBe(0)

    const result = await run(importScript, [path.join(fixtures, 'export.xml'), '--media-folder', path.join(fixtures, 'uploads')])

    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n').slice(0, 6)).toEqual([
      'sections: 4 created, 0 updated, 0 unchanged, 0 skipped',
      'tags: 3 created, 0 updated, 0 unchanged, 0 skipped',
      'people: 3 created, 0 updated, 0 unchanged, 0 skipped',
      'images: 4 created, 0 updated, 0 unchanged, 0 skipped',
      'stories: 7 created, 0 updated, 0 unchanged, 0 skipped',
      'redirects: 2 created, 0 updated, 0 unchanged, 0 skipped',
    ])
    expect(result.stdout).toMatch(/^- page 301 “About the Gazette”: pages are not imported/m)
  }, 60_000)

  it('stops with one line and exit code 1 for a missing file, a file that is not an export, and a hostile one', async () => {
    const missing = await run(importScript, ['no-such-export.xml'])
    const notWxr = await run(importScript, [path.join(root, 'package.json')])
    const hostile = await run(importScript, [path.join(fixtures, 'hostile.xml')])

    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'There is no file no-such-export.xml.\n' })
    expect(notWxr).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^The file is not well-formed XML: [^\n]*\n$/) })
    expect(hostile).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^The file declares a DOCTYPE: refused[^\n]*\n$/) })
  }, 60_000)

  it('refuses while a server holds the embedded database', async () => {
    // Where the embedded database of that COPYDESK_DATA_DIR lives (db/config.ts).
    const release = acquireDirectoryLock(path.join(dataDir, 'db', 'pglite'))
    try {
      const result = await run(importScript, [path.join(fixtures, 'export.xml')])

      expect(result.code).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stderr).toMatch(/in use|another process|pid/i)
    } finally {
      release()
    }
  }, 60_000)
})
