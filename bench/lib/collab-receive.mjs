// What another person's typing costs a page that only watches it, and the server: sync clients in
// this process type into a story (one key an update, with their caret in the awareness, as the
// editor sends them) while a Chromium page shows it under a trace. Per remote key: the CPU time of
// the page's renderer main thread (its tasks' `tdur`), and the server's CPU time (from /proc).
import * as Y from 'yjs'
import { setTimeout as sleep } from 'node:timers/promises'
import { openStory } from './collab-memory.mjs'
import { storyBody } from './chromium.mjs'
import { outermost, renderingSteps } from './main-thread.mjs'
import { clockTicks, cpuMs } from './server.mjs'

/** Trace categories: the renderer's tasks (`toplevel`), with their thread CPU time. */
const categories = ['toplevel', 'disabled-by-default-devtools.timeline']
/** After the last key shows: the debounced work of the page (a quarter to a third of a second) falls in the window too. */
const tailMs = 1000

/**
 * Sync clients on `articleId` (`typists`, each typing at the end of the body's paragraph
 * `typist + 1`) while `page`, on the same story and writing together, watches with its caret in
 * the first paragraph. Resolves with the keys sent and, per key, the page's main-thread CPU and
 * the server's CPU, in ms. `quiet`: the clients send only their own awareness, as the desk's
 * browsers do since components/desk/story-provider.ts (they sent back everyone's before).
 */
export async function receiveCost({ page, base, jar, pid, articleId, quiet = false, typists = 4, keys = 40, intervalMs = 150 }) {
  const clients = []
  for (let typist = 0; typist < typists; typist++) {
    const client = await openStory(base, jar, articleId, { quiet })
    client.awareness.setLocalStateField('user', { name: `Typist ${typist + 2}`, color: '#0b7285' })
    clients.push(client)
  }
  try {
    await storyBody(page).click()
    await page.keyboard.press('ControlOrMeta+Home')
    await page.keyboard.press('End')
    const before = await shownLetters(page)
    const browser = page.context().browser()
    const ticks = await clockTicks()
    await browser.startTracing(page, { categories })
    const serverStart = cpuMs(pid, ticks)
    await Promise.all(
      clients.map(async (client, typist) => {
        await sleep((typist * intervalMs) / typists)
        for (let key = 0; key < keys; key++) {
          typeOne(client, typist + 1, 'z')
          await sleep(intervalMs)
        }
      }),
    )
    const deadline = Date.now() + 15_000
    while (Date.now() < deadline && (await shownLetters(page)) < before + typists * keys) await sleep(50)
    await sleep(tailMs)
    const serverMs = cpuMs(pid, ticks) - serverStart
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'))
    const sent = typists * keys
    const shown = (await shownLetters(page)) - before
    const watched = rendererMain(trace.traceEvents ?? trace)
    return {
      keys: sent,
      shown,
      pageMsPerKey: watched.cpuMs / sent,
      renderingMsPerKey: watched.renderingMs / sent,
      serverMsPerKey: serverMs / sent,
    }
  } finally {
    for (const client of clients) client.close()
  }
}

/** One key typed by a sync client at the end of paragraph `index`, its caret moved after it (y-prosemirror's awareness field). */
function typeOne(client, index, letter) {
  const text = client.doc.getXmlFragment('body').get(index).get(0)
  text.insert(text.length, letter)
  const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length))
  client.awareness.setLocalStateField('cursor', { anchor: at, head: at })
}

/** How many `z`s the page's story body shows (the synthetic story has none of its own). */
function shownLetters(page) {
  return storyBody(page).evaluate((body) => body.textContent.split('z').length - 1)
}

/**
 * The busiest renderer main thread of the trace (the watching page's): its CPU time (`cpuMs`) and
 * its time in style, layout and paint (`renderingMs`).
 */
function rendererMain(events) {
  const mains = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  )
  const tasks = events.filter((event) => event.ph === 'X' && event.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts)
  const sum = (list, field) => outermost(list).reduce((total, event) => total + (event[field] ?? 0) / 1000, 0)
  const onThread = (list, thread) => list.filter((event) => `${event.pid}:${event.tid}` === thread)
  const threads = [...mains].map((thread) => ({ thread, cpuMs: sum(onThread(tasks, thread), 'tdur') }))
  const busiest = threads.sort((a, b) => b.cpuMs - a.cpuMs)[0]
  if (!busiest) return { cpuMs: 0, renderingMs: 0 }
  const steps = events.filter((event) => event.ph === 'X' && renderingSteps.has(event.name)).sort((a, b) => a.ts - b.ts)
  return { cpuMs: busiest.cpuMs, renderingMs: sum(onThread(steps, busiest.thread), 'dur') }
}
