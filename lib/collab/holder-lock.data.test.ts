import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { serverUrlOf } from '@/db'
import { makeStory, openTestNewsroom } from '@/test/newsroom'
import { HolderLock, holderLockNamespace } from './holder-lock'
import { type LeaseHolder, acquireLease, instanceName, takeLease } from './lease'

const { db, newsroom } = await openTestNewsroom()
/** The lock is PostgreSQL's: the embedded database has one process, and frees its leases at start. */
const serverUrl = serverUrlOf(db)
if (!serverUrl) console.warn('SKIPPED: holders’ locks — they are PostgreSQL’s (run with DATA_TEST_DRIVER=pg).')

const locks: HolderLock[] = []
afterAll(() => Promise.all(locks.map((lock) => lock.close())))

/** An instance that took its lock, named as one running elsewhere (another container or machine) would be. */
async function startHolder(place: string, pid: number, onLost = () => {}): Promise<LeaseHolder & { lock: HolderLock }> {
  const lock = new HolderLock(serverUrl ?? '', onLost)
  locks.push(lock)
  await lock.ready
  expect(lock.isHeld).toBe(true)
  return { name: instanceName(place, pid), lock }
}

describe.skipIf(!serverUrl)('on PostgreSQL, a holder’s lock says whether it still runs', () => {
  it('has another instance take at once the stories of a holder whose process ended, wherever it ran, and no living holder’s', async () => {
    // Another container's process ids say nothing here: this process's own id, taken by a living process.
    const gone = await startHolder('another-container.4026532001', process.pid)
    const living = await startHolder('another-machine.4026531836', process.pid)
    const [goneStory, livingStory] = [await makeStory(db, newsroom), await makeStory(db, newsroom)]
    expect(await takeLease(db, goneStory, gone)).toBe(true)
    expect(await takeLease(db, livingStory, living)).toBe(true)
    expect(await acquireLease(db, goneStory, 'restarted')).toBe(false)
    // Its process killed: the connection ends, and the database frees its lock.
    await gone.lock.close()
    expect(await acquireLease(db, goneStory, 'restarted')).toBe(true)
    expect(await acquireLease(db, livingStory, 'restarted')).toBe(false)
    expect(await takeLease(db, livingStory, living)).toBe(true)
  })

  it('gives each instance a key of its own', async () => {
    const [one, two] = [await startHolder('here.1', 1), await startHolder('here.1', 2)]
    expect(one.lock.key).not.toBeNull()
    expect(one.lock.key).not.toBe(two.lock.key)
  })

  it('lets a holder whose connection is lost serve nothing, tells it, and takes the lock again with the same key', async () => {
    let losses = 0
    const holder = await startHolder('here.1', 3, () => losses++)
    const story = await makeStory(db, newsroom)
    expect(await takeLease(db, story, holder)).toBe(true)
    const key = holder.lock.key
    await db.execute(
      sql`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid = ${holderLockNamespace} and objid = ${key}`,
    )
    await expect.poll(() => losses, { timeout: 5000 }).toBe(1)
    // Meanwhile its stories are anyone's, and it may take none.
    expect(await takeLease(db, story, holder)).toBe(false)
    expect(await acquireLease(db, story, 'another')).toBe(true)
    await expect.poll(() => holder.lock.isHeld, { timeout: 10_000 }).toBe(true)
    expect(holder.lock.key).toBe(key)
    expect(await takeLease(db, story, holder)).toBe(false)
    expect(await takeLease(db, await makeStory(db, newsroom), holder)).toBe(true)
  })
})
