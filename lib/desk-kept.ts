import 'server-only'
import { sql } from 'drizzle-orm'
import { cache } from 'react'
import type { Db, Tx } from '@/db'
import { type ArticleStatus, articleStatus, deskChanges, deskChangesByPart } from '@/db/schema'

// The desk's lists, counts and news box are the same on every view until a story, a revision, a
// note, an event, or a person's or section's name changes. The database counts, as each
// transaction commits, the parts of the desk it changed (`desk_changes_by_part`, migrations 0028
// and 0029): the lines of the lists of a story's state, the counts, the news boxes of its owners
// (and, apart, the changes those boxes list); and, in
// `desk_changes`, names and whatever no part says. A value is kept, per database client and per
// key (whose view, with which filters), while the generations of its parts and of `desk_changes`
// stay the same, for every app instance on the database alike, and within its window of time, if it has one.

/** A value as read, and the times (ms since the epoch) between which it holds with nothing written: always, by default. */
export type Fresh<T> = { value: T; validFrom?: number; validUntil?: number }

type Kept<T> = { version: string; value: T; validFrom: number; validUntil: number }

/** Keys kept per kind of value and client, at most: past it they are dropped, and read again as asked. */
const maxKept = 1000

/** The part every kept value depends on: names, and changes no other part says (`desk_changes`). */
const every = 'every'

/** How many transactions have changed each part of the desk, as the database says now (`every` included). */
export async function deskGenerations(db: Db): Promise<Map<string, number>> {
  // One statement that starts with `select` and has no parameters: the embedded database keeps it
  // prepared, with its plan (db/pglite-client.ts).
  const [row] = await db
    .select({
      every: deskChanges.generation,
      parts: sql<
        [string, number][]
      >`(select coalesce(json_agg(json_build_array(${deskChangesByPart.part}, ${deskChangesByPart.generation})), '[]')
        from ${deskChangesByPart})`,
    })
    .from(deskChanges)
  if (!row) throw new Error('desk_changes has no row: are the migrations applied?')
  return new Map([[every, row.every], ...row.parts.map(([part, generation]): [string, number] => [part, Number(generation)])])
}

/**
 * The generations as this request first asked them: a page view's news box, counts and list ask
 * the database once between them (React's `cache`, one per server request; outside a request, every
 * call asks). Whatever a view reads after it is at least as new, as `keptUntilDeskChanges` needs.
 */
const generationsOfThisRequest = cache(deskGenerations)

/** The part of the lines of the lists of stories in this state (or in the trash). */
export function listPart(state: ArticleStatus | 'trash'): string {
  return `list:${state}`
}

/** The parts of every list: what a search's count reads besides `countPart` (the stories' words). */
export const allListParts = [...articleStatus.enumValues, 'trash' as const].map(listPart)

/** The part of what the counts read of each story, its words aside. */
export const countPart = 'count'

/** The part of the news box of this person: their stories, their events and notes. */
export function newsPart(userId: number): string {
  return `news:${userId}`
}

/** The part of the changes in the news box of this person, their headlines aside: the events and notes on their stories, and which stories are theirs (migration 0029). */
export function newsItemsPart(userId: number): string {
  return `news-items:${userId}`
}

/**
 * Counts a change the triggers did not see: for writes that skip them (a bulk load under
 * `session_replication_role = replica`), in the same transaction. Every kept value sees it.
 */
export async function countDeskChange(tx: Tx): Promise<void> {
  await tx.update(deskChanges).set({ generation: sql`${deskChanges.generation} + 1` })
}

/**
 * A reader of one kind of desk value that keeps what it read until a part it depends on changes.
 * `read` is called when nothing is kept for `key` at the parts' current generations (or `now` is
 * outside the kept value's window); the generations are asked first (once per request), so
 * whatever `read` sees is at least as new.
 */
export function keptUntilDeskChanges<T>(): (
  db: Db,
  key: string,
  parts: readonly string[],
  read: () => Promise<Fresh<T>>,
  now?: number,
) => Promise<T> {
  const perClient = new WeakMap<Db, Map<string, Kept<T>>>()
  return async (db, key, parts, read, now = Date.now()) => {
    const generations = await generationsOfThisRequest(db)
    const version = [every, ...parts].map((part) => generations.get(part) ?? 0).join(',')
    const kept = perClient.get(db) ?? new Map<string, Kept<T>>()
    perClient.set(db, kept)
    const found = kept.get(key)
    if (found && found.version === version && found.validFrom <= now && now < found.validUntil) return found.value
    const fresh = await read()
    if (kept.size >= maxKept) kept.clear()
    kept.set(key, { version, value: fresh.value, validFrom: fresh.validFrom ?? -Infinity, validUntil: fresh.validUntil ?? Infinity })
    return fresh.value
  }
}
