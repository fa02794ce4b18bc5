import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cacheSizeFor } from './cache-size'

const made: string[] = []

/** A data folder whose `base/` holds files of these sizes in MB (sparse: nothing is written). */
function dataFolder(...sizesMb: number[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-cache-'))
  made.push(dir)
  sizesMb.forEach((size, index) => {
    const folder = path.join(dir, 'base', String(index % 2))
    fs.mkdirSync(folder, { recursive: true })
    const file = path.join(folder, `file-${index}`)
    fs.writeFileSync(file, '')
    fs.truncateSync(file, size * 2 ** 20)
  })
  return dir
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('the embedded database cache', () => {
  it('keeps 32 MB for a new or small newsroom', () => {
    expect(cacheSizeFor(path.join(os.tmpdir(), 'copydesk-cache-never-made'))).toBe(32)
    expect(cacheSizeFor(dataFolder(40, 120))).toBe(32)
  })

  it('grows to an eighth of the tables and indexes on disk, in every folder under base', () => {
    expect(cacheSizeFor(dataFolder(600, 400))).toBe(125)
  })

  it('stops at 256 MB however large the archive', () => {
    expect(cacheSizeFor(dataFolder(1024, 1024, 1024))).toBe(256)
  })
})
