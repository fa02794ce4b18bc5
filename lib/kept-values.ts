import 'server-only'
import type { Db } from '@/db'

// Values nearly every desk page shows and that rarely change (the newsroom's settings, the
// section tree), kept in this process for each database until a change to them is announced
// under their page key (lib/reader-changes.ts), here or by another instance (lib/start-up.ts).

type Kept = {
  values: WeakMap<Db, Map<string, { value: Promise<unknown>; generation: string }>>
  /** Counts the announcements per key: a value read before one is not used after it. */
  generations: Map<string, number>
  /** Counts the times everything was forgotten (a lost connection to the other instances). */
  everything: number
}

// On globalThis: every route is its own bundle, and all of them (and the start-up code that
// hears other instances) must share what is kept.
const holder = globalThis as typeof globalThis & { __copydeskKeptValues?: Kept }

function kept(): Kept {
  holder.__copydeskKeptValues ??= { values: new WeakMap(), generations: new Map(), everything: 0 }
  return holder.__copydeskKeptValues
}

function generationOf(key: string): string {
  const state = kept()
  return `${state.everything}.${state.generations.get(key) ?? 0}`
}

/** The value kept under `key` (a page key) for this database, or what `read` answers, kept until the key is announced. */
export function keptValue<T>(db: Db, key: string, read: () => Promise<T>): Promise<T> {
  const state = kept()
  let forDb = state.values.get(db)
  if (!forDb) {
    forDb = new Map()
    state.values.set(db, forDb)
  }
  const generation = generationOf(key)
  const found = forDb.get(key)
  if (found?.generation === generation) return found.value as Promise<T>
  const value = read()
  const entries = forDb
  entries.set(key, { value, generation })
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key)
  })
  return value
}

/** Forgets the values kept under these keys, in every database's store. */
export function forgetKeptValues(keys: Iterable<string>): void {
  const state = kept()
  for (const key of keys) state.generations.set(key, (state.generations.get(key) ?? 0) + 1)
}

/** Forgets every kept value: when this process may have missed a change. */
export function forgetAllKeptValues(): void {
  kept().everything++
}
