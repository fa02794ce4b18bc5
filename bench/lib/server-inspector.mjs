// The bench server's V8 heap and event-loop delay, read through Node's inspector. The server starts with
// --inspect-port (bench/lib/server.mjs), which opens nothing by itself: Node opens its inspector
// on that port when the process gets SIGUSR1, so only the step that asks for it pays for it.
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import WebSocket from 'ws'
import { BenchError } from './processes.mjs'

/** Opens the inspector of the server `pid` (started with --inspect-port=`port`) and a session on it. */
export async function inspectServer(pid, port) {
  process.kill(pid, 'SIGUSR1')
  let url = null
  const deadline = Date.now() + 10_000
  while (!url) {
    if (Date.now() > deadline) throw new BenchError(`The server's inspector did not answer on port ${port} within 10 s.`)
    try {
      const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()
      url = targets[0]?.webSocketDebuggerUrl ?? null
    } catch {
      await sleep(100)
    }
  }
  const socket = new WebSocket(url)
  await once(socket, 'open')
  const pending = new Map()
  let lastId = 0
  socket.on('message', (data) => {
    const message = JSON.parse(String(data))
    pending.get(message.id)?.(message)
    pending.delete(message.id)
  })
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++lastId
      pending.set(id, (message) => (message.error ? reject(new Error(message.error.message)) : resolve(message.result)))
      socket.send(JSON.stringify({ id, method, params }))
    })
  const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, returnByValue: true })).result.value
  return {
    /** The V8 heap in use (bytes) right after a full garbage collection. */
    async heapUsedAfterGc() {
      await send('HeapProfiler.collectGarbage')
      return evaluate('process.memoryUsage().heapUsed')
    },
    /** Starts recording the event loop's delays (perf_hooks, 10 ms resolution). */
    startLoopDelay: () =>
      evaluate(
        "(globalThis.__benchLoopDelay = process.getBuiltinModule('node:perf_hooks').monitorEventLoopDelay({ resolution: 10 })).enable()",
      ),
    /** The event loop's delays since `startLoopDelay`, in ms, and stops recording. */
    loopDelayMs: () =>
      evaluate(`(() => {
        const histogram = globalThis.__benchLoopDelay
        histogram.disable()
        delete globalThis.__benchLoopDelay
        return { p50: histogram.percentile(50) / 1e6, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 }
      })()`),
    /** How many documents the sync server holds in memory (lib/collab/running.ts publishes it on globalThis). */
    openDocuments: () => evaluate('globalThis.__copydeskCollab?.hocuspocus.documents.size ?? null'),
    close: () => socket.close(),
  }
}
