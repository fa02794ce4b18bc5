import 'server-only'
import { sql } from 'drizzle-orm'
import { cache } from 'react'
import type { Db, Tx } from '@/db'
import { deskChanges } from '@/db/schema'

// The desk's lists, counts and news box are the same on every view until a story, a revision, a
// note, an event, or a person's or section's name changes. The database counts the transactions
// that change them, as each commits (`desk_changes`, migration 0026), for every app instance on it
// alike: a value is kept, per database client and per key (whose view, with which filters), while
// that count stays the same, and within its window of time, if it has one.

/** A value as read, and the times (ms since the epoch) between which it holds with nothing written: always, by default. */
export type Fresh<T> = { value: T; validFrom?: number; validUntil?: number }

type Kept<T> = { value: T; validFrom: number; validUntil: number }

/** Keys kept per kind of value and client, at most: past it they are dropped, and read again as asked. */
const maxKept = 1000

/** How many transactions have changed what the desk keeps, as the database says now. */
export async function deskGeneration(db: Db): Promise<number> {
  // One row (its key is checked to be 1); no parameters, so that the embedded database keeps the plan.
  const [row] = await db.select({ generation: deskChanges.generation }).from(deskChanges)
  if (!row) throw new Error('desk_changes has no row: are the migrations applied?')
  return row.generation
}

/**
 * The generation as this request first asked it: a page view's news box, counts and list ask the
 * database once between them (React's `cache`, one per server request; outside a request, every
 * call asks). Whatever a view reads after it is at least as new, as `keptUntilDeskChanges` needs.
 */
const generationOfThisRequest = cache(deskGeneration)

/**
 * Counts a change the triggers did not see: for writes that skip them (a bulk load under
 * `session_replication_role = replica`), in the same transaction.
 */
export async function countDeskChange(tx: Tx): Promise<void> {
  await tx.update(deskChanges).set({ generation: sql`${deskChanges.generation} + 1` })
}

/**
 * A reader of one kind of desk value that keeps what it read until the desk changes. `read` is
 * called when nothing is kept for `key` at the current generation (or `now` is outside the kept
 * value's window); the generation is asked first (once per request), so whatever `read` sees is at least as new.
 */
export function keptUntilDeskChanges<T>(): (db: Db, key: string, read: () => Promise<Fresh<T>>, now?: number) => Promise<T> {
  const perClient = new WeakMap<Db, { generation: number; values: Map<string, Kept<T>> }>()
  return async (db, key, read, now = Date.now()) => {
    const generation = await generationOfThisRequest(db)
    let kept = perClient.get(db)
    if (!kept || generation > kept.generation) {
      kept = { generation, values: new Map() }
      perClient.set(db, kept)
    }
    const found = generation === kept.generation ? kept.values.get(key) : undefined
    if (found && found.validFrom <= now && now < found.validUntil) return found.value
    const fresh = await read()
    // Kept only if no newer generation was seen meanwhile.
    if (perClient.get(db) === kept && generation === kept.generation) {
      if (kept.values.size >= maxKept) kept.values.clear()
      kept.values.set(key, { value: fresh.value, validFrom: fresh.validFrom ?? -Infinity, validUntil: fresh.validUntil ?? Infinity })
    }
    return fresh.value
  }
}
