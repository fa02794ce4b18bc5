import 'server-only'
import { and, eq, inArray, notInArray } from 'drizzle-orm'
import type { Db } from '@/db'
import { pageKeys } from '@/db/schema'

// The database's record of what each reader's page showed when it was last made (by any
// instance): what an edge cache holds came from some instance, so only a shared record can say
// which of its addresses a change touches.

/**
 * Records what the page at `path` shows. `keepEarlier` adds to what was recorded instead of
 * replacing it: for a page that is not found any more (a list's last page that emptied), which
 * must still be made again when what it showed comes back.
 */
export async function recordPage(db: Db, path: string, keys: readonly string[], keepEarlier = false): Promise<void> {
  if (keys.length === 0 && keepEarlier) return
  await db.transaction(async (tx) => {
    if (!keepEarlier) {
      await tx.delete(pageKeys).where(and(eq(pageKeys.path, path), keys.length > 0 ? notInArray(pageKeys.key, [...keys]) : undefined))
    }
    if (keys.length > 0) {
      await tx
        .insert(pageKeys)
        .values(keys.map((key) => ({ path, key })))
        .onConflictDoNothing()
    }
  })
}

/** Every address recorded as showing one of these keys. */
export async function pathsShowing(db: Db, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return []
  const rows = await db
    .selectDistinct({ path: pageKeys.path })
    .from(pageKeys)
    .where(inArray(pageKeys.key, [...keys]))
  return rows.map((row) => row.path).sort()
}
