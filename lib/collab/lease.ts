import 'server-only'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import { and, eq, inArray, lt, ne, or, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { collabLeases } from '@/db/schema'
import { type HolderLock, holderLockNamespace } from './holder-lock'

// Without Redis, the sync servers of several app instances cannot pass each other's changes on,
// so each story's shared document is served by one instance at a time: the one holding its lease
// in the database. Another instance refuses to serve that story (its people are told why) until
// the lease expires, which happens `leaseMs` after its holder stops renewing it (it closed the
// story, or stopped), or, on PostgreSQL, at once when the holder's lock is free: the holder no
// longer runs (lib/collab/holder-lock.ts). With Redis (lib/collab/server.ts) there is no lease:
// every instance serves.

/** A lease not renewed for this long is free for another instance. */
export const leaseMs = 30_000
/** How often a holder renews its leases: well within `leaseMs`. */
export const leaseRenewMs = 10_000

/**
 * This process's name in the lease table: host, where it runs (`processPlace`), process id and a
 * random part (a restarted process is another holder).
 */
export function instanceName(place = processPlace(), pid = process.pid): string {
  return `${os.hostname()}:${place ?? 'unknown'}:${pid}:${crypto.randomBytes(4).toString('hex')}`
}

const holderPattern = /^[^:]*:([^:]+):([0-9]+):[0-9a-f]+$/

/**
 * Where this process runs, as the kernel says: its boot (one machine, from one start to the
 * next) and its PID namespace (one container, or the machine itself). Null where /proc does not
 * say (not Linux).
 */
export function processPlace(): string | null {
  try {
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    const namespace = /\[([0-9]+)\]/.exec(fs.readlinkSync('/proc/self/ns/pid'))?.[1]
    return /^[0-9a-f-]+$/.test(boot) && namespace ? `${boot}.${namespace}` : null
  } catch {
    return null
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: a process of another user has that id now.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Frees the leases of holders that no longer run: named from this machine since its last boot,
 * in this PID namespace, with a process id that no process has now. A restarted instance so
 * takes at once the stories its killed predecessor held. A holder anywhere else (another
 * machine, another container, a system without /proc), or whose process id is taken again, is
 * never judged: its leases lapse as before.
 */
export async function releaseDeadLeases(db: Db, place = processPlace()): Promise<void> {
  if (!place) return
  const holders = await db.selectDistinct({ instance: collabLeases.instance }).from(collabLeases)
  const dead = holders.flatMap(({ instance }) => {
    const [, from, pid] = holderPattern.exec(instance) ?? []
    return from === place && !isRunning(Number(pid)) ? [instance] : []
  })
  if (dead.length > 0) await db.delete(collabLeases).where(inArray(collabLeases.instance, dead))
}

/** What a person is told when another instance serves the story. */
export const servedElsewhere =
  'This story is being written together through another Copydesk server right now, so this one cannot join in without ' +
  'the two drifting apart. Reload the page to be sent to it, or try again in half a minute.'

/** An instance that takes leases: its name, and on PostgreSQL the lock it holds while it runs. */
export type LeaseHolder = { name: string; lock: HolderLock | null }

/**
 * Takes or renews the story's lease for `instance`, with the key of its lock (`lockKey`): true
 * when it holds it now (it was free, expired, its holder's lock is free, or it was already its
 * own), false when another instance holds it.
 */
export async function acquireLease(
  db: Db,
  articleId: number,
  instance: string,
  now = new Date(),
  lockKey: number | null = null,
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + leaseMs)
  // Trying the holder's lock for the length of this statement only: a holder still running holds
  // it on a connection of its own, so the try fails (an embedded database has no key: null).
  const holderIsGone = sql`pg_try_advisory_xact_lock(${holderLockNamespace}, ${collabLeases.lockKey})`
  const rows = await db
    .insert(collabLeases)
    .values({ articleId, instance, expiresAt, lockKey })
    .onConflictDoUpdate({
      target: collabLeases.articleId,
      set: { instance: sql`excluded.instance`, expiresAt: sql`excluded.expires_at`, lockKey: sql`excluded.lock_key` },
      setWhere: or(eq(collabLeases.instance, instance), lt(collabLeases.expiresAt, now), holderIsGone),
    })
    .returning({ instance: collabLeases.instance })
  return rows.length > 0
}

/** Takes or renews the story's lease for `holder`; never while its lock is not held (others may take its stories then). */
export async function takeLease(db: Db, articleId: number, holder: LeaseHolder): Promise<boolean> {
  if (holder.lock && !holder.lock.isHeld) return false
  return acquireLease(db, articleId, holder.name, new Date(), holder.lock?.key ?? null)
}

/** Renews the leases `instance` still holds on these stories; answers the stories it no longer holds. */
export async function renewLeases(db: Db, articleIds: readonly number[], instance: string, now = new Date()): Promise<number[]> {
  if (articleIds.length === 0) return []
  const renewed = await db
    .update(collabLeases)
    .set({ expiresAt: new Date(now.getTime() + leaseMs) })
    .where(and(inArray(collabLeases.articleId, [...articleIds]), eq(collabLeases.instance, instance)))
    .returning({ articleId: collabLeases.articleId })
  const held = new Set(renewed.map((row) => row.articleId))
  return articleIds.filter((id) => !held.has(id))
}

/** Gives the story up at once, so another instance may serve it without waiting. */
export async function releaseLease(db: Db, articleId: number, instance: string): Promise<void> {
  await db.delete(collabLeases).where(and(eq(collabLeases.articleId, articleId), eq(collabLeases.instance, instance)))
}

/**
 * Frees every story's lease not held by `instance`: for the only instance there can be (the
 * embedded database allows one process), whose earlier self may have been killed holding some.
 */
export async function releaseOthersLeases(db: Db, instance: string): Promise<void> {
  await db.delete(collabLeases).where(ne(collabLeases.instance, instance))
}
