import type { CollabServer } from './server'

/** The sync server as server.mjs finds it: with the path it takes upgrades on. */
export type PublishedCollab = CollabServer & { path: string }

const holder = globalThis as typeof globalThis & { __copydeskCollab?: PublishedCollab }

/**
 * The sync server running in this process, published on `globalThis.__copydeskCollab` (where
 * server.mjs, plain JavaScript outside Next's bundles, finds it too), or null: scripts and tests
 * that start none.
 */
export function runningCollab(): PublishedCollab | null {
  return holder.__copydeskCollab ?? null
}

/** Publishes `collab` as this process's sync server, unless one is already; answers the one running. */
export function publishCollab(make: () => PublishedCollab): PublishedCollab {
  holder.__copydeskCollab ??= make()
  return holder.__copydeskCollab
}

/** Takes `collab` down from where `publishCollab` put it (a test's server, once stopped). */
export function unpublishCollab(collab: PublishedCollab): void {
  if (holder.__copydeskCollab === collab) delete holder.__copydeskCollab
}
