// Key-to-paint latency in a 20,000-word story and the main thread's time per key, beside a bare
// contenteditable's: runs bench/editor-latency.mjs (the one measurement of it) against the bench's
// server and reads its figures.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lastLine, run } from './processes.mjs'

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'editor-latency.mjs')

export async function editorLatency(base) {
  const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium'
  if (!fs.existsSync(chromium)) return { state: 'skipped', message: `no Chromium at ${chromium} (set PLAYWRIGHT_CHROMIUM_PATH)` }
  const result = await run(process.execPath, [script, '--url', base], { capture: true, timeoutMs: 240_000 })
  const line = result.stdout.split('\n').find((text) => text.startsWith('figures '))
  if (result.code !== 0 || !line) {
    const why = result.timedOut
      ? 'it took over 4 minutes'
      : lastLine(result.stderr) || lastLine(result.stdout) || `exit code ${result.code}`
    return { state: 'error', message: `bench/editor-latency.mjs failed: ${why}` }
  }
  const { words, saveMs, editor, bare } = JSON.parse(line.slice('figures '.length))
  return { state: 'ok', words, saveMs, keyToPaint: editor.keyToPaint, mainThread: editor.mainThread, bare }
}
