import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrationsFolder } from '@/db/config'
import { openDatabase, openMemoryDatabase } from '@/db/index'
import { migrate } from '@/db/migrate'
import { onServer, serverDatabaseUrl } from '@/db/testing-server'

// The data tests' global set-up: one database is created and migrated once per run, and every
// test file's database starts as a copy of it (db/testing.ts), instead of running the migrations
// again. On PGlite (initdb inside WebAssembly takes seconds a time) its data directory is written
// to a file; on PostgreSQL it is a database the files' databases name as their template.

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template: a PGlite data directory as a tar file, or a PostgreSQL database's name. */
    migratedTemplate: { driver: 'pglite'; file: string } | { driver: 'pg'; database: string }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATA_TEST_DRIVER === 'pg') {
    const database = `copydesk_template_${randomBytes(6).toString('hex')}`
    await onServer(`create database ${database}`)
    const connection = openDatabase({ driver: 'pg', url: serverDatabaseUrl(database) })
    try {
      await migrate(connection.db, migrationsFolder)
    } finally {
      // A template must have no open connection while it is copied.
      await connection.close()
    }
    project.provide('migratedTemplate', { driver: 'pg', database })
    return () => onServer(`drop database if exists ${database} with (force)`)
  }
  const connection = openMemoryDatabase()
  const file = path.resolve('.test-data', `migrated-${process.pid}.tar`)
  try {
    await migrate(connection.db, migrationsFolder)
    const dump = await connection.dump()
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  } finally {
    await connection.close()
  }
  project.provide('migratedTemplate', { driver: 'pglite', file })
  return async () => fs.rmSync(file, { force: true })
}
