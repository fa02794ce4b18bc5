// Two or more builds compared on what another person's typing costs (bench/lib/collab-receive.mjs):
// each build runs at once on its own copy of one freshly seeded database, a Chromium page on a new
// 5,000-word story watches sync clients type into it, and the builds take turns, round by round, so
// that whatever else the machine does falls on every build alike. Reports, per build, the page's
// main-thread CPU and the server's CPU per remote key (median of the rounds).
//
//   node bench/collab-receive-ab.mjs [--rounds 4] [--keys 40] [--port 3421] <distDir>[:quiet] <distDir>[:quiet] …
//
// Each <distDir> is a build (`NEXT_DIST_DIR=<distDir> npx next build`). With `:quiet`, the sync
// clients typing send only their own awareness, as that build's browsers do (components/desk/story-provider.ts);
// without, they send back everyone's, as browsers did before it.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createLongStory, launchChromium, signedInPage, waitUntilWritingTogether } from './lib/chromium.mjs'
import { receiveCost } from './lib/collab-receive.mjs'
import { freshDataDir, seed } from './lib/database.mjs'
import { closeConnections } from './lib/http.mjs'
import { cleanUp } from './lib/processes.mjs'
import { startServer } from './lib/server.mjs'
import { signIn } from './lib/sign-in.mjs'

// Only for these throwaway servers; never a production secret.
const authSecret = 'copydesk-bench-secret-not-for-production-0123456789'
const dataRoot = path.join('.bench-data', 'collab-receive')

const { values, positionals } = parseArgs({
  options: {
    rounds: { type: 'string', default: '4' },
    keys: { type: 'string', default: '40' },
    port: { type: 'string', default: '3421' },
  },
  allowPositionals: true,
})
const rounds = Number(values.rounds)
const keys = Number(values.keys)
const firstPort = Number(values.port)
const specs = positionals.map((spec) => ({ distDir: spec.replace(/:quiet$/, ''), quiet: spec.endsWith(':quiet') }))
if (specs.length < 1 || !(rounds > 0) || !(keys > 0)) {
  console.error('usage: node bench/collab-receive-ab.mjs [--rounds 4] [--keys 40] [--port 3421] <distDir>[:quiet] …')
  process.exit(1)
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const round2 = (value) => Math.round(value * 100) / 100

try {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '', COPYDESK_SEED_DEMO: '' }
  const seeded = path.join(dataRoot, 'seeded')
  freshDataDir(seeded)
  await seed({
    articles: 21,
    env: { ...env, COPYDESK_DATA_DIR: seeded, COPYDESK_MEDIA_DIR: path.join(seeded, 'media') },
    label: 'embedded',
  })
  const browser = await launchChromium()
  const builds = []
  for (const [index, { distDir, quiet }] of specs.entries()) {
    const dataDir = path.join(dataRoot, String(index))
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.cpSync(seeded, dataDir, { recursive: true })
    const server = await startServer({
      port: firstPort + index,
      env: {
        ...env,
        NEXT_DIST_DIR: distDir,
        COPYDESK_DATA_DIR: dataDir,
        COPYDESK_MEDIA_DIR: path.join(dataDir, 'media'),
        AUTH_SECRET: authSecret,
      },
      logFile: path.join(dataDir, 'server.log'),
      label: distDir,
    })
    const jar = await signIn(server.base, 'editor@copydesk.test')
    const page = await signedInPage(browser, server.base, 'editor2@copydesk.test')
    const { articleId } = await createLongStory(page, server.base, {
      headline: 'Receiving bench',
      words: 5000,
      paragraphs: ['Watcher:', 'Typist 2:', 'Typist 3:', 'Typist 4:', 'Typist 5:'],
    })
    await page.goto(`${server.base}/desk/articles/${articleId}`)
    await waitUntilWritingTogether(page)
    builds.push({ distDir, quiet, server, jar, page, articleId, pageMs: [], renderingMs: [], serverMs: [], missing: 0 })
  }
  for (let turn = 0; turn < rounds; turn++) {
    const order = turn % 2 === 0 ? builds : [...builds].reverse()
    for (const build of order) {
      const cost = await receiveCost({
        page: build.page,
        base: build.server.base,
        jar: build.jar,
        pid: build.server.pid,
        articleId: build.articleId,
        quiet: build.quiet,
        keys,
      })
      build.pageMs.push(cost.pageMsPerKey)
      build.renderingMs.push(cost.renderingMsPerKey)
      build.serverMs.push(cost.serverMsPerKey)
      build.missing += cost.keys - cost.shown
      console.log(
        `round ${turn + 1} ${build.distDir}: page ${round2(cost.pageMsPerKey)} ms/key (style, layout, paint ${round2(cost.renderingMsPerKey)}), server ${round2(cost.serverMsPerKey)} ms/key, shown ${cost.shown}/${cost.keys}`,
      )
    }
  }
  await browser.close()
  console.log(
    '\n| build | page main-thread CPU per remote key (ms, median) | of which style, layout, paint (wall) | server CPU per key (ms, median) | keys not shown |',
  )
  console.log('| --- | --- | --- | --- | --- |')
  for (const build of builds) {
    console.log(
      `| ${build.distDir} | ${round2(median(build.pageMs))} | ${round2(median(build.renderingMs))} | ${round2(median(build.serverMs))} | ${build.missing} |`,
    )
  }
} finally {
  await cleanUp()
  closeConnections()
}
