import fs from 'node:fs'
import { StartUpError } from './config'

/**
 * PGlite does not lock its data directory, and a second process that opens it can corrupt it.
 * This lock file (created exclusively, holding the owner's pid) refuses a second opener; a lock
 * whose process is gone is taken over.
 */
export function acquireDirectoryLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`
  fs.mkdirSync(dataDir, { recursive: true })
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      const release = () => {
        if (readPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true })
      }
      process.once('exit', release)
      return release
    } catch (error) {
      if (!isFileExists(error)) throw error
    }
    const holder = readPid(lockPath)
    if (holder === process.pid) {
      throw new StartUpError(`The embedded database in ${dataDir} is already open in this process.`)
    }
    if (holder !== null && isRunning(holder)) {
      throw new StartUpError(
        `The embedded database in ${dataDir} is in use by process ${holder}; stop that process first, or set COPYDESK_DATA_DIR to another folder.`,
      )
    }
    // The holder is gone (killed, crashed): the lock is stale and safe to remove.
    fs.rmSync(lockPath, { force: true })
  }
  throw new StartUpError(`Could not take the lock ${lockPath}; another process keeps taking it.`)
}

function readPid(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10)
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function isFileExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST'
}
