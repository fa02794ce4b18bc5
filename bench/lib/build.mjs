import path from 'node:path'
import { undoBuildEdits } from './build-edits.mjs'
import { BenchError, onCleanup, run } from './processes.mjs'

/**
 * `next build` into `distDir`. The build gets an in-memory database: it must never open the
 * bench's (or anyone's) folder. Its edits to tracked files are undone, also when the run is
 * interrupted during the build.
 */
export async function buildForBench(distDir, baseEnv) {
  const undo = onCleanup(undoBuildEdits(distDir))
  const built = await run(path.join('node_modules', '.bin', 'next'), ['build'], {
    env: { ...baseEnv, DATABASE_URL: '', COPYDESK_DATA_DIR: 'memory://' },
  })
  await undo()
  if (built.code !== 0) throw new BenchError("The build failed (next build's output is above); nothing was measured.")
}
