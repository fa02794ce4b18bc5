import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import type { Logger } from 'drizzle-orm'
import { afterEach, beforeEach, inject } from 'vitest'
import { type Db, openDatabase, openMemoryDatabase } from './index'
import { onServer, serverDatabaseUrl } from './testing-server'

/** A throwaway database owned by one test file; `close()` discards it. */
export type TestDatabase = { db: Db; close: () => Promise<void> }

/**
 * A fresh, migrated database for one test file, a copy of the run's migrated template
 * (test/migrated-template.ts): in memory (PGlite) by default; on the PostgreSQL server at
 * `TEST_DATABASE_URL` when `DATA_TEST_DRIVER=pg`, as a new database that `close()` drops again.
 * `logger` sees every query it runs.
 */
export async function createTestDatabase(logger?: Logger): Promise<TestDatabase> {
  const template = inject('migratedTemplate')
  if (template.driver === 'pglite') return openMemoryDatabase(new TemplateBytes(fs.readFileSync(template.file)), logger)
  return createServerDatabase(template.database, logger)
}

/**
 * The template's bytes as the Blob PGlite opens, handed over whole by `arrayBuffer()`: Node 20's
 * own Blob reads its 40 MB back in small pieces, a third of the time each file took to open one.
 */
class TemplateBytes extends Blob {
  constructor(private readonly contents: Buffer) {
    super()
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return new Uint8Array(this.contents).buffer
  }
}

/** Like `createTestDatabase()`, without the migrations: for testing them. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  if (process.env.DATA_TEST_DRIVER !== 'pg') return openDatabase({ driver: 'memory' })
  return createServerDatabase()
}

async function createServerDatabase(template?: string, logger?: Logger): Promise<TestDatabase> {
  // Random, so that test files running at once and leftovers of a killed run never collide.
  const name = `copydesk_test_${randomBytes(6).toString('hex')}`
  await onServer(`create database ${name}${template ? ` template ${template}` : ''}`)
  const connection = openDatabase({ driver: 'pg', url: serverDatabaseUrl(name) }, logger)
  return {
    db: connection.db,
    close: async () => {
      await connection.close()
      await onServer(`drop database if exists ${name} with (force)`)
    },
  }
}

/** Gives each test of the file a fresh, unmigrated database (handed to `use` before the test), dropped after it. */
export function emptyDatabaseForEachTest(use: (db: Db) => void): void {
  let database: TestDatabase | undefined
  beforeEach(async () => {
    database = await createEmptyTestDatabase()
    use(database.db)
  })
  afterEach(() => database?.close())
}
