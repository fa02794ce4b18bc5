import { describe, expect, it } from 'vitest'
import type { Db } from '@/db'
import { forgetAllKeptValues, forgetKeptValues, keptValue } from './kept-values'

// Stand-ins for two databases: what is kept is kept per database object.
const first = {} as Db
const second = {} as Db

function counter() {
  let reads = 0
  return { read: async () => ++reads }
}

describe('values kept in the process', () => {
  it('reads once per database until its key is announced, then reads again', async () => {
    const { read } = counter()
    expect(await keptValue(first, 'settings', read)).toBe(1)
    expect(await keptValue(first, 'settings', read)).toBe(1)
    expect(await keptValue(second, 'settings', read)).toBe(2)
    forgetKeptValues(['sections'])
    expect(await keptValue(first, 'settings', read)).toBe(1)
    forgetKeptValues(['settings'])
    expect(await keptValue(first, 'settings', read)).toBe(3)
    expect(await keptValue(second, 'settings', read)).toBe(4)
    forgetAllKeptValues()
    expect(await keptValue(first, 'settings', read)).toBe(5)
  })

  it('does not keep a value whose reading overlapped a change, nor a failed reading', async () => {
    let finish: (value: string) => void = () => {}
    const slow = keptValue(first, 'overlap', () => new Promise<string>((resolve) => (finish = resolve)))
    forgetKeptValues(['overlap'])
    finish('before the change')
    expect(await slow).toBe('before the change')
    expect(await keptValue(first, 'overlap', async () => 'after the change')).toBe('after the change')

    await expect(keptValue(first, 'failing', async () => Promise.reject(new Error('lost connection')))).rejects.toThrow('lost connection')
    expect(await keptValue(first, 'failing', async () => 'read again')).toBe('read again')
  })
})
