import crypto from 'node:crypto'
import fs from 'node:fs'
import { z } from 'zod'
import { StartUpError } from './config'

/** What a lock file holds: the owner's pid, when that process started (Linux), and a token unique to this lock. */
const lockSchema = z.object({ pid: z.number().int().positive(), startedAt: z.string().nullable(), token: z.string() })
type Lock = z.infer<typeof lockSchema>

/**
 * A lock file that cannot be read yet is only taken for stale once it is this old: a file caught
 * between its creation and its first write belongs to an opener still starting.
 */
export const unreadableLockGraceMs = 10_000

// The locks this process holds, shared by every copy of this module (`next dev` reloads, bundles).
const holder = globalThis as typeof globalThis & { __copydeskDirectoryLocks?: Set<string> }
const heldHere = (holder.__copydeskDirectoryLocks ??= new Set())

/**
 * PGlite does not lock its data directory, and a second process that opens it can corrupt it.
 * This lock file refuses a second opener. A lock whose process is gone is taken over: one left
 * by a killed process whose pid is now ours (pid 1 in a container) or another process's
 * (compared by start time) counts as gone. The file appears complete or not at all (written aside,
 * then linked into place), and a stale one is removed only if it is still the one judged stale.
 */
export function acquireDirectoryLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`
  if (heldHere.has(lockPath)) {
    throw new StartUpError(`The embedded database in ${dataDir} is already open in this process.`)
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const own: Lock = { pid: process.pid, startedAt: processStartTime(process.pid), token: crypto.randomBytes(12).toString('hex') }
  const ownContent = JSON.stringify(own)

  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusively(lockPath, ownContent)) {
      // Re-read: proves no other opener swapped the file between our link and now.
      if (readContent(lockPath) !== ownContent) continue
      heldHere.add(lockPath)
      const release = () => {
        heldHere.delete(lockPath)
        removeIfUnchanged(lockPath, ownContent)
      }
      process.once('exit', release)
      return release
    }
    const content = readContent(lockPath)
    if (content === null) continue
    const lock = parseLock(content)
    if (lock === null) {
      if (ageMs(lockPath) < unreadableLockGraceMs) {
        throw new StartUpError(
          `The embedded database in ${dataDir} is being opened by another process (its lock file ${lockPath} is not written yet); try again in a few seconds.`,
        )
      }
    } else if (isAlive(lock)) {
      throw new StartUpError(
        `The embedded database in ${dataDir} is in use by process ${lock.pid}; stop that process first, or set COPYDESK_DATA_DIR to another folder.`,
      )
    }
    // The holder is gone (killed, crashed): remove the lock, unless someone replaced it meanwhile.
    removeIfUnchanged(lockPath, content)
  }
  throw new StartUpError(`Could not take the lock ${lockPath}; other processes keep taking it.`)
}

/** Writes the content aside, then links it into place: fails, changing nothing, when the lock exists. */
function createExclusively(lockPath: string, content: string): boolean {
  const temporary = `${lockPath}.${process.pid}.${crypto.randomBytes(6).toString('hex')}`
  fs.writeFileSync(temporary, content)
  try {
    fs.linkSync(temporary, lockPath)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    fs.rmSync(temporary, { force: true })
  }
}

/**
 * Removes the lock file only if it still holds `expected`. The file is first moved aside under a
 * unique name (atomic, so two removers cannot both get it); if it turns out to be a newer lock,
 * it is put back. Returns whether the expected lock was removed.
 */
export function removeIfUnchanged(lockPath: string, expected: string): boolean {
  const aside = `${lockPath}.stale.${process.pid}.${crypto.randomBytes(6).toString('hex')}`
  try {
    fs.renameSync(lockPath, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  const removed = readContent(aside) === expected
  if (!removed) {
    try {
      fs.linkSync(aside, lockPath)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  fs.rmSync(aside, { force: true })
  return removed
}

function readContent(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

function parseLock(content: string): Lock | null {
  try {
    const parsed = lockSchema.safeParse(JSON.parse(content))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs
  } catch {
    return 0
  }
}

/** Whether the lock's owner still runs: not this process (whose own locks are in `heldHere`), and not a newer process given its pid. */
function isAlive(lock: Lock): boolean {
  if (lock.pid === process.pid) return false
  try {
    process.kill(lock.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const startedAt = processStartTime(lock.pid)
  return lock.startedAt === null || startedAt === null || startedAt === lock.startedAt
}

/** When a process started, in clock ticks since boot (Linux /proc); null where that is not known. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name, which is in parentheses and may hold spaces; starttime is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}
