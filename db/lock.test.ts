import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StartUpError } from './config'
import { acquireDirectoryLock } from './lock'

let root: string
let dataDir: string
let child: ChildProcess | undefined
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lock-'))
  dataDir = path.join(root, 'pglite')
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

describe('acquireDirectoryLock', () => {
  it('refuses a directory that a live process holds, naming the directory and the process', async () => {
    const pid = await startOtherProcess()
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(`${dataDir}.lock`, String(pid))

    const acquire = () => acquireDirectoryLock(dataDir)

    expect(acquire).toThrow(StartUpError)
    expect(acquire).toThrow(dataDir)
    expect(acquire).toThrow(String(pid))
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(pid))
  })

  it('refuses a second lock taken by the same process', () => {
    const release = acquireDirectoryLock(dataDir)

    expect(() => acquireDirectoryLock(dataDir)).toThrow(StartUpError)
    release()
  })

  it('takes over a lock whose process is gone, and removes it on release', async () => {
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(`${dataDir}.lock`, String(await deadPid()))

    const release = acquireDirectoryLock(dataDir)

    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid))
    release()
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false)
  })
})
