// Chromium for the editor's measurements (bench/editor-latency.mjs and the writing-together step):
// the end-to-end tests' flags, a signed-in page, a long story, and key-to-paint timing in a page.
import fs from 'node:fs'
import { chromium } from '@playwright/test'
import { longDraft } from './long-draft.mjs'
import { traceKeys } from './main-thread.mjs'
import { demoPassword } from './sign-in.mjs'

// The same offline, sandbox-free flags as the end-to-end tests (playwright.config.ts).
const chromiumArgs = JSON.parse(fs.readFileSync(new URL('../../scripts/chromium-args.json', import.meta.url), 'utf8'))

/** Debian's Chromium, or PLAYWRIGHT_CHROMIUM_PATH. */
export const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium'

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
}

/** A page of a new context of `browser`, signed in as `email` through the login form. */
export async function signedInPage(browser, base, email) {
  const page = await (await browser.newContext()).newPage()
  await page.goto(`${base}/login`)
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill(demoPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(/\/desk$/)
  return page
}

/**
 * A new story whose body is `words` words in paragraphs of 100, saved through the same endpoint
 * the editor uses, with `paragraphs` short paragraphs before them (the places the typists write in;
 * bench/lib/long-draft.mjs).
 * Resolves with its id and the save's round trip in ms; `page` is left on the new story.
 */
export async function createLongStory(page, base, { headline, words, paragraphs = [] }) {
  await page.goto(`${base}/desk/articles/new`)
  await page.getByLabel('Working headline').fill(headline)
  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.waitForURL(/\/desk\/articles\/\d+$/)
  const articleId = Number(new URL(page.url()).pathname.split('/').pop())

  const draft = longDraft({ headline, words, paragraphs })
  const started = Date.now()
  const saved = await page.request.post(`${base}/desk/articles/${articleId}/revisions`, {
    headers: { origin: new URL(base).origin },
    data: { draft, baseVersion: 1, kind: 'save' },
  })
  if (!saved.ok()) throw new Error(`Saving the long body failed: ${saved.status()} ${await saved.text()}`)
  return { articleId, saveMs: Date.now() - started }
}

/** The story body's editor on a page. */
export const storyBody = (page) => page.getByRole('textbox', { name: 'Story body' })

/** Waits until the page's editor is writing together (connected to the sync server). */
export async function waitUntilWritingTogether(page) {
  await page.getByRole('status', { name: 'Writing together' }).filter({ hasText: 'are shared as you type' }).waitFor({ timeout: 30_000 })
}

/**
 * From now on, records in the page the time from each key pressed in the story body to the next
 * frame painted after the editor's DOM changed (`window.__latencies`, ms); `keyToPaint(page)` reads them.
 */
async function watchKeyToPaint(page) {
  await page.evaluate(() => {
    const target = document.querySelector('[role="textbox"][aria-label="Story body"]')
    window.__latencies = []
    let pressedAt = 0
    target.addEventListener(
      'keydown',
      (event) => {
        pressedAt = event.timeStamp
      },
      true,
    )
    new MutationObserver(() => {
      const from = pressedAt
      if (!from) return
      pressedAt = 0
      requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - from), 0))
    }).observe(target, { subtree: true, characterData: true, childList: true })
  })
}

/** The key-to-paint samples recorded since `watchKeyToPaint`, in ms. */
const keyToPaint = (page) => page.evaluate(() => window.__latencies)

/**
 * The same keys and the same timing in a bare contenteditable holding the same number of words
 * (no editor, no script of ours): what this browser on this machine gives at best. A key can
 * paint no sooner than the next frame, so this is the floor the editor's figure is read against.
 */
export async function bareKeyToPaint(browser, { words, keys }) {
  const page = await browser.newPage()
  try {
    const paragraph = `<p>${Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ')}</p>`
    const body = paragraph.repeat(Math.max(1, Math.round(words / 100)))
    await page.setContent(`<div role="textbox" aria-label="Story body" contenteditable="true">${body}</div>`)
    return await typeAtTheEnd(page, keys)
  } finally {
    await page.close()
  }
}

/** Keys typed under a trace after the timed ones (the trace slows a page: they are not timed). */
const tracedKeys = 100

/**
 * Types `keys` keys at the end of the page's story body, as a writer would, and resolves with their
 * key-to-paint samples (`latencies`, ms); then types `tracedKeys` more under a Chromium trace and
 * resolves with what each cost the page's main thread (`mainThread`, bench/lib/main-thread.mjs).
 */
export async function typeAtTheEnd(page, keys) {
  await storyBody(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await watchKeyToPaint(page)
  await typeKeys(page, keys)
  const latencies = await keyToPaint(page)
  const mainThread = await traceKeys(page.context().browser(), page, () => typeKeys(page, tracedKeys))
  return { latencies, mainThread }
}

async function typeKeys(page, keys) {
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 8 === 7 ? 'Space' : 'KeyA')
    await page.waitForTimeout(30)
  }
  await page.waitForTimeout(500)
}
