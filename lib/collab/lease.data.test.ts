import { describe, expect, it } from 'vitest'
import { makeStory, openTestNewsroom } from '@/test/newsroom'
import { acquireLease, leaseMs, releaseLease, releaseOthersLeases, renewLeases } from './lease'

const { db, newsroom } = await openTestNewsroom()
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
})
