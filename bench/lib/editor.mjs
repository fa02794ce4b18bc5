// Key-to-paint latency in a 20,000-word story: runs bench/editor-latency.mjs (the one
// measurement of it) against the bench's server and reads its figures.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lastLine, run } from './processes.mjs'

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'editor-latency.mjs')

export async function editorLatency(base) {
  const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium'
  if (!fs.existsSync(chromium)) return { state: 'skipped', message: `no Chromium at ${chromium} (set PLAYWRIGHT_CHROMIUM_PATH)` }
  const result = await run(process.execPath, [script, '--url', base], { capture: true, timeoutMs: 240_000 })
  const figures = /over (\d+) keys: median ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms/.exec(result.stdout)
  if (result.code !== 0 || !figures) {
    const why = result.timedOut
      ? 'it took over 4 minutes'
      : lastLine(result.stderr) || lastLine(result.stdout) || `exit code ${result.code}`
    return { state: 'error', message: `bench/editor-latency.mjs failed: ${why}` }
  }
  const save = /explicit save took (\d+) ms/.exec(result.stdout)
  return {
    state: 'ok',
    keys: Number(figures[1]),
    medianMs: Number(figures[2]),
    p95Ms: Number(figures[3]),
    maxMs: Number(figures[4]),
    saveMs: save ? Number(save[1]) : null,
    words: 20_000,
  }
}
