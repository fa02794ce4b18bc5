// The app (`npm start`'s server.mjs) as a child process group on its own port, with its output in a log file and its
// memory sampled from /proc.
import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { BenchError, lastLine, run, startGroup } from './processes.mjs'

/**
 * Starts the production server and waits until it answers. `env` is the whole environment of
 * the server, with glibc's malloc arenas capped as `npm start` caps them. With `inspectPort`, Node
 * opens its inspector there when sent SIGUSR1 (bench/lib/server-inspector.mjs), and not before.
 * `cwd`: the checkout whose server.mjs and migrations run (this one by default).
 * Resolves with `{ base, pid, inspectPort, stop, memory }`.
 */
export async function startServer({ port, env, logFile, label, inspectPort, cwd }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const log = fs.openSync(logFile, 'w')
  const nodeArgs = inspectPort ? [`--inspect-port=127.0.0.1:${inspectPort}`] : []
  const { child, stop } = startGroup(process.execPath, [...nodeArgs, 'server.mjs', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { MALLOC_ARENA_MAX: '2', ...env },
    cwd,
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  let exited = null
  child.once('exit', (code, signal) => (exited = { code, signal }))
  child.once('error', (error) => (exited = { code: 1, signal: null, error }))

  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (exited) {
      const reason = lastLine(readTail(logFile)) || exited.error?.message || `exit code ${exited.code ?? exited.signal}`
      await stop()
      throw new BenchError(`The ${label} server stopped before answering: ${reason} (log: ${logFile}).`)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new BenchError(`The ${label} server did not answer on ${base} within 90 s (log: ${logFile}).`)
    }
    try {
      const response = await fetch(`${base}/login`, { signal: AbortSignal.timeout(5000) })
      await response.arrayBuffer()
      if (response.status < 500) break
    } catch {
      // Not listening yet.
    }
    await sleep(250)
  }
  const memory = memorySampler(child.pid)
  return {
    base,
    pid: child.pid,
    inspectPort,
    memory,
    stop: async () => {
      memory.stop()
      await stop()
    },
  }
}

function readTail(file) {
  try {
    return fs.readFileSync(file, 'utf8').slice(-4000)
  } catch {
    return ''
  }
}

/**
 * Samples the resident memory of a process and all its descendants (`server.mjs` and the
 * `next-server` it may start) every `intervalMs`. `phase(name)` starts attributing samples to a
 * named phase; `report()` gives the peak sum of VmRSS overall and per phase, the mean per phase,
 * and the largest VmHWM.
 */
export function memorySampler(rootPid, intervalMs = 250) {
  const peaks = { all: 0 }
  const sums = {}
  let phase = null
  let maxHwm = 0
  let pids = descendants(rootPid)
  let ticks = 0
  const timer = setInterval(() => {
    if (++ticks % 8 === 0) pids = descendants(rootPid)
    let rss = 0
    for (const pid of pids) {
      const status = readStatus(pid)
      if (!status) continue
      rss += status.rss
      maxHwm = Math.max(maxHwm, status.hwm)
    }
    peaks.all = Math.max(peaks.all, rss)
    if (phase) {
      peaks[phase] = Math.max(peaks[phase] ?? 0, rss)
      sums[phase] = { total: (sums[phase]?.total ?? 0) + rss, count: (sums[phase]?.count ?? 0) + 1 }
    }
  }, intervalMs)
  timer.unref()
  return {
    phase(name) {
      phase = name
    },
    stop() {
      clearInterval(timer)
    },
    /** Bytes. */
    report() {
      return {
        peakRssBytes: peaks.all,
        peakRssBytesByPhase: Object.fromEntries(Object.entries(peaks).filter(([key]) => key !== 'all')),
        meanRssBytesByPhase: Object.fromEntries(Object.entries(sums).map(([key, { total, count }]) => [key, Math.round(total / count)])),
        maxVmHwmBytes: maxHwm,
        processes: pids.length,
      }
    },
  }
}

function readStatus(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') }
  } catch {
    return null
  }
}

/** The process and every process under it, from /proc's parent links. */
export function descendants(rootPid) {
  const children = new Map()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name may hold spaces and parentheses: fields start after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(entry))
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [rootPid]
  for (let index = 0; index < found.length; index++) found.push(...(children.get(found[index]) ?? []))
  return found
}

/** The kernel's clock ticks per second (USER_HZ), for /proc/<pid>/stat. */
export async function clockTicks() {
  const answer = await run('getconf', ['CLK_TCK'], { capture: true })
  const value = Number(answer.stdout.trim())
  return value > 0 ? value : 100
}

/** CPU time (user + system) of a process and every process under it, in ms. */
export function cpuMs(rootPid, ticks) {
  let total = 0
  for (const pid of descendants(rootPid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      // Fields after the command name: state is 3rd, utime 14th and stime 15th of the whole line.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      total += Number(fields[11]) + Number(fields[12])
    } catch {
      // Gone meanwhile.
    }
  }
  return (total * 1000) / ticks
}

/** The resident memory of a process and every process under it, summed, in bytes. */
export function rssBytes(rootPid) {
  let total = 0
  for (const pid of descendants(rootPid)) total += readStatus(pid)?.rss ?? 0
  return total
}
