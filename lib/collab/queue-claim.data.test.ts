import crypto from 'node:crypto'
import RedisClient from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { redisAnswers, testRedis } from '@/test/collab-server'
import { doc, p, storyDraft, text } from '@/test/story-docs'
import { SavesAcrossInstances, queueClaimMs, queueSweepMs, savedElsewhereKeys } from './across-instances'
import { putInEach } from './saved-changes'
import { buildStoryDocument, readStoryDocument } from './storage'

// The claim on a story's queue of saves made elsewhere, with a real Redis: renewed while its
// instance works, and safe when that instance stalls past it.

const hasRedis = await redisAnswers()
if (!hasRedis)
  console.warn('SKIPPED: the claim on a queue of saves — nothing answers PING at 127.0.0.1:6379 (start redis-server to run it).')

const prefix = `copydesk-test-${crypto.randomBytes(4).toString('hex')}`
const keys = savedElsewhereKeys(prefix)
const redis = hasRedis ? new RedisClient(testRedis.port, testRedis.host) : null
const instances: SavesAcrossInstances[] = []
afterAll(() => {
  for (const instance of instances) instance.stop()
  redis?.disconnect()
})

/** An instance's part in Redis, its claims lasting `claimMs`; it sweeps nothing by itself. */
function instanceOf(name: string, claimMs: number): SavesAcrossInstances {
  if (!redis) throw new Error('no Redis')
  const instance = new SavesAcrossInstances(redis, {
    prefix,
    instance: name,
    openHere: () => [],
    putInOpen: async () => {},
    announceHere: () => {},
    claimMs,
    sweepMs: 2 ** 31 - 1,
    log: console,
  })
  instances.push(instance)
  return instance
}

const base = { headline: 'Harbour fees', standfirst: '', body: doc(p(text('Fees rise.')), p(text('Owners object.'))) }
const saved = { ...base, body: doc(p(text('Fees rise in May.')), p(text('Owners object.'))), fields: storyDraft(base), revisionId: 2 }
let lastStory = 0
const aStory = () => 1_000_000 + ++lastStory

const paragraphs = (shared: Y.Doc) => readStoryDocument(shared).body.content?.map((block) => block.content?.[0]?.text)
const waiting = async (story: number) => (await redis?.llen(keys.queue(story))) ?? 0
const claimOf = async (story: number) => (await redis?.get(keys.claim(story))) ?? null

/** Two instances' copies of one story: the same document, apart until `meet`. */
function twoCopies(): [Y.Doc, Y.Doc] {
  const here = buildStoryDocument(base, 1)
  const there = new Y.Doc()
  Y.applyUpdate(there, Y.encodeStateAsUpdate(here))
  return [here, there]
}

function meet(one: Y.Doc, other: Y.Doc): void {
  Y.applyUpdate(one, Y.encodeStateAsUpdate(other))
  Y.applyUpdate(other, Y.encodeStateAsUpdate(one))
}

/** A promise and the function that settles it. */
function gate() {
  let open = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

describe.skipIf(!hasRedis)('the claim on a story’s queue of saves made elsewhere', () => {
  it('lapses within a few seconds of its instance stopping, and the instances look for lapsed ones every second', () => {
    expect(queueClaimMs).toBeLessThanOrEqual(3000)
    expect(queueSweepMs).toBeLessThanOrEqual(1000)
  })

  it('is renewed while its instance puts saves in, so no other instance takes the queue over meanwhile', async () => {
    const story = aStory()
    const [one, other] = [instanceOf('test-one', 600), instanceOf('test-other', 600)]
    await one.record(story, { kind: 'merge', base, saved })
    const working = gate()
    let otherPutIn = 0
    const settling = one.settle(story, () => working.opened)
    await expect.poll(() => claimOf(story)).toMatch(/^test-one:/)
    // Five times the claim's length: renewed meanwhile, or the other instance would take it.
    for (let tries = 0; tries < 10; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 300))
      await other.settle(story, async () => void otherPutIn++)
    }
    expect(otherPutIn).toBe(0)
    expect(await claimOf(story)).toMatch(/^test-one:/)
    working.open()
    await settling
    expect(await waiting(story)).toBe(0)
    expect(await claimOf(story)).toBeNull()
  })

  it('an instance that stalls past its claim before putting a save in leaves it to the instance that took over', async () => {
    const story = aStory()
    const [here, there] = twoCopies()
    const [stalling, takingOver] = [instanceOf('test-stalling', 1500), instanceOf('test-taking-over', 1500)]
    await stalling.record(story, { kind: 'merge', base, saved })
    const stall = gate()
    let computedHere = false
    const settling = stalling.settle(story, (requests, fix) =>
      putInEach(
        here,
        requests,
        (apply) => apply(here),
        async (request, computed) => {
          computedHere = true
          await stall.opened
          return fix(request, computed)
        },
      ),
    )
    await expect.poll(() => computedHere).toBe(true)

    // Its claim lapses (taken away here) while it stalls; another instance takes the queue over.
    await redis?.del(keys.claim(story))
    await takingOver.settle(story, (requests, fix) => putInEach(there, requests, (apply) => apply(there), fix))
    expect(await waiting(story)).toBe(0)
    stall.open()
    await settling
    meet(here, there)
    expect(paragraphs(here)).toEqual(['Fees rise in May.', 'Owners object.'])
    expect(paragraphs(there)).toEqual(['Fees rise in May.', 'Owners object.'])
  })

  it('an instance that stalls past its claim while putting a save in puts in the same change as the instance that took over', async () => {
    const story = aStory()
    const [here, there] = twoCopies()
    const [stalling, takingOver] = [instanceOf('test-stalling', 1500), instanceOf('test-taking-over', 1500)]
    await stalling.record(story, { kind: 'merge', base, saved })
    const stall = gate()
    let fixedHere = false
    const applyLate = async (apply: (doc: Y.Doc) => void) => {
      fixedHere = true
      await stall.opened
      apply(here)
    }
    const settling = stalling.settle(story, (requests, fix) => putInEach(here, requests, applyLate, fix))
    await expect.poll(() => fixedHere).toBe(true)

    await redis?.del(keys.claim(story))
    await takingOver.settle(story, (requests, fix) => putInEach(there, requests, (apply) => apply(there), fix))
    expect(await waiting(story)).toBe(0)
    expect(paragraphs(there)).toEqual(['Fees rise in May.', 'Owners object.'])
    stall.open()
    await settling
    meet(here, there)
    expect(paragraphs(here)).toEqual(['Fees rise in May.', 'Owners object.'])
    expect(paragraphs(there)).toEqual(['Fees rise in May.', 'Owners object.'])
  })
})
