import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import type { Db } from '@/db'
import { emptyDatabaseForEachTest } from '@/db/testing'
import { prepareDatabase } from './start-up'

let db: Db
emptyDatabaseForEachTest((fresh) => (db = fresh))

/** Stands in for the demo seed (tested in seed/demo.data.test.ts): adds one account, and counts its calls. */
function recordingSeeder() {
  const calls: number[] = []
  const seed = async (into: Db) => {
    calls.push(1)
    await into.insert(users).values({ email: 'demo@example.test', name: 'Demo', slug: 'demo', role: 'admin', passwordHash: 'x' })
    return { created: true }
  }
  return { seed, calls }
}

async function userCount(): Promise<number> {
  const [row] = await db.select({ total: count() }).from(users)
  return row?.total ?? 0
}

const postgres = { driver: 'pg', url: 'postgres://copydesk@db.internal:5432/copydesk' } as const

describe('preparing the database at start-up', () => {
  it('migrates a PostgreSQL database but never gives it the demo accounts', async () => {
    const seeder = recordingSeeder()
    const result = await prepareDatabase(db, postgres, seeder.seed, { NODE_ENV: 'test' })

    expect(result.applied.length).toBeGreaterThan(0)
    expect(result.seeded).toBe(false)
    expect(seeder.calls).toHaveLength(0)
    expect(await userCount()).toBe(0)
  })

  it('gives an empty embedded database the demo newsroom', async () => {
    const seeder = recordingSeeder()
    const result = await prepareDatabase(db, { driver: 'pglite', dataDir: '/unused' }, seeder.seed, { NODE_ENV: 'test' })

    expect(result.seeded).toBe(true)
    expect(seeder.calls).toHaveLength(1)
    expect(await userCount()).toBe(1)
  })

  it('seeds a PostgreSQL database only when COPYDESK_SEED_DEMO=1 asks for it', async () => {
    const seeder = recordingSeeder()
    const result = await prepareDatabase(db, postgres, seeder.seed, { NODE_ENV: 'test', COPYDESK_SEED_DEMO: '1' })

    expect(result.seeded).toBe(true)
    expect(seeder.calls).toHaveLength(1)
  })
})
