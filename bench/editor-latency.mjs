// Key-to-paint latency while typing in a 20,000-word story. Not a test: it prints figures.
// Usage: start the app (npm run build && npm start), then
//   node bench/editor-latency.mjs [--url http://127.0.0.1:3000] [--words 20000] [--keys 200]
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'

// The same offline, sandbox-free flags as the end-to-end tests (playwright.config.ts).
const chromiumArgs = JSON.parse(fs.readFileSync(new URL('../scripts/chromium-args.json', import.meta.url), 'utf8'))

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    words: { type: 'string', default: '20000' },
    keys: { type: 'string', default: '200' },
  },
})
const base = values.url
const wordCount = Number(values.words)
const keys = Number(values.keys)

const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium',
  args: chromiumArgs,
})
try {
  const page = await browser.newPage()
  await page.goto(`${base}/login`)
  await page.getByLabel('E-mail').fill('editor@copydesk.test')
  await page.getByLabel('Password').fill('copydesk-demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(/\/desk$/)

  await page.goto(`${base}/desk/articles/new`)
  await page.getByLabel('Working headline').fill('Latency test story')
  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.waitForURL(/\/desk\/articles\/\d+$/)
  const articleId = Number(new URL(page.url()).pathname.split('/').pop())

  // A long body, saved through the same endpoint the editor uses.
  const sentence = 'The harbour authority said the new quay would open to freight in the spring after the dredging ends.'
  const words = sentence.split(' ')
  const paragraphs = []
  for (let n = 0; n < wordCount; n += 100) {
    paragraphs.push({
      type: 'paragraph',
      content: [{ type: 'text', text: Array.from({ length: 100 }, (_, i) => words[(n + i) % words.length]).join(' ') }],
    })
  }
  const draft = {
    headline: 'Latency test story',
    standfirst: '',
    body: { type: 'doc', content: paragraphs },
    sectionId: 1,
    slug: '',
    tags: [],
    bylines: [{ name: 'Bench', outlet: 'Copydesk' }],
    leadMediaId: null,
    leadCaption: '',
    leadCredit: '',
    seoTitle: '',
    seoDescription: '',
  }
  const started = Date.now()
  const saved = await page.request.post(`${base}/desk/articles/${articleId}/revisions`, {
    headers: { origin: new URL(base).origin },
    data: { draft, baseVersion: 1, kind: 'save' },
  })
  if (!saved.ok()) throw new Error(`Saving the long body failed: ${saved.status()} ${await saved.text()}`)
  const saveMs = Date.now() - started

  await page.reload()
  const editor = page.getByRole('textbox', { name: 'Story body' })
  await editor.click()
  await page.keyboard.press('ControlOrMeta+End')
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
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 8 === 7 ? 'Space' : 'KeyA')
    await page.waitForTimeout(30)
  }
  await page.waitForTimeout(500)
  const latencies = (await page.evaluate(() => window.__latencies)).sort((a, b) => a - b)
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
  console.log(`Story of ${wordCount.toLocaleString('en-GB')} words; explicit save took ${saveMs} ms round trip.`)
  console.log(
    `Key-to-paint over ${latencies.length} keys: median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`,
  )
} finally {
  await browser.close()
}
