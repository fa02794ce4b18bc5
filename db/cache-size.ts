import fs from 'node:fs'
import path from 'node:path'

/** The embedded database's cache, in MB, for the smallest newsroom and the largest. */
export const cacheBoundsMb = { smallest: 32, largest: 256 } as const

/**
 * The embedded database's cache (PostgreSQL's shared buffers) for the data folder `dataDir`, in
 * MB: an eighth of what its tables and indexes take on disk (`base/`), between 32 and 256 MB.
 * PGlite reserves the whole cache in its memory at start, so a small newsroom keeps a small one;
 * but a page from outside it comes through PGlite's file system at about 20 µs, and at 100,000
 * stories a desk search reads a thousand such pages with 32 MB (about a fifth of its time).
 */
export function cacheSizeFor(dataDir: string): number {
  const megabytes = Math.round(folderBytes(path.join(/*turbopackIgnore: true*/ dataDir, 'base')) / 8 / 2 ** 20)
  return Math.min(cacheBoundsMb.largest, Math.max(cacheBoundsMb.smallest, megabytes))
}

/** The size of the files under `dir`; none for a folder not made yet (a new database). */
function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + fs.statSync(path.join(/*turbopackIgnore: true*/ entry.parentPath, entry.name)).size, 0)
}
