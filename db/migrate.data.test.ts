import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { count, eq, getTableName, is } from 'drizzle-orm'
import { PgTable, getTableConfig, pgSchema, serial, text } from 'drizzle-orm/pg-core'
import { describe, expect, it } from 'vitest'
import { StartUpError, migrationsFolder } from './config'
import type { Db } from './index'
import { migrate } from './migrate'
import * as schema from './schema'
import { emptyDatabaseForEachTest } from './testing'

const tables = Object.values(schema).flatMap((value) => (is(value, PgTable) ? [value] : []))

// Typed views of the two catalog tables these tests read.
const columnsCatalog = pgSchema('information_schema').table('columns', {
  tableSchema: text('table_schema'),
  tableName: text('table_name'),
  columnName: text('column_name'),
})
const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', { id: serial('id') })

let db: Db
emptyDatabaseForEachTest((fresh) => (db = fresh))

async function columnsByTable(): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ table: columnsCatalog.tableName, column: columnsCatalog.columnName })
    .from(columnsCatalog)
    .where(eq(columnsCatalog.tableSchema, 'public'))
  const columns = new Map<string, string[]>()
  for (const { table, column } of rows) {
    if (table && column) columns.set(table, [...(columns.get(table) ?? []), column])
  }
  return columns
}

async function appliedCount(): Promise<number> {
  const [row] = await db.select({ total: count() }).from(appliedMigrations)
  return row?.total ?? 0
}

/** The committed migrations plus one whose first statement works and whose second fails. */
function folderWithBrokenMigration(): { folder: string; tag: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-migrations-'))
  fs.cpSync(migrationsFolder, folder, { recursive: true })
  const journalPath = path.join(folder, 'meta/_journal.json')
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as {
    entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[]
  }
  const last = journal.entries.at(-1)
  if (!last) throw new Error('The committed journal has no migrations.')
  const tag = `${String(last.idx + 1).padStart(4, '0')}_broken`
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag })
  fs.writeFileSync(journalPath, JSON.stringify(journal))
  fs.writeFileSync(
    path.join(folder, `${tag}.sql`),
    'CREATE TABLE "half_applied" ("id" integer);--> statement-breakpoint\nSELECT * FROM "no_such_table";',
  )
  return { folder, tag }
}

describe('migrate', () => {
  it('creates every table and column of the schema on an empty database', async () => {
    await migrate(db, migrationsFolder)

    const columns = await columnsByTable()
    for (const table of tables) {
      const config = getTableConfig(table)
      expect(columns.get(config.name), `table ${config.name}`).toEqual(expect.arrayContaining(config.columns.map((column) => column.name)))
    }
  })

  it('applies nothing when run a second time', async () => {
    const first = await migrate(db, migrationsFolder)
    const countAfterFirst = await appliedCount()

    const second = await migrate(db, migrationsFolder)

    expect(first.applied.length).toBeGreaterThan(0)
    expect(second.applied).toEqual([])
    expect(await appliedCount()).toBe(countAfterFirst)
  })

  it("stops with one line naming a failing migration and PostgreSQL's error, leaving the database as it was", async () => {
    await migrate(db, migrationsFolder)
    const countBefore = await appliedCount()
    const { folder, tag } = folderWithBrokenMigration()

    try {
      const failure = await migrate(db, folder).catch((error: unknown) => error)
      expect(failure).toBeInstanceOf(StartUpError)
      expect((failure as StartUpError).message).toBe(`Migration ${tag} failed: relation "no_such_table" does not exist`)
    } finally {
      fs.rmSync(folder, { recursive: true, force: true })
    }

    expect((await columnsByTable()).has('half_applied')).toBe(false)
    expect(await appliedCount()).toBe(countBefore)
    expect((await columnsByTable()).has(getTableName(schema.articles))).toBe(true)
  })
})
