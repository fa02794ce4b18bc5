// Key-to-paint latency while typing in a 20,000-word story, writing together on. Not a test: it prints figures.
// Usage: start the app (npm run build && npm start), then
//   node bench/editor-latency.mjs [--url http://127.0.0.1:3000] [--words 20000] [--keys 200]
import { parseArgs } from 'node:util'
import { bareKeyToPaint, createLongStory, launchChromium, signedInPage, typeAtTheEnd, waitUntilWritingTogether } from './lib/chromium.mjs'

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
  const latencies = await typeAtTheEnd(page, keys)
  const bare = await bareKeyToPaint(browser, { words: wordCount, keys })
  console.log(`Story of ${wordCount.toLocaleString('en-GB')} words; explicit save took ${saveMs} ms round trip.`)
  console.log(`Key-to-paint over ${latencies.length} keys: ${figures(latencies)}`)
  console.log(`The same keys in a bare contenteditable of as many words (the browser's floor): ${figures(bare)}`)
} finally {
  await browser.close()
}

function figures(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`
}
