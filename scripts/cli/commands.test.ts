import { spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.join(import.meta.dirname, '..', '..')

/** Runs a command-line script the way `npm run` does, with only these variables set besides PATH. */
async function run(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', script, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += String(chunk)))
  child.stderr.on('data', (chunk) => (stderr += String(chunk)))
  const [code] = (await once(child, 'exit')) as [number | null]
  return { code, stdout, stderr }
}

describe('the command-line scripts', () => {
  it('npm run db:seed refuses a DATABASE_URL database unless asked explicitly, touching nothing', async () => {
    // Nothing listens on port 1: had the command tried to connect, the message would say so.
    const result = await run('scripts/cli/seed.ts', [], { DATABASE_URL: 'postgres://copydesk@127.0.0.1:1/copydesk' })

    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^DATABASE_URL is set: seeding would create the demo accounts[^\n]*--allow-database-url[^\n]*\n$/)
  }, 20_000)

  it('npm run db:migrate stops with one clear line when PostgreSQL cannot be reached', async () => {
    const result = await run('scripts/cli/migrate.ts', [], { DATABASE_URL: 'postgres://copydesk@127.0.0.1:1/copydesk' })

    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^Cannot reach PostgreSQL at 127\.0\.0\.1:1: nothing accepts connections there[^\n]*\n$/)
  }, 20_000)
})
