import 'server-only'
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { uploadLog } from '@/db/schema'
import { type UploadLimits, uploadLimits } from '../env'
import { countOf } from '../words'

const minuteMs = 60_000
const dayMs = 24 * 60 * 60_000
/** Namespaces the advisory lock that one person's uploads take in turn (any number unused elsewhere). */
const lockNamespace = 0x75706c64

/** A person over a limit: answered 429 with `Retry-After: retryAfterSeconds` and the message shown in the desk. */
export type QuotaRefusal = { ok: false; retryAfterSeconds: number; message: string }
export type QuotaResult = { ok: true } | QuotaRefusal

type Counted = { at: Date; byteSize: number }

/**
 * Whether one more upload of `byteSize` bytes fits this person's limits, from their uploads of
 * the last day (oldest first). Over a limit, the wait is until enough counted uploads leave the
 * window: the oldest of the last minute, or the oldest whose bytes make room for this one.
 */
export function assessQuota(counted: Counted[], byteSize: number, limits: UploadLimits, now: Date): QuotaResult {
  const lastMinute = counted.filter((upload) => now.getTime() - upload.at.getTime() < minuteMs)
  if (lastMinute.length >= limits.perMinute) {
    const wait = lastMinute[lastMinute.length - limits.perMinute]!.at.getTime() + minuteMs - now.getTime()
    const seconds = secondsOf(wait)
    return {
      ok: false,
      retryAfterSeconds: seconds,
      message: `You have uploaded ${countOf(limits.perMinute, 'image')} in the last minute, the most Copydesk takes from one person. Try again in ${spoken(seconds)}.`,
    }
  }
  const uploaded = counted.reduce((sum, upload) => sum + upload.byteSize, 0)
  let over = uploaded + byteSize - limits.bytesPerDay
  if (over <= 0) return { ok: true }
  for (const upload of counted) {
    over -= upload.byteSize
    if (over > 0) continue
    const seconds = secondsOf(upload.at.getTime() + dayMs - now.getTime())
    return {
      ok: false,
      retryAfterSeconds: seconds,
      message: `You have uploaded ${megabytes(uploaded)} in the last 24 hours; the most is ${megabytes(limits.bytesPerDay)} a day. Try again in ${spoken(seconds)}.`,
    }
  }
  // Only a file larger than the whole day's allowance gets here (the setting is at least 25 MB, so never in practice).
  return {
    ok: false,
    retryAfterSeconds: secondsOf(dayMs),
    message: `This file is larger than the ${megabytes(limits.bytesPerDay)} a day you may upload.`,
  }
}

/** A look before the body is read: refuses someone already over a limit without taking their file. */
export async function checkUploadQuota(db: Db, userId: number, limits = uploadLimits(), now = new Date()): Promise<QuotaResult> {
  return assessQuota(await countedUploads(db, userId, now), 0, limits, now)
}

/**
 * Counts an upload as accepted, or refuses it. One person's uploads pass here one at a time
 * (a transaction-scoped advisory lock on their id), so uploads sent at once cannot all read the
 * same count and slip past the limit together. Rows older than a day count for nothing and go.
 */
export async function claimUpload(
  db: Db,
  userId: number,
  byteSize: number,
  limits = uploadLimits(),
  now = new Date(),
): Promise<QuotaResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${lockNamespace}, ${userId})`)
    await tx.delete(uploadLog).where(and(eq(uploadLog.userId, userId), lte(uploadLog.at, new Date(now.getTime() - dayMs))))
    const verdict = assessQuota(await countedUploads(tx, userId, now), byteSize, limits, now)
    if (verdict.ok) await tx.insert(uploadLog).values({ userId, byteSize, at: now })
    return verdict
  })
}

async function countedUploads(db: Pick<Db, 'select'>, userId: number, now: Date): Promise<Counted[]> {
  return db
    .select({ at: uploadLog.at, byteSize: uploadLog.byteSize })
    .from(uploadLog)
    .where(and(eq(uploadLog.userId, userId), gt(uploadLog.at, new Date(now.getTime() - dayMs))))
    .orderBy(asc(uploadLog.at), asc(uploadLog.id))
}

const secondsOf = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

function spoken(seconds: number): string {
  if (seconds < 90) return countOf(seconds, 'second')
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 90) return `${minutes} minutes`
  return `${Math.ceil(minutes / 60)} hours`
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-GB')} MB`
