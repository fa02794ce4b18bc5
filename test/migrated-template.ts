import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrationsFolder } from '@/db/config'
import { openMemoryDatabase } from '@/db/index'
import { migrate } from '@/db/migrate'

// The data tests' global set-up on PGlite: starting PGlite runs initdb inside WebAssembly, which
// takes several seconds a time on two cores. So one database is created and migrated once per run,
// its data directory is written to a file, and every test file's database starts from that file
// (db/testing.ts). On PostgreSQL each file still creates and migrates its own.

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated PGlite data directory, as a tar file; empty on PostgreSQL. */
    migratedTemplate: string
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.DATA_TEST_DRIVER === 'pg') {
    project.provide('migratedTemplate', '')
    return undefined
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
  project.provide('migratedTemplate', file)
  return () => fs.rmSync(file, { force: true })
}
