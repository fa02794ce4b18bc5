import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core'
import { StartUpError } from './config'
import type { Db } from './index'

type Journal = { entries: { idx: number; tag: string; when: number }[] }

/** drizzle-kit's own record of applied migrations, so its tools agree with this runner. */
const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
})

/**
 * Applies the committed drizzle-kit migrations that have not run yet, all in one transaction
 * (a failure leaves the database as it was), recording them in drizzle's own table. Safe to run at every start and from several
 * instances at once (PostgreSQL advisory lock). A failure is one line naming the migration and PostgreSQL's error.
 */
export async function migrate(db: Db, migrationsFolder: string): Promise<{ applied: string[] }> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal
  const files = readMigrationFiles({ migrationsFolder })
  const applied: string[] = []

  await db.transaction(async (tx) => {
    // Held until this transaction ends, so a second instance waits here instead of racing.
    await tx.execute(sql`select pg_advisory_xact_lock(727274)`)
    await tx.execute(sql`create schema if not exists drizzle`)
    await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (
      id serial primary key, hash text not null, created_at bigint)`)
    const done = await tx.select({ createdAt: appliedMigrations.createdAt }).from(appliedMigrations)
    const doneAt = new Set(done.map((row) => row.createdAt))

    for (const [index, migration] of files.entries()) {
      if (doneAt.has(migration.folderMillis)) continue
      const tag = journal.entries[index]?.tag ?? `migration ${index}`
      try {
        for (const statement of migration.sql) {
          if (statement.trim()) await tx.execute(sql.raw(statement))
        }
        await tx.insert(appliedMigrations).values({ hash: migration.hash, createdAt: migration.folderMillis })
      } catch (error) {
        throw new StartUpError(`Migration ${tag} failed: ${databaseReason(error)}`)
      }
      applied.push(tag)
    }
  })
  return { applied }
}

/**
 * PostgreSQL's own words for a failed statement, on one line. Drizzle wraps the driver's error
 * as "Failed query: <SQL> params: …"; the real error is its cause.
 */
export function databaseReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  const message = cause instanceof Error ? cause.message || cause.name : String(cause)
  return message.split('\n')[0]?.trim() ?? ''
}
