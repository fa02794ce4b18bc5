import 'server-only'
import { and, asc, count, eq, inArray, lte, max, min, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { edgePurges } from '@/db/schema'
import { refreshHeader, refreshToken } from './nodes'

// Making pages again on the edge nodes: each node is asked for each address with the refresh
// header, which its cache honours by fetching the page anew and keeping that copy. A node that
// does not confirm keeps the address in `edge_purges`, tried again until it does and shown in
// the desk meanwhile.

const attemptTimeoutMs = 3000
const parallelRequests = 6
const retryBatch = 100

/** A node that has not confirmed some addresses, and the last reason it gave. */
export type EdgeFailure = { node: string; paths: string[]; error: string }

/** Asks one node to make one address again: null when it confirmed, or why not. */
async function refreshOne(node: string, path: string): Promise<string | null> {
  try {
    const response = await fetch(`${node}${path}`, {
      headers: { [refreshHeader]: refreshToken() },
      redirect: 'manual',
      signal: AbortSignal.timeout(attemptTimeoutMs),
    })
    // The copy is kept once the whole page has passed through the node.
    await response.arrayBuffer()
    if (response.status >= 500) return `it answered ${response.status}`
    const cacheStatus = response.headers.get('x-cache-status')
    if (cacheStatus !== 'BYPASS') return `it did not make the page again (X-Cache-Status: ${cacheStatus ?? 'none'})`
    return null
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
    return cause instanceof Error ? cause.message : String(cause)
  }
}

/** Runs `work` on every item, a few at a time. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(parallelRequests, items.length) }, worker))
}

/** Seconds before the next attempt after `attempts` failed ones: 1, 2, 4, 8, then every 10. */
function backoffSeconds(attempts: number): number {
  return Math.min(10, 2 ** Math.max(0, attempts - 1))
}

/**
 * Asks every node to make these addresses again, now. What a node did not confirm is queued for
 * `retryEdgeRefreshes` and returned, so that the person who made the change is told.
 */
export async function refreshOnEdges(db: Db, nodes: readonly string[], paths: readonly string[]): Promise<EdgeFailure[]> {
  const failures = new Map<string, EdgeFailure>()
  const confirmed = new Map<string, string[]>()
  const jobs = nodes.flatMap((node) => paths.map((path) => ({ node, path })))
  await inParallel(jobs, async ({ node, path }) => {
    const error = await refreshOne(node, path)
    if (error === null) {
      confirmed.set(node, [...(confirmed.get(node) ?? []), path])
      return
    }
    const failure = failures.get(node) ?? { node, paths: [], error }
    failure.paths.push(path)
    failures.set(node, failure)
  })
  for (const failure of failures.values()) {
    await db
      .insert(edgePurges)
      .values(failure.paths.map((path) => ({ node: failure.node, path, attempts: 1, lastError: failure.error })))
      .onConflictDoUpdate({
        target: [edgePurges.node, edgePurges.path],
        set: { attempts: sql`${edgePurges.attempts} + 1`, lastError: failure.error, nextAttemptAt: sql`now() + interval '1 second'` },
      })
  }
  // A confirmation settles an older failure of the same address too.
  for (const [node, done] of confirmed) {
    await db.delete(edgePurges).where(and(eq(edgePurges.node, node), inArray(edgePurges.path, done)))
  }
  return [...failures.values()]
}

/**
 * Tries the queued addresses that are due, on whichever instance gets to them first (each row is
 * claimed with `skip locked`). Returns how many are still waiting after this round.
 */
export async function retryEdgeRefreshes(db: Db): Promise<number> {
  const due = await db.transaction(async (tx) => {
    const rows = await tx
      .select({ node: edgePurges.node, path: edgePurges.path, attempts: edgePurges.attempts })
      .from(edgePurges)
      .where(lte(edgePurges.nextAttemptAt, sql`now()`))
      .orderBy(asc(edgePurges.nextAttemptAt))
      .limit(retryBatch)
      .for('update', { skipLocked: true })
    for (const row of rows) {
      // Claimed for the length of one attempt: another instance leaves it alone meanwhile.
      await tx
        .update(edgePurges)
        .set({ nextAttemptAt: sql`now() + interval '30 seconds'` })
        .where(and(eq(edgePurges.node, row.node), eq(edgePurges.path, row.path)))
    }
    return rows
  })
  await inParallel(due, async (row) => {
    const error = await refreshOne(row.node, row.path)
    const which = and(eq(edgePurges.node, row.node), eq(edgePurges.path, row.path))
    if (error === null) {
      await db.delete(edgePurges).where(which)
      return
    }
    const attempts = row.attempts + 1
    await db
      .update(edgePurges)
      .set({ attempts, lastError: error, nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds(attempts)})` })
      .where(which)
  })
  const [waiting] = await db.select({ total: count() }).from(edgePurges)
  return waiting?.total ?? 0
}

/** What the desk shows until it clears: per node, how many addresses still wait, since when, and why. */
export type PendingEdgeRefresh = { node: string; pages: number; since: Date; attempts: number; lastError: string }

export async function pendingEdgeRefreshes(db: Db): Promise<PendingEdgeRefresh[]> {
  const rows = await db
    .select({
      node: edgePurges.node,
      pages: count(),
      since: min(edgePurges.createdAt),
      attempts: max(edgePurges.attempts),
      lastError: sql<string>`(array_agg(${edgePurges.lastError} order by ${edgePurges.nextAttemptAt} desc))[1]`,
    })
    .from(edgePurges)
    .groupBy(edgePurges.node)
    .orderBy(asc(edgePurges.node))
  return rows.map((row) => ({ ...row, since: row.since ?? new Date(), attempts: row.attempts ?? 0 }))
}

/** Tries queued refreshes every second, never two rounds at once, until the returned function is called. */
export function startEdgeRetries(db: Db, intervalMs = 1000): () => Promise<void> {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()
  const round = async () => {
    try {
      await retryEdgeRefreshes(db)
    } catch (error) {
      console.error(`Copydesk: retrying edge refreshes failed: ${(error as Error).message}`)
    }
    if (!stopped) timer = setTimeout(() => (running = round()), intervalMs)
  }
  running = round()
  return async () => {
    stopped = true
    clearTimeout(timer)
    await running
  }
}
