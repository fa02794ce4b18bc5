// Writing together (issue #14's targets) against one running bench server: five editors typing in
// one 5,000-word story in Chromium, key-to-paint in a 20,000-word story with writing together on,
// and the server's memory per open document with sync clients.
import fs from 'node:fs'
import { chromiumPath, launchChromium, signedInPage } from './chromium.mjs'
import { memoryPerDocument } from './collab-memory.mjs'
import { keyToPaintTogether, typeTogether } from './collab-typing.mjs'
import { inspectServer } from './server-inspector.mjs'
import { signIn } from './sign-in.mjs'

/** The demo newsroom's people who may edit any story; five sessions among them type at once. */
const editors = ['editor@copydesk.test', 'editor2@copydesk.test', 'admin@copydesk.test', 'editor@copydesk.test', 'editor2@copydesk.test']

/**
 * Every figure of the step; `stories` ({ id, version }) are stories the demo editor may change,
 * given 5,000-word bodies and opened by sync clients (the first as a warm-up).
 */
export async function measureCollab({ server, stories, log }) {
  const jar = await signIn(server.base, 'editor@copydesk.test')
  const inspector = server.inspectPort ? await inspectServer(server.pid, server.inspectPort) : null
  try {
    const browsers = await browserFigures(server, inspector, jar, log)
    log(`Writing together: memory per open document, ${stories.length - 1} stories of 5,000 words opened by sync clients.`)
    return { ...browsers, memory: await memoryPerDocument({ server, inspector, jar, stories, words: 5000 }) }
  } finally {
    inspector?.close()
  }
}

async function browserFigures(server, inspector, jar, log) {
  if (!fs.existsSync(chromiumPath))
    return { browsers: { state: 'skipped', message: `no Chromium at ${chromiumPath} (set PLAYWRIGHT_CHROMIUM_PATH)` } }
  const browser = await launchChromium()
  try {
    const pages = []
    for (const email of editors) pages.push(await signedInPage(browser, server.base, email))
    log(`Writing together: ${editors.length} editors typing at once in one 5,000-word story (Chromium).`)
    const typing = await typeTogether({ pages, base: server.base, pid: server.pid, inspector, jar, words: 5000, keys: 60, intervalMs: 150 })
    log('Writing together: key-to-paint in a 20,000-word story, a second editor on it.')
    const longStory = await keyToPaintTogether({ typist: pages[0], watcher: pages[1], base: server.base, words: 20_000, keys: 200 })
    return { typing, longStory }
  } finally {
    await browser.close()
  }
}
