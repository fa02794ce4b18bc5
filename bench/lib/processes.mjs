// Child processes of the harness, each in its own process group, and the clean-up that stops
// them (and drops a throwaway database) on success, failure and Ctrl-C alike.
import { spawn } from 'node:child_process'
import net from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

/** A problem a person must fix: its message is one line, printed without a stack. */
export class BenchError extends Error {
  name = 'BenchError'
}

const cleanups = []
const liveGroups = new Set()
let shuttingDown = false

/** After this, no new child process is started: the run is being stopped. */
export function beginShutdown() {
  shuttingDown = true
}

/** Whether the run is being stopped (Ctrl-C or a signal). */
export function isShuttingDown() {
  return shuttingDown
}

/** Registers a clean-up step; steps run last-registered first. Returns a function that runs it early. */
export function onCleanup(step) {
  const entry = { step, done: false }
  cleanups.push(entry)
  return async () => {
    if (entry.done) return
    entry.done = true
    await step()
  }
}

/** Runs every clean-up step not yet run; a failing step is reported and the others still run. */
export async function cleanUp() {
  while (cleanups.length > 0) {
    const entry = cleanups.pop()
    if (entry.done) continue
    entry.done = true
    try {
      await entry.step()
    } catch (error) {
      console.error(`Clean-up: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

// Whatever way the process ends, no process group it started outlives it.
process.on('exit', () => {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL')
})

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal)
  } catch {
    // Already gone.
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/**
 * Stops a process group: SIGTERM (a Next.js server closes its database and lock on it), then
 * SIGKILL for whatever is left after `graceMs`.
 */
export async function stopGroup(pgid, graceMs = 5000) {
  if (!liveGroups.has(pgid) && !groupAlive(pgid)) return
  killGroup(pgid, 'SIGTERM')
  const deadline = Date.now() + graceMs
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100)
  if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL')
  while (groupAlive(pgid) && Date.now() < deadline + 2000) await sleep(50)
  liveGroups.delete(pgid)
}

/**
 * Starts a long-running child in its own process group (so that it and every process it starts
 * can be stopped together) and registers its stop as a clean-up step.
 */
export function startGroup(command, args, options = {}) {
  if (shuttingDown) throw new BenchError('Stopping: no new process is started.')
  const child = spawn(command, args, { ...options, detached: true })
  if (child.pid === undefined) {
    return { child, stop: async () => {} }
  }
  const pgid = child.pid
  liveGroups.add(pgid)
  const stop = onCleanup(() => stopGroup(pgid))
  child.once('exit', () => {
    // The leader is gone; children it left behind in the group are still stopped by `stop`.
    if (!groupAlive(pgid)) liveGroups.delete(pgid)
  })
  return { child, stop }
}

/**
 * Runs a command to its end in its own process group. Its output goes to the terminal, or is
 * captured with `capture: true`. Resolves with the exit code (1 for a signal or a failed start).
 */
export function run(command, args, { env = process.env, capture = false, timeoutMs } = {}) {
  return new Promise((resolve) => {
    const { child, stop } = startGroup(command, args, {
      env,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk) => (stdout += chunk))
    child.stderr?.on('data', (chunk) => (stderr += chunk))
    let timedOut = false
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true
          void stop()
        }, timeoutMs)
      : undefined
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: 1, stdout, stderr: `${stderr}${error.message}`, timedOut })
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      void stop().then(() => resolve({ code: signal ? 1 : (code ?? 1), stdout, stderr, timedOut }))
    })
  })
}

/** Refuses a port something already listens on, on loopback or on any address. */
export async function assertPortFree(port, what) {
  const taken = new BenchError(`Port ${port} (${what}) is already in use: stop what listens there, or choose another port (see --help).`)
  if (await answers(port)) throw taken
  for (const host of ['127.0.0.1', undefined]) {
    const error = await tryListen(port, host)
    if (error?.code === 'EADDRINUSE' || error?.code === 'EACCES') throw taken
  }
}

function answers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' })
    socket.setTimeout(1000)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(false))
  })
}

function tryListen(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', (error) => resolve(error))
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)))
  })
}

/** The last non-empty line of some output, for a one-line error message. */
export function lastLine(text) {
  const lines = String(text)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  return lines.at(-1) ?? ''
}

/**
 * Runs `task` (which starts scripts/cluster's children) and removes the SIGINT/SIGTERM handlers
 * it added: scripts/cluster exits as soon as its own children are stopped, which would cut short
 * the bench's clean-up (a throwaway database still to drop). The bench stops those children
 * itself, through the clean-up steps its callers register. scripts/cluster adds its handlers
 * once per process, with its first child: an edge's start does that before its first await, so
 * they are removed at once; startCluster's first child comes after awaits, so there (when no edge
 * was started before) they are removed once it has started.
 * @template T
 * @param {() => Promise<T>} task
 * @returns {Promise<T>}
 */
export async function keepSignalsOurs(task) {
  const before = Object.fromEntries(['SIGINT', 'SIGTERM'].map((signal) => [signal, new Set(process.listeners(signal))]))
  const removeTheirs = () => {
    for (const [signal, ours] of Object.entries(before)) {
      for (const listener of process.listeners(signal)) if (!ours.has(listener)) process.removeListener(signal, listener)
    }
  }
  const pending = task()
  removeTheirs()
  try {
    return await pending
  } finally {
    removeTheirs()
  }
}
