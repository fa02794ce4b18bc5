import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StartUpError } from './config'
import { acquireDirectoryLock, processStartTime, removeIfUnchanged, unreadableLockGraceMs } from './lock'

let root: string
let dataDir: string
let lockPath: string
let child: ChildProcess | undefined
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lock-'))
  dataDir = path.join(root, 'pglite')
  lockPath = `${dataDir}.lock`
  fs.mkdirSync(dataDir, { recursive: true })
})
afterEach(() => {
  child?.kill()
  child = undefined
  fs.rmSync(root, { recursive: true, force: true })
})

/** Starts a process that stays alive for the test, standing in for another server. */
async function startOtherProcess(): Promise<number> {
  child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' })
  await once(child, 'spawn')
  if (child.pid === undefined) throw new Error('The helper process did not start.')
  return child.pid
}

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await once(gone, 'exit')
  if (gone.pid === undefined) throw new Error('The helper process did not start.')
  return gone.pid
}

function writeLock(lock: { pid: number; startedAt: string | null }): string {
  const content = JSON.stringify({ ...lock, token: 'left-behind' })
  fs.writeFileSync(lockPath, content)
  return content
}

const lockOwner = () => (JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number }).pid

describe('acquireDirectoryLock', () => {
  it('refuses a directory that a live process holds, naming the directory and the process', async () => {
    const pid = await startOtherProcess()
    const content = writeLock({ pid, startedAt: processStartTime(pid) })

    const acquire = () => acquireDirectoryLock(dataDir)

    expect(acquire).toThrow(StartUpError)
    expect(acquire).toThrow(dataDir)
    expect(acquire).toThrow(String(pid))
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(content)
  })

  it('refuses a second lock taken by the same process', () => {
    const release = acquireDirectoryLock(dataDir)

    expect(() => acquireDirectoryLock(dataDir)).toThrow(/already open in this process/)
    release()
  })

  it('takes over a lock whose process is gone, and removes it on release', async () => {
    writeLock({ pid: await deadPid(), startedAt: null })

    const release = acquireDirectoryLock(dataDir)

    expect(lockOwner()).toBe(process.pid)
    release()
    expect(fs.existsSync(lockPath)).toBe(false)
  })

  it('takes over a lock with its own pid left by a killed earlier process (pid 1 in a container)', () => {
    writeLock({ pid: process.pid, startedAt: null })

    const release = acquireDirectoryLock(dataDir)

    expect(lockOwner()).toBe(process.pid)
    release()
  })

  it.runIf(processStartTime(process.pid) !== null)('takes over a lock whose pid now belongs to a process that started later', async () => {
    writeLock({ pid: await startOtherProcess(), startedAt: '1' })

    const release = acquireDirectoryLock(dataDir)

    expect(lockOwner()).toBe(process.pid)
    release()
  })

  it('refuses, and keeps, an unwritten lock file that another opener may be writing', () => {
    fs.writeFileSync(lockPath, '')

    expect(() => acquireDirectoryLock(dataDir)).toThrow(/being opened by another process/)
    expect(fs.existsSync(lockPath)).toBe(true)
  })

  it('takes over an unwritten lock file once it is old enough to be a leftover', () => {
    fs.writeFileSync(lockPath, '')
    const longAgo = new Date(Date.now() - unreadableLockGraceMs - 60_000)
    fs.utimesSync(lockPath, longAgo, longAgo)

    const release = acquireDirectoryLock(dataDir)

    expect(lockOwner()).toBe(process.pid)
    release()
  })

  it('leaves no temporary files beside the lock', async () => {
    writeLock({ pid: await deadPid(), startedAt: null })

    const release = acquireDirectoryLock(dataDir)
    release()

    expect(fs.readdirSync(root)).toEqual(['pglite'])
  })
})

/** Starts an opener in its own process; it holds the lock until `done` is written to its stdin. */
function startOpener(): ChildProcess & { answer: Promise<string> } {
  const script = `
    const { acquireDirectoryLock } = require(${JSON.stringify(path.join(import.meta.dirname, 'lock.ts'))})
    try { acquireDirectoryLock(${JSON.stringify(dataDir)}); console.log('got it') } catch (error) { console.log(error.message) }
    process.stdin.once('data', () => process.exit(0))`
  const opener = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] })
  const answer = once(opener.stdout, 'data').then(([chunk]) => String(chunk).trim())
  return Object.assign(opener, { answer })
}

describe('openers racing over a stale lock', () => {
  it('lets exactly one of several processes take it over; the others name the winner', async () => {
    writeLock({ pid: await deadPid(), startedAt: null })
    const openers = Array.from({ length: 4 }, () => startOpener())
    try {
      const answers = await Promise.all(openers.map((opener) => opener.answer))

      expect(answers.filter((answer) => answer === 'got it')).toHaveLength(1)
      const winner = openers[answers.indexOf('got it')]
      for (const answer of answers.filter((text) => text !== 'got it')) {
        expect(answer).toContain(`in use by process ${winner?.pid}`)
      }
    } finally {
      for (const opener of openers) opener.stdin?.end('done')
      await Promise.all(openers.map((opener) => (opener.exitCode === null ? once(opener, 'exit') : null)))
    }
  }, 15_000)
})

describe('removeIfUnchanged', () => {
  it('does not remove a fresh lock that another opener took after this one judged the old lock stale', async () => {
    const stale = JSON.stringify({ pid: await deadPid(), startedAt: null, token: 'stale' })
    const fresh = writeLock({ pid: process.pid, startedAt: null })

    expect(removeIfUnchanged(lockPath, stale)).toBe(false)

    expect(fs.readFileSync(lockPath, 'utf8')).toBe(fresh)
    expect(fs.readdirSync(root).sort()).toEqual(['pglite', 'pglite.lock'])
  })

  it('removes the lock it judged stale', () => {
    const stale = writeLock({ pid: 999_999_999, startedAt: null })

    expect(removeIfUnchanged(lockPath, stale)).toBe(true)
    expect(fs.existsSync(lockPath)).toBe(false)
  })

  it('reports nothing removed when another opener removed it first', () => {
    expect(removeIfUnchanged(lockPath, 'anything')).toBe(false)
  })
})
