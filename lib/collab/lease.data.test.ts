import { describe, expect, it } from 'vitest'
import { stoppedProcessId } from '@/test/collab-server'
import { makeStory, openTestNewsroom } from '@/test/newsroom'
import {
  acquireLease,
  instanceName,
  leaseMs,
  processPlace,
  releaseDeadLeases,
  releaseLease,
  releaseOthersLeases,
  renewLeases,
} from './lease'

const { db, newsroom } = await openTestNewsroom()
/** This process's place (null off Linux, where nothing is judged: its test is skipped). */
const place = processPlace()
if (!place) console.warn('SKIPPED: freeing a stopped holder’s leases — /proc does not say where this process runs (not Linux).')
const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1, 9, 0, seconds))

describe('one instance serves a story without Redis', () => {
  it('refuses a second instance while the first holds the lease, and lets it in once the lease expires', async () => {
    const story = await makeStory(db, newsroom)
    expect(await acquireLease(db, story, 'one', at(0))).toBe(true)
    expect(await acquireLease(db, story, 'two', at(1))).toBe(false)
    expect(await acquireLease(db, story, 'one', at(2))).toBe(true)
    expect(await acquireLease(db, story, 'two', new Date(at(2).getTime() + leaseMs - 1))).toBe(false)
    expect(await acquireLease(db, story, 'two', new Date(at(2).getTime() + leaseMs + 1))).toBe(true)
    expect(await renewLeases(db, [story], 'one', at(40))).toEqual([story])
  })

  it('lets another instance in at once when the holder lets go', async () => {
    const story = await makeStory(db, newsroom)
    expect(await acquireLease(db, story, 'one', at(0))).toBe(true)
    expect(await renewLeases(db, [story], 'one', at(10))).toEqual([])
    await releaseLease(db, story, 'one')
    expect(await acquireLease(db, story, 'two', at(11))).toBe(true)
  })

  it('frees the leases a killed predecessor left, for the only instance there can be', async () => {
    const [left, kept] = [await makeStory(db, newsroom), await makeStory(db, newsroom)]
    expect(await acquireLease(db, left, 'killed', at(0))).toBe(true)
    expect(await acquireLease(db, kept, 'restarted', at(0))).toBe(true)
    await releaseOthersLeases(db, 'restarted')
    expect(await acquireLease(db, left, 'restarted', at(1))).toBe(true)
    expect(await renewLeases(db, [left, kept], 'restarted', at(2))).toEqual([])
  })

  it.skipIf(!place)('frees at once the leases of a holder on this machine that no longer runs, and no one else’s', async () => {
    const stopped = stoppedProcessId()
    const holders = {
      stopped: instanceName(place, stopped),
      running: instanceName(place, process.pid),
      elsewhere: instanceName('another-machine.4026531836', stopped),
      unknown: instanceName(null, stopped),
    }
    const stories: Record<keyof typeof holders, number> = { stopped: 0, running: 0, elsewhere: 0, unknown: 0 }
    for (const key of Object.keys(holders) as (keyof typeof holders)[]) {
      stories[key] = await makeStory(db, newsroom)
      expect(await acquireLease(db, stories[key], holders[key])).toBe(true)
    }
    await releaseDeadLeases(db, place)
    expect(await acquireLease(db, stories.stopped, 'restarted')).toBe(true)
    for (const key of ['running', 'elsewhere', 'unknown'] as const) expect(await acquireLease(db, stories[key], 'restarted')).toBe(false)
  })
})
