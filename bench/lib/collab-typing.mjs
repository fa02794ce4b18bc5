// Issue #14's typing targets, in real browsers against the bench's server: several editors typing
// at once in one 5,000-word story (how long until a key pressed in one page shows in the others,
// and the server's CPU meanwhile), then key-to-paint in a 20,000-word story with writing together on.
import { setTimeout as sleep } from 'node:timers/promises'
import { openStory } from './collab-memory.mjs'
import { bareKeyToPaint, createLongStory, storyBody, typeAtTheEnd, waitUntilWritingTogether } from './chromium.mjs'
import { BenchError } from './processes.mjs'
import { clockTicks, cpuMs } from './server.mjs'
import { summarize } from './stats.mjs'

/** Letters found nowhere else in the story (bench/lib/long-draft.mjs's sentence, "Typist N:"): one per typist. */
const typistLetters = ['j', 'k', 'm', 'v', 'x', 'z', 'c']

/**
 * `pages` (signed-in pages, one per editor) open one new story of `words` words; each types
 * `keys` letters at the end of a short paragraph of its own, all at once, a key every `intervalMs`.
 * Each page records, on one clock (performance.timeOrigin + performance.now(), the machine's
 * wall clock in every renderer), when each of its keys was pressed and when each other typist's
 * characters appeared in its DOM.
 */
export async function typeTogether({ pages, base, pid, inspector, jar, words, keys, intervalMs }) {
  const typists = pages.length
  if (typists > typistLetters.length) throw new BenchError(`At most ${typistLetters.length} typists.`)
  const { articleId } = await createLongStory(pages[0], base, {
    headline: 'Writing together bench',
    words,
    paragraphs: pages.map((_, index) => `Typist ${index + 1}:`),
  })
  for (const page of pages) {
    await page.goto(`${base}/desk/articles/${articleId}`)
    await waitUntilWritingTogether(page)
  }
  for (const page of pages) await page.evaluate(recordArrivals, { typists, letters: typistLetters })
  const relay = await relayWatcher(base, jar, articleId, typists)

  const ticks = await clockTicks()
  const idleStart = { cpu: cpuMs(pid, ticks), at: performance.now() }
  await sleep(3000)
  const idle = cpuShare(idleStart, pid, ticks)

  // Each caret to the end of its typist's paragraph (each is one line), by keys, and checked
  // there, before anyone types: the figures measure the typing, not the placing. (Before the editor
  // took the browser's caret ahead of the others' changes, components/editor/caret-before-others.ts,
  // a caret moved by End while others' keys arrived could be put back, and the keys land elsewhere.)
  for (const [typist, page] of pages.entries()) {
    await storyBody(page).click()
    await page.keyboard.press('ControlOrMeta+Home')
    for (let line = 0; line < typist; line++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await page.waitForFunction(isAtLineEnd, typist, { timeout: 5000 })
  }
  const typingStart = { cpu: cpuMs(pid, ticks), at: performance.now() }
  await inspector?.startLoopDelay()
  await Promise.all(
    pages.map(async (page, typist) => {
      await sleep((typist * intervalMs) / typists)
      const letter = typistLetters[typist]
      for (let key = 0; key < keys; key++) {
        await page.keyboard.press(letter)
        await sleep(intervalMs)
      }
    }),
  )
  // Every key shown everywhere, or 15 s after the last one.
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    const counts = await Promise.all(pages.map((page) => page.evaluate(() => window.__arrivals.map((times) => times.length))))
    if (counts.every((row) => row.every((count) => count >= keys))) break
    await sleep(100)
  }
  const typing = cpuShare(typingStart, pid, ticks)
  const loopDelayMs = (await inspector?.loopDelayMs()) ?? null
  relay.close()

  const seen = await Promise.all(pages.map((page) => page.evaluate(() => ({ pressed: window.__pressed, arrivals: window.__arrivals }))))
  const latencies = []
  const relayed = []
  let missing = 0
  for (let typist = 0; typist < typists; typist++) {
    const pressed = seen[typist].pressed
    const synced = relay.arrivals[typist]
    for (let key = 0; key < Math.min(pressed.length, synced.length); key++) relayed.push(synced[key] - pressed[key])
    for (let other = 0; other < typists; other++) {
      if (other === typist) continue
      const shown = seen[other].arrivals[typist]
      missing += Math.max(0, pressed.length - shown.length)
      for (let key = 0; key < Math.min(pressed.length, shown.length); key++) latencies.push(shown[key] - pressed[key])
    }
  }
  const texts = await Promise.all(pages.map((page) => storyBody(page).textContent()))
  return {
    articleId,
    words,
    typists,
    keysEach: keys,
    intervalMs,
    keysPressed: seen.reduce((sum, page) => sum + page.pressed.length, 0),
    shownMs: summarize(latencies),
    relayedMs: summarize(relayed),
    loopDelayMs,
    missing,
    converged: texts.every((text) => text === texts[0]),
    serverCpu: { idle, typing, activeDocuments: 1 },
  }
}

/** Runs in a page: whether the caret is at the end of the story body's paragraph `line`. */
function isAtLineEnd(line) {
  const paragraph = document.querySelector('[role="textbox"][aria-label="Story body"]')?.children[line]
  const selection = window.getSelection()
  if (!paragraph || !selection?.focusNode || !paragraph.contains(selection.focusNode)) return false
  const range = document.createRange()
  range.selectNodeContents(paragraph)
  range.setStart(selection.focusNode, selection.focusOffset)
  return range.toString() === ''
}

/** Runs in each page: from now on, when each typist's letters appear, and when this page's character keys are pressed. */
function recordArrivals({ typists, letters }) {
  const root = document.querySelector('[role="textbox"][aria-label="Story body"]')
  const now = () => performance.timeOrigin + performance.now()
  // A typist's characters wherever they landed among the typists' paragraphs.
  const lengthOf = (index) => {
    let count = 0
    for (let line = 0; line < typists; line++) count += (root.children[line]?.textContent ?? '').split(letters[index]).length - 1
    return count
  }
  const lengths = Array.from({ length: typists }, (_, index) => lengthOf(index))
  window.__arrivals = Array.from({ length: typists }, () => [])
  window.__pressed = []
  // Only keys that type a character (not the End that put the caret in place).
  root.addEventListener(
    'keydown',
    (event) => event.key.length === 1 && window.__pressed.push(performance.timeOrigin + event.timeStamp),
    true,
  )
  new MutationObserver(() => {
    const at = now()
    for (let index = 0; index < typists; index++) {
      const length = lengthOf(index)
      for (; lengths[index] < length; lengths[index]++) window.__arrivals[index].push(at)
    }
  }).observe(root, { subtree: true, characterData: true, childList: true })
}

/**
 * A sync client in this process on the story: when each typist's letters reach it through the
 * server (its clock is this process's performance.timeOrigin + performance.now(), the same wall clock).
 */
async function relayWatcher(base, jar, articleId, typists) {
  const client = await openStory(base, jar, articleId)
  const body = client.doc.getXmlFragment('body')
  const arrivals = Array.from({ length: typists }, () => [])
  const counted = Array(typists).fill(0)
  client.doc.on('update', () => {
    const at = performance.timeOrigin + performance.now()
    const heads = body
      .toArray()
      .slice(0, typists)
      .map((paragraph) => paragraph.toString())
      .join('')
    for (let typist = 0; typist < typists; typist++) {
      const count = heads.split(typistLetters[typist]).length - 1
      for (; counted[typist] < count; counted[typist]++) arrivals[typist].push(at)
    }
  })
  return { arrivals, close: client.close }
}

/** The server's CPU time since `start`, as a share of one core. */
function cpuShare(start, pid, ticks) {
  const cpu = cpuMs(pid, ticks) - start.cpu
  const wallMs = performance.now() - start.at
  return { cpuMs: Math.round(cpu), wallMs: Math.round(wallMs), shareOfCore: cpu / wallMs }
}

/**
 * Key-to-paint and the main thread's time per key in a new story of `words` words, typed in
 * `typist` while `watcher` has the same story open: both writing together, the watcher's caret and
 * awareness in the typist's page. Then the same in a bare contenteditable of as many words.
 */
export async function keyToPaintTogether({ typist, watcher, base, words, keys }) {
  const { articleId } = await createLongStory(typist, base, { headline: 'Long story, writing together', words })
  for (const page of [typist, watcher]) {
    await page.goto(`${base}/desk/articles/${articleId}`)
    await waitUntilWritingTogether(page)
  }
  const { latencies, mainThread } = await typeAtTheEnd(typist, keys)
  const bare = await bareKeyToPaint(typist.context().browser(), { words, keys })
  return {
    articleId,
    words,
    keyToPaint: summarize(latencies),
    mainThread,
    bare: { keyToPaint: summarize(bare.latencies), mainThread: bare.mainThread },
  }
}
