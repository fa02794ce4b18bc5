import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '@/db'
import { StartUpError } from '@/db/config'
import { checkMediaIsShared, instanceName, listenToInstances, tellInstances } from './instances'

// Instances on one PostgreSQL database hear each other through LISTEN/NOTIFY. PGlite is one
// process by design: there is nobody else to tell, so these run only on PostgreSQL.

const url = process.env.DATA_TEST_DRIVER === 'pg' ? process.env.TEST_DATABASE_URL : undefined
if (!url)
  console.log('lib/instances.data.test.ts: skipped on PGlite (one process, no other instance to hear); runs with DATA_TEST_DRIVER=pg')

const quiet = { info: () => {}, error: () => {} }

/** Resolves when `predicate` holds, checking every 20 ms for up to `ms`. */
async function eventually(predicate: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.skipIf(!url)('instances on one PostgreSQL database', () => {
  const connection = url ? openDatabase({ driver: 'pg', url }) : null
  const db = connection?.db
  const stops: (() => Promise<void>)[] = []
  afterAll(async () => {
    await Promise.all(stops.map((stop) => stop()))
    await connection?.close()
  })

  function instance(location: string) {
    const heard: string[][] = []
    let missed = 0
    stops.push(
      listenToInstances(url ?? '', {
        applicationName: instanceName(location),
        onKeys: (keys) => heard.push(keys),
        onMissed: () => missed++,
        log: quiet,
      }),
    )
    return { heard, missed: () => missed }
  }

  it('tells every instance which keys changed, in parts small enough for NOTIFY', async () => {
    if (!db) return
    const [a, b] = [instance('the S3 bucket news'), instance('the S3 bucket news')]
    await new Promise((resolve) => setTimeout(resolve, 300))
    const many = Array.from({ length: 1500 }, (_, n) => `story-${n}`)
    await tellInstances(db, ['story-1', 'section-2'])
    await tellInstances(db, many)
    await eventually(() => a.heard.flat().length === many.length + 2 && b.heard.flat().length === many.length + 2)
    expect(a.heard[0]).toEqual(['story-1', 'section-2'])
    expect(b.heard.slice(1).flat()).toEqual(many)
    expect(b.heard.length).toBeGreaterThan(2)
  })

  it('reports a lost connection, listens again, and reports it once more on reconnecting', async () => {
    if (!db) return
    const listener = instance('the S3 bucket lost')
    await new Promise((resolve) => setTimeout(resolve, 300))
    await db.execute(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = '${instanceName('the S3 bucket lost')}'`,
    )
    await eventually(() => listener.missed() >= 2)
    await tellInstances(db, ['story-7'])
    await eventually(() => listener.heard.flat().includes('story-7'))
  })

  it('refuses to start an instance whose media another running instance cannot see', async () => {
    if (!db) return
    await Promise.all(stops.splice(0).map((stop) => stop()))
    instance('the folder /srv/media on host-a')
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(checkMediaIsShared(db, 'the folder /srv/media on host-a')).resolves.toBeUndefined()
    await expect(checkMediaIsShared(db, 'the folder /srv/media on host-b')).rejects.toThrow(StartUpError)
    await expect(checkMediaIsShared(db, 'the folder /srv/media on host-b')).rejects.toThrow(/must share media through S3/)
  })
})
