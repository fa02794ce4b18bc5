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

/** Stands in for the demo seed (tested in seed/demo.data.test.ts): adds one account, and counts its calls. */
function recordingSeeder() {
  const calls: number[] = []
  const seed = async (db: TestDatabase['db']) => {
    calls.push(1)
    await db.insert(users).values({ email: 'demo@example.test', name: 'Demo', slug: 'demo', role: 'admin', passwordHash: 'x' })
    return { created: true }
  }
  return { seed, calls }
}

async function userCount(): Promise<number> {
  const [row] = await database.db.select({ total: count() }).from(users)
  return row?.total ?? 0
}

const postgres = { driver: 'pg', url: 'postgres://copydesk@db.internal:5432/copydesk' } as const

describe('preparing the database at start-up', () => {
  it('migrates a PostgreSQL database but never gives it the demo accounts', async () => {
    const seeder = recordingSeeder()
    const result = await prepareDatabase(database.db, postgres, seeder.seed, { NODE_ENV: 'test' })

    expect(result.applied.length).toBeGreaterThan(0)
    expect(result.seeded).toBe(false)
    expect(seeder.calls).toHaveLength(0)
    expect(await userCount()).toBe(0)
  })

  it('gives an empty embedded database the demo newsroom', async () => {
    const seeder = recordingSeeder()
    const result = await prepareDatabase(database.db, { driver: 'pglite', dataDir: '/unused' }, seeder.seed, { NODE_ENV: 'test' })

    expect(result.seeded).toBe(true)
    expect(seeder.calls).toHaveLength(1)
    expect(await userCount()).toBe(1)
  })

  it('seeds a PostgreSQL database only when COPYDESK_SEED_DEMO=1 asks for it', async () => {
    const seeder = recordingSeeder()
    const result = await prepareDatabase(database.db, postgres, seeder.seed, { NODE_ENV: 'test', COPYDESK_SEED_DEMO: '1' })

    expect(result.seeded).toBe(true)
    expect(seeder.calls).toHaveLength(1)
  })
})
