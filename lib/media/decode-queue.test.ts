import { describe, expect, it } from 'vitest'
import { createDecodeQueue } from './decode-queue'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the decode queue', () => {
  it('never decodes more than its concurrency at once, and finishes every job in turn', async () => {
    const queue = createDecodeQueue({ concurrency: 2, maxAdmitted: 100, maxWaitSeconds: 600 })
    let running = 0
    let most = 0
    const finished: number[] = []
    await Promise.all(
      Array.from({ length: 12 }, (_, job) =>
        queue.run(async () => {
          running++
          most = Math.max(most, running)
          expect(queue.state().decoding).toBeLessThanOrEqual(2)
          await pause(5 + (job % 3) * 5)
          running--
          finished.push(job)
        }),
      ),
    )
    expect(most).toBe(2)
    expect(finished.sort((a, b) => a - b)).toEqual([...Array(12).keys()])
    expect(queue.state()).toEqual({ admitted: 0, decoding: 0, waiting: 0 })
  })

  it('gives the slot of a decode that throws to the next in line', async () => {
    const queue = createDecodeQueue({ concurrency: 1, maxAdmitted: 10, maxWaitSeconds: 600 })
    const failing = queue.run(async () => {
      await pause(5)
      throw new Error('damaged')
    })
    const next = queue.run(async () => 'decoded')
    await expect(failing).rejects.toThrow('damaged')
    await expect(next).resolves.toBe('decoded')
    expect(queue.state().decoding).toBe(0)
  })

  it('takes on at most maxAdmitted uploads, and a released place is free again (releasing twice changes nothing)', () => {
    const queue = createDecodeQueue({ concurrency: 1, maxAdmitted: 2, maxWaitSeconds: 600 })
    const first = queue.admit()
    const second = queue.admit()
    expect(first).not.toBeNull()
    expect(second).not.toBeNull()
    expect(queue.admit()).toBeNull()
    first?.release()
    first?.release()
    expect(queue.state().admitted).toBe(1)
    expect(queue.admit()).not.toBeNull()
    expect(queue.admit()).toBeNull()
  })

  it('refuses an upload that would wait longer than maxWaitSeconds at the pace of recent decodes (1.5 s before any)', () => {
    const queue = createDecodeQueue({ concurrency: 1, maxAdmitted: 10, maxWaitSeconds: 2 })
    // The first decodes at once; the second waits for one (1.5 s); the third would wait for two (3 s).
    expect(queue.admit()).not.toBeNull()
    expect(queue.admit()).not.toBeNull()
    expect(queue.admit()).toBeNull()
  })

  it('tells a refused upload to come back after the line ahead of it has had time to drain', async () => {
    const queue = createDecodeQueue({ concurrency: 1, maxAdmitted: 1, maxWaitSeconds: 600 })
    expect(queue.retryAfterSeconds()).toBe(1)
    let release = () => {}
    const blocking = queue.run(() => new Promise<void>((resolve) => (release = resolve)))
    const waiting = [queue.run(async () => {}), queue.run(async () => {})]
    // Three decodes ahead at the assumed 1.5 s each.
    expect(queue.retryAfterSeconds()).toBe(5)
    release()
    await Promise.all([blocking, ...waiting])
  })
})
