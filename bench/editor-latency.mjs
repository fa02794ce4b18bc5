// Key-to-paint latency while typing in a 20,000-word story, writing together on, and what each key
// costs the page's main thread; both beside a bare contenteditable of as many words. Not a test: it prints figures.
// Usage: start the app (npm run build && npm start), then
//   node bench/editor-latency.mjs [--url http://127.0.0.1:3000] [--words 20000] [--keys 200]
// The last line is every figure as JSON (`figures {…}`), read by bench/lib/editor.mjs.
import { parseArgs } from 'node:util'
import { bareKeyToPaint, createLongStory, launchChromium, signedInPage, typeAtTheEnd, waitUntilWritingTogether } from './lib/chromium.mjs'
import { describeMainThread } from './lib/main-thread.mjs'
import { summarize } from './lib/stats.mjs'

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
  const editor = await typeAtTheEnd(page, keys)
  const bare = await bareKeyToPaint(browser, { words: wordCount, keys })
  console.log(`Story of ${wordCount.toLocaleString('en-GB')} words; explicit save took ${saveMs} ms round trip.`)
  console.log(`Key-to-paint over ${editor.latencies.length} keys: ${figures(editor.latencies)}`)
  console.log(`The same keys in a bare contenteditable of as many words (the browser's floor): ${figures(bare.latencies)}`)
  console.log(`Main thread per key, the editor: ${describeMainThread(editor.mainThread)}`)
  console.log(`Main thread per key, the bare contenteditable: ${describeMainThread(bare.mainThread)}`)
  const summary = ({ latencies, mainThread }) => ({ keyToPaint: summarize(latencies), mainThread })
  console.log(`figures ${JSON.stringify({ words: wordCount, saveMs, editor: summary(editor), bare: summary(bare) })}`)
} finally {
  await browser.close()
}

function figures(samples) {
  const { p50, p95, max } = summarize(samples)
  return `median ${p50} ms, p95 ${p95} ms, max ${max} ms`
}
