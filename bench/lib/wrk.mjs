// Load with wrk (C, one thread per core): autocannon runs in one Node thread and tops out below
// what nginx serves, so the edge and nginx comparison uses wrk when there is one (Debian's
// package, installed when absent and we are root), and autocannon otherwise, with a note.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { measure, round } from './load.mjs'
import { BenchError, lastLine, run } from './processes.mjs'

/**
 * The load tool for the edge comparison: `{ tool: 'wrk', binary, version, note }` or
 * `{ tool: 'autocannon', note }` when wrk is missing and cannot be installed.
 * @param {{ install: boolean }} options
 */
export async function findWrk({ install }) {
  const found = which('wrk')
  if (found) return { tool: 'wrk', binary: found, version: await wrkVersion(found), note: null }
  const fallback = (why) => ({
    tool: 'autocannon',
    note: `wrk ${why}: the edge comparison uses autocannon, which tops out (one Node thread) below what nginx serves, so edge ÷ nginx static measures the load tool as much as the servers`,
  })
  if (!install) return fallback('is not installed (--no-install)')
  if (process.getuid?.() !== 0) return fallback('is not installed and installing it needs root')
  console.log("wrk is not installed: installing Debian's package (apt-get install -y wrk).")
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  let installed = await run('apt-get', ['install', '-y', 'wrk'], { env, capture: true, timeoutMs: 300_000 })
  if (installed.code !== 0) {
    const update = await run('apt-get', ['update'], { env, capture: true, timeoutMs: 180_000 })
    if (update.code === 0) installed = await run('apt-get', ['install', '-y', 'wrk'], { env, capture: true, timeoutMs: 300_000 })
  }
  const binary = which('wrk')
  if (binary) return { tool: 'wrk', binary, version: await wrkVersion(binary), note: null }
  return fallback(`could not be installed (${lastLine(installed.stderr || installed.stdout) || 'apt-get failed'})`)
}

async function wrkVersion(binary) {
  // `wrk --version` prints its banner and usage, and exits 1.
  const answer = await run(binary, ['--version'], { capture: true })
  return /^wrk\s+(\S+)/m.exec(`${answer.stdout}\n${answer.stderr}`)?.[1] ?? 'unknown'
}

function which(name) {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/usr/local/bin']) {
    const candidate = path.join(dir, name)
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      return candidate
    } catch {
      // Not here.
    }
  }
  return null
}

/**
 * Requests per second and latency, in the shape of load.mjs's `measure`, with wrk (one thread
 * per CPU, never more threads than connections) or autocannon when `loader.tool` says so.
 * @param {{ tool: string, binary?: string }} loader
 * @param {string} url
 * @param {{ connections: number, duration: number }} options
 */
export async function measureWith(loader, url, { connections, duration }) {
  if (loader.tool !== 'wrk') return { tool: 'autocannon', ...(await measure(url, { connections, duration })) }
  const threads = Math.max(1, Math.min(os.cpus().length, connections))
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${duration}s`, '--timeout', '10s', '--latency', url]
  const answer = await run(loader.binary, args, { capture: true, timeoutMs: (duration + 30) * 1000 })
  if (answer.code !== 0)
    throw new BenchError(`wrk ${args.join(' ')} failed: ${lastLine(answer.stderr || answer.stdout) || `exit code ${answer.code}`}`)
  return { tool: 'wrk', threads, ...parseWrk(answer.stdout, connections) }
}

/**
 * wrk's report (with --latency) as `{ connections, durationS, requests, rps, latencyMs, non2xx,
 * errors, timeouts, throughputBytesPerS }`.
 * @param {string} text
 * @param {number} connections
 */
export function parseWrk(text, connections) {
  const need = (regex, what) => {
    const match = regex.exec(text)
    if (!match) throw new BenchError(`wrk's output has no ${what}: ${lastLine(text) || '(empty)'}`)
    return match
  }
  const totals = need(/(\d+) requests in ([\d.]+)(us|ms|s|m),\s*([\d.]+)(B|KB|MB|GB|TB) read/, 'request count')
  const requests = Number(totals[1])
  const durationS = time(totals[2], totals[3]) / 1000
  const latencyLine = need(/^\s*Latency\s+(\S+)\s+(\S+)\s+(\S+)/m, 'latency line')
  const percent = (p) => {
    const match = need(new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'), `${p}% latency`)
    return round(time(match[1], match[2]), 3)
  }
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text)
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0)
  return {
    connections,
    durationS: round(durationS, 2),
    requests,
    rps: round(Number(need(/Requests\/sec:\s+([\d.]+)/, 'Requests/sec')[1]), 1),
    latencyMs: {
      p50: percent(50),
      p90: percent(90),
      p99: percent(99),
      max: round(parseTime(latencyLine[3]), 3),
      mean: round(parseTime(latencyLine[1]), 3),
    },
    non2xx,
    errors: socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0,
    timeouts: socket ? Number(socket[4]) : 0,
    throughputBytesPerS: Math.round((Number(totals[4]) * bytes(totals[5])) / durationS),
  }
}

const units = { us: 0.001, ms: 1, s: 1000, m: 60_000 }
/** Milliseconds of a wrk time such as `812.00us`, `1.23ms` or `2.00s`. */
function time(value, unit) {
  return Number(value) * units[unit]
}
function parseTime(text) {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text)
  return match ? time(match[1], match[2]) : null
}
function bytes(unit) {
  return 1024 ** ['B', 'KB', 'MB', 'GB', 'TB'].indexOf(unit)
}
