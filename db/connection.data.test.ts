import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { StartUpError } from './config'
import { checkConnection, openDatabase } from './index'

let root: string | undefined
afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true })
  root = undefined
})

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const failure = await promise.then(
    () => null,
    (error: unknown) => error,
  )
  if (!(failure instanceof Error)) throw new Error('Expected a failure, got none.')
  return failure
}

describe('opening a database that cannot be used', () => {
  it('stops with one line naming a corrupt embedded data directory', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-corrupt-'))
    const dataDir = path.join(root, 'pglite')
    // What is left of a data directory whose control file was overwritten.
    fs.mkdirSync(path.join(dataDir, 'global'), { recursive: true })
    fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), '17\n')
    fs.writeFileSync(path.join(dataDir, 'global', 'pg_control'), 'not a control file')

    const connection = openDatabase({ driver: 'pglite', dataDir })
    const failure = await failureOf(checkConnection(connection.db, { driver: 'pglite', dataDir }))
    await connection.close()

    expect(failure).toBeInstanceOf(StartUpError)
    expect(failure.message).toMatch(
      new RegExp(`^The embedded database in ${dataDir} cannot be opened and may be corrupt [^\\n]*move that folder aside`),
    )
    expect(failure.message).not.toContain('\n')
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false)
  })

  it.runIf(process.env.TEST_DATABASE_URL)('stops with one line naming a PostgreSQL database that does not exist', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL ?? '')
    url.pathname = '/copydesk_no_such_database'
    const config = { driver: 'pg', url: url.href } as const
    const connection = openDatabase(config)

    const failure = await failureOf(checkConnection(connection.db, config))
    await connection.close()

    expect(failure).toBeInstanceOf(StartUpError)
    expect(failure.message).toMatch(/^The database copydesk_no_such_database does not exist on the PostgreSQL server at [^\n]+$/)
  })
})
