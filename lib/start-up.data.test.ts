import { count } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { type TestDatabase, createEmptyTestDatabase } from '@/db/testing'
import { prepareDatabase } from './start-up'

let database: TestDatabase
beforeEach(async () => {
  database = await createEmptyTestDatabase()
})
afterEach(() => database.close())

async function userCount(): Promise<number> {
  const [row] = await database.db.select({ total: count() }).from(users)
  return row?.total ?? 0
}

const postgres = { driver: 'pg', url: 'postgres://copydesk@db.internal:5432/copydesk' } as const

describe('preparing the database at start-up', () => {
  it('migrates a PostgreSQL database but never gives it the demo accounts', async () => {
    const result = await prepareDatabase(database.db, postgres, { NODE_ENV: 'test' })

    expect(result.applied.length).toBeGreaterThan(0)
    expect(result.seeded).toBe(false)
    expect(await userCount()).toBe(0)
  })

  it('gives an empty embedded database the demo newsroom', async () => {
    const result = await prepareDatabase(database.db, { driver: 'pglite', dataDir: '/unused' }, { NODE_ENV: 'test' })

    expect(result.seeded).toBe(true)
    expect(await userCount()).toBeGreaterThanOrEqual(5)
  })

  it('seeds a PostgreSQL database only when COPYDESK_SEED_DEMO=1 asks for it', async () => {
    const result = await prepareDatabase(database.db, postgres, { NODE_ENV: 'test', COPYDESK_SEED_DEMO: '1' })

    expect(result.seeded).toBe(true)
  })
})
