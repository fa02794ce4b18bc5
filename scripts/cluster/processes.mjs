// Child processes that never outlive this one: each runs in its own process group (so nginx's
// workers and anything the server forks go with it), and every group still alive is signalled
// when this process exits or is told to stop.
import { spawn } from 'node:child_process'
import fs from 'node:fs'

/** @typedef {{ name: string, pid: number, exited: Promise<void>, isRunning: () => boolean, logFile: string }} Child */

/** @type {Set<Child>} */
const running = new Set()
let guarded = false

const STOP_GRACE_MS = 5_000

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ESRCH') throw error
  }
}

/** Asks every child still running to stop, waits for them, then leaves with the signal's code. */
async function stopAllAndExit(signal) {
  await Promise.all([...running].map(stopChild))
  process.exit(signal === 'SIGINT' ? 130 : 143)
}

function guardChildren() {
  if (guarded) return
  guarded = true
  // 'exit' allows no waiting: SIGTERM is enough for nginx's master and for Next to go at once.
  process.on('exit', () => running.forEach((child) => signalGroup(child.pid, 'SIGTERM')))
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(signal, () => stopAllAndExit(signal))
}

/**
 * Starts `command` with its output appended to `logFile`.
 * @param {{ name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd?: string }} options
 * @returns {Child}
 */
export function startChild({ name, command, args, env, logFile, cwd }) {
  guardChildren()
  const output = fs.openSync(logFile, 'a')
  const spawned = spawn(command, args, { env, cwd, detached: true, stdio: ['ignore', output, output] })
  fs.closeSync(output)
  let isRunning = true
  const exited = new Promise((resolve) => {
    spawned.on('error', () => resolve(undefined))
    spawned.on('exit', () => resolve(undefined))
  }).then(() => {
    isRunning = false
    running.delete(child)
  })
  if (spawned.pid === undefined) throw new Error(`Could not start ${command} for ${name}`)
  /** @type {Child} */
  const child = { name, pid: spawned.pid, exited, isRunning: () => isRunning, logFile }
  running.add(child)
  return child
}

/**
 * SIGTERM to the child's group, SIGKILL if it is still there after 5 s.
 * @param {Child} child
 */
export async function stopChild(child) {
  if (!child.isRunning()) return
  signalGroup(child.pid, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), STOP_GRACE_MS)
  await child.exited
  clearTimeout(timer)
}

/** The last lines a child wrote, to explain why it did not start. */
export function tailOf(child, lines = 15) {
  const text = fs.existsSync(child.logFile) ? fs.readFileSync(child.logFile, 'utf8') : ''
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}

/**
 * Waits until `url` answers with a status below 500, or fails when the child exits or time runs out.
 * @param {Child} child
 * @param {string} url
 */
export async function waitUntilAnswers(child, url, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!child.isRunning()) throw new Error(`${child.name} exited before answering at ${url}:\n${tailOf(child)}`)
    // A slow answer is not yet an answer: the time limit may cut the body as well as the headers.
    const status = await fetch(url, { signal: AbortSignal.timeout(5_000) })
      .then((response) => response.arrayBuffer().then(() => response.status))
      .catch(() => 0)
    if (status > 0 && status < 500) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${child.name} did not answer at ${url} within ${timeoutMs / 1000} s (log: ${child.logFile})`)
}
