// What a key costs the renderer's main thread, from a Chromium trace: not bound to the display's
// frames (a key waits up to 16.7 ms for the next one whatever the page does), so it tells what
// the editor costs apart from what the display costs.
import { summarize } from './stats.mjs'

/** Trace categories: the renderer's tasks, its events and its rendering steps. */
const categories = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline']

/** The rendering steps of a frame (style, layout, paint, layers): the browser's part of a key. */
export const renderingSteps = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'])

/** Runs `typeKeys()` while `browser` traces `page`; resolves with `mainThreadPerKey` of the trace. */
export async function traceKeys(browser, page, typeKeys) {
  await browser.startTracing(page, { categories })
  let trace
  try {
    await typeKeys()
  } finally {
    trace = JSON.parse((await browser.stopTracing()).toString('utf8'))
  }
  return mainThreadPerKey(trace.traceEvents ?? trace)
}

/**
 * The renderer main thread that handled the most keydowns. Each key's share is what that thread did
 * from its keydown to the next key's (the last: for 500 ms): its tasks, assigned by where they end.
 * Resolves with, in ms, per key (`summarize`: p50, p95, max…): `cpu`, the thread's CPU time (the
 * tasks' `tdur`: what the page costs, whatever else the machine runs), `wall`, its busy time
 * (`dur`), and the mean time in rendering steps (`renderingMs`).
 */
export function mainThreadPerKey(events) {
  const keydowns = new Map()
  for (const event of events) {
    if (event.name === 'EventDispatch' && event.args?.data?.type === 'keydown') {
      const thread = `${event.pid}:${event.tid}`
      keydowns.set(thread, [...(keydowns.get(thread) ?? []), event.ts])
    }
  }
  const [thread, unsorted] = [...keydowns].sort((a, b) => b[1].length - a[1].length)[0] ?? []
  if (!thread) throw new Error('The trace holds no keydown in any renderer.')
  const starts = [...unsorted].sort((a, b) => a - b)
  const ends = [...starts.slice(1), starts.at(-1) + 500_000]
  const keyOf = (time) => ends.findIndex((end, i) => time >= starts[i] && time < end)
  const onThread = events.filter((event) => event.ph === 'X' && `${event.pid}:${event.tid}` === thread).sort((a, b) => a.ts - b.ts)
  const perKey = starts.map(() => ({ wall: 0, cpu: 0, rendering: 0 }))
  const add = (list, field, into) => {
    for (const event of outermost(list)) {
      const key = keyOf(event.ts + (event.dur ?? 0))
      if (key >= 0) perKey[key][into] += (event[field] ?? 0) / 1000
    }
  }
  const tasks = onThread.filter((event) => event.name === 'ThreadControllerImpl::RunTask')
  add(tasks, 'dur', 'wall')
  add(tasks, 'tdur', 'cpu')
  add(
    onThread.filter((event) => renderingSteps.has(event.name)),
    'dur',
    'rendering',
  )
  const mean = (field) => Math.round((perKey.reduce((sum, key) => sum + key[field], 0) / perKey.length) * 100) / 100
  const each = (field) => summarize(perKey.map((key) => key[field]))
  return { keys: starts.length, cpu: each('cpu'), wall: each('wall'), renderingMs: mean('rendering') }
}

/** The events of `sorted` (by start) that no earlier one of them contains. */
export function outermost(sorted) {
  const kept = []
  let end = -Infinity
  for (const event of sorted) {
    if (event.ts < end) continue
    kept.push(event)
    end = event.ts + (event.dur ?? 0)
  }
  return kept
}

/** One line for a person: the CPU time per key, then the busy time and the rendering. */
export function describeMainThread({ keys, cpu, wall, renderingMs }) {
  return `CPU median ${cpu.p50} ms, p95 ${cpu.p95} ms, mean ${cpu.mean} ms; busy (wall) median ${wall.p50} ms, p95 ${wall.p95} ms; style, layout and paint ${renderingMs} ms a key on average (${keys} keys, traced)`
}
