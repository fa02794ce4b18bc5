// Key-to-paint latency while typing in a 20,000-word story, writing together on. Not a test: it prints figures.
// Usage: start the app (npm run build && npm start), then
//   node bench/editor-latency.mjs [--url http://127.0.0.1:3000] [--words 20000] [--keys 200]
import { parseArgs } from 'node:util'
import {
  createLongStory,
  keyToPaint,
  launchChromium,
  signedInPage,
  storyBody,
  waitUntilWritingTogether,
  watchKeyToPaint,
} from './lib/chromium.mjs'

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

const browser = await launchChromium()
try {
  const page = await signedInPage(browser, base, 'editor@copydesk.test')
  const { saveMs } = await createLongStory(page, base, { headline: 'Latency test story', words: wordCount })

  await page.reload()
  await waitUntilWritingTogether(page)
  await storyBody(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await watchKeyToPaint(page)
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 8 === 7 ? 'Space' : 'KeyA')
    await page.waitForTimeout(30)
  }
  await page.waitForTimeout(500)
  const latencies = (await keyToPaint(page)).sort((a, b) => a - b)
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
  console.log(`Story of ${wordCount.toLocaleString('en-GB')} words; explicit save took ${saveMs} ms round trip.`)
  console.log(
    `Key-to-paint over ${latencies.length} keys: median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`,
  )
} finally {
  await browser.close()
}
