import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'
import { afterEach, beforeEach, inject } from 'vitest'
import { migrationsFolder } from './config'
import { type Db, openDatabase, openMemoryDatabase } from './index'
import { migrate } from './migrate'

/** A throwaway database owned by one test file; `close()` discards it. */
export type TestDatabase = { db: Db; close: () => Promise<void> }

/**
 * A fresh, migrated database for one test file. In memory (PGlite) by default, a copy of the
 * run's migrated template; on the
 * PostgreSQL server at `TEST_DATABASE_URL` when `DATA_TEST_DRIVER=pg`, as a new database that
 * `close()` drops again.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  // On PGlite, from the database migrated once for the whole run (test/migrated-template.ts).
  const template = inject('migratedTemplate')
  if (template) return openMemoryDatabase(new Blob([fs.readFileSync(template)]))
  const database = await createEmptyTestDatabase()
  try {
    await migrate(database.db, migrationsFolder)
  } catch (error) {
    await database.close()
    throw error
  }
  return database
}

/** Like `createTestDatabase()`, without running the migrations: for testing them. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  if (process.env.DATA_TEST_DRIVER !== 'pg') return openDatabase({ driver: 'memory' })

  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) throw new Error('DATA_TEST_DRIVER=pg needs TEST_DATABASE_URL (postgres://user@host:5432/db).')
  // Random, so that test files running at once and leftovers of a killed run never collide.
  const name = `copydesk_test_${randomBytes(6).toString('hex')}`
  await onServer(serverUrl, `create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const connection = openDatabase({ driver: 'pg', url: url.href })
  return {
    db: connection.db,
    close: async () => {
      await connection.close()
      await onServer(serverUrl, `drop database if exists ${name} with (force)`)
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

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
