// The story page three ways, with the same load tool (wrk), the same duration and the same HTML:
// through the shipped edge (scripts/cluster's createEdge: deploy/nginx/copydesk.conf in front of
// the bench's own app server), as a file served by nginx, and from the app alone. While the
// edge is under load, the app's CPU time tells whether any request reached it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createEdge } from '../../scripts/cluster/cluster.mjs'
import { request } from './http.mjs'
import { round } from './load.mjs'
import { serveStatic } from './nginx.mjs'
import { BenchError, keepSignalsOurs, onCleanup } from './processes.mjs'
import { clockTicks, cpuMs } from './server.mjs'
import { measureWith } from './wrk.mjs'

const connectionLevels = [10, 50]
const pairs = 3

/**
 * @param {{ server: { base: string, pid: number }, storyPath: string, options: { port: number,
 *   staticPort: number, edgePort: number, duration: number }, nginx: { binary: string | null },
 *   loader: { tool: string, binary?: string, version?: string }, log: (line: string) => void }} args
 */
export async function measureEdge({ server, storyPath, options, nginx, loader, log }) {
  if (!nginx.binary) throw new BenchError('nginx is not installed: the edge cannot run.')
  const appPage = await request(`${server.base}${storyPath}`)
  if (appPage.status !== 200) throw new BenchError(`${storyPath} answered ${appPage.status} on the app.`)
  const html = appPage.body
  const loadAtStart = os.loadavg()[0]
  const ticks = await clockTicks()
  const appCpuMs = () => cpuMs(server.pid, ticks)

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-edge-'))
  const removeDir = onCleanup(() => fs.rmSync(runDir, { recursive: true, force: true }))
  const edge = createEdge({ port: options.edgePort, upstreams: [`127.0.0.1:${options.port}`], runDir })
  const stopEdge = onCleanup(() => edge.stop())
  let stopStatic = async () => {}
  // Whatever fails, the edge and the file server stop here, freeing their ports for what follows.
  try {
    log(`Edge: nginx with deploy/nginx/copydesk.conf on port ${options.edgePort} in front of port ${options.port}.`)
    await keepSignalsOurs(() => edge.start())

    const edgeUrl = `${edge.url}${storyPath}`
    const statuses = []
    let warm = null
    for (let attempt = 0; attempt < 10 && warm?.headers['x-cache-status'] !== 'HIT'; attempt++) {
      warm = await request(edgeUrl)
      statuses.push(warm.headers['x-cache-status'] ?? '(none)')
    }
    if (warm.headers['x-cache-status'] !== 'HIT')
      throw new BenchError(`The edge never answered ${storyPath} from its cache (X-Cache-Status: ${statuses.join(', ')}).`)

    const staticServer = await serveStatic({ html, port: options.staticPort, nginx: nginx.binary, workers: 'auto' })
    stopStatic = onCleanup(() => staticServer.stop())
    const targets = [
      { key: 'edge', label: 'Through the edge (proxy_cache HIT)', url: edgeUrl },
      {
        key: 'static',
        label: `Story HTML as a file, nginx ${staticServer.version}, ${staticServer.workers} workers`,
        url: staticServer.url,
      },
      { key: 'app', label: 'App alone (npm start)', url: `${server.base}${storyPath}` },
    ]

    // What the app spends doing nothing for as long as one run lasts: its timers, its GC.
    const idleBefore = await appCpuMs()
    await sleep(options.duration * 1000)
    const idleCpuMs = (await appCpuMs()) - idleBefore

    // The edge and the file take turns, `pairs` times per level, so that whatever else the machine
    // is doing falls on both alike; each way's figure is its run with the median req/s. The app
    // alone, a hundred times slower, runs once per level.
    const all = Object.fromEntries(targets.map((target) => [target.key, { 10: [], 50: [] }]))
    const one = async (target, connections, which = '') => {
      log(`Edge comparison, ${target.label}: ${connections} connections, ${options.duration} s (${loader.tool})${which}.`)
      const before = await appCpuMs()
      const measured = await measureWith(loader, target.url, { connections, duration: options.duration })
      all[target.key][connections].push({ ...measured, appCpuMs: (await appCpuMs()) - before })
    }
    const [edgeTarget, staticTarget, appTarget] = targets
    for (const connections of connectionLevels) {
      for (let pair = 0; pair < pairs; pair++) {
        const order = pair % 2 === 0 ? [staticTarget, edgeTarget] : [edgeTarget, staticTarget]
        for (const target of order) await one(target, connections, `, run ${pair + 1} of ${pairs}`)
      }
      await one(appTarget, connections)
    }
    const results = {}
    for (const target of targets) {
      const runs = {}
      for (const connections of connectionLevels) {
        const measured = all[target.key][connections]
        const median = [...measured].sort((a, b) => a.rps - b.rps)[Math.floor((measured.length - 1) / 2)]
        runs[connections] = { ...median, rpsOfEachRun: measured.map((run) => run.rps) }
      }
      results[target.key] = { key: target.key, label: target.label, url: target.url, runs }
    }
    const after = await request(edgeUrl)

    // One story page's cost in app CPU, from the app-alone run at 50 connections, turns the CPU
    // the app spent during the edge's load (less its idle CPU) into a number of requests.
    const appRun = results.app.runs[50]
    const perRequestMs = appRun.requests > 0 ? appRun.appCpuMs / appRun.requests : null
    const edgeRun = results.edge.runs[50]
    const edgeRuns = all.edge[50]
    const sum = (key) => edgeRuns.reduce((total, run) => total + run[key], 0)
    const edgeExtraMs = Math.max(0, sum('appCpuMs') - idleCpuMs * edgeRuns.length)
    const staticRun = results.static.runs[50]
    return {
      tool: loader.tool === 'wrk' ? `wrk ${loader.version}` : 'autocannon',
      threads: edgeRun.threads ?? 1,
      durationS: options.duration,
      pairs,
      loadAverage: loadAtStart,
      cpus: os.cpus().length,
      htmlBytes: Buffer.byteLength(html),
      edgeHtmlBytes: Buffer.byteLength(warm.body),
      sameHtml: warm.body === html,
      warmStatuses: statuses,
      sampleStatus: warm.headers['x-cache-status'],
      afterLoadStatus: after.headers['x-cache-status'] ?? '(none)',
      pages: [results.edge, results.static, results.app],
      ratio50: staticRun.rps > 0 ? edgeRun.rps / staticRun.rps : null,
      ratio10: results.static.runs[10].rps > 0 ? results.edge.runs[10].rps / results.static.runs[10].rps : null,
      appDuringEdge: {
        method:
          "the app's CPU time (utime + stime from /proc/<pid>/stat, the app server and its child processes, 10 ms ticks) during all the edge's runs at 50 connections, less its CPU over an idle stretch as long as each run (times the runs), divided by one story page's app CPU (app-alone run, 50 connections)",
        edgeRuns: edgeRuns.length,
        edgeRequests: sum('requests'),
        appCpuMs: sum('appCpuMs'),
        idleCpuMs,
        perRequestMs: perRequestMs === null ? null : round(perRequestMs, 3),
        estimatedRequests: perRequestMs ? Math.round(edgeExtraMs / perRequestMs) : null,
        resolutionRequests: perRequestMs ? Math.ceil((edgeRuns.length * 1000) / ticks / perRequestMs) : null,
      },
    }
  } finally {
    await stopStatic()
    await stopEdge()
    await removeDir()
  }
}
