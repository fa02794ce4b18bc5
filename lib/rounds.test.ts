import { describe, expect, it, vi } from 'vitest'
import { repeatRounds } from './rounds'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('background rounds', () => {
  it('runs one at once, never two together, and stopping waits for the round under way', async () => {
    let active = 0
    let most = 0
    let rounds = 0
    const stop = repeatRounds(async () => {
      active += 1
      most = Math.max(most, active)
      await pause(15)
      rounds += 1
      active -= 1
    }, 1)
    expect(active).toBe(1)
    await pause(60)
    await stop()
    expect(active).toBe(0)
    expect(rounds).toBeGreaterThanOrEqual(2)
    expect(most).toBe(1)
    const after = rounds
    await pause(30)
    expect(rounds).toBe(after)
  })

  it('goes on after a round that throws, and says so', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    let calls = 0
    const stop = repeatRounds(async () => {
      calls += 1
      if (calls === 1) throw new Error('the database went away')
    }, 1)
    await pause(30)
    await stop()
    expect(calls).toBeGreaterThanOrEqual(2)
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('a background round failed'), expect.any(Error))
    logged.mockRestore()
  })
})
