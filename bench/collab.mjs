// `npm run bench:collab`: the writing-together step of `npm run bench` (issue #14's targets) on its own,
// on a small newsroom: build (or --skip-build) → a fresh embedded database in .bench-data/collab with
// the demo newsroom and --articles synthetic stories → the app (server.mjs) on --port → the step → report.
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { buildForBench } from './lib/build.mjs'
import { measureCollab } from './lib/collab.mjs'
import { freshDataDir, pickStories, seed } from './lib/database.mjs'
import { closeConnections } from './lib/http.mjs'
import { BenchError, assertPortFree, beginShutdown, cleanUp } from './lib/processes.mjs'
import { collabMarkdown } from './lib/report-collab.mjs'
import { startServer } from './lib/server.mjs'

const usage = `Usage: npm run bench:collab -- [--port P] [--articles N] [--skip-build] [--dist-dir D]

Builds the app into .next-bench, or --dist-dir (as npm run bench does; --skip-build reuses it), seeds a fresh
embedded database in .bench-data/collab with the demo newsroom and N synthetic stories (default 50),
starts the app (server.mjs) on --port (default 3400; its inspector, for the heap, on the fifth port after) and measures writing together: five editors
typing at once in one 5,000-word story in Chromium (how soon each key shows in the other pages, the
server's CPU), key-to-paint in a 20,000-word story with writing together on, and the server's memory
per open document (20 stories opened by sync clients). Prints a markdown report.`

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
const dataDir = path.join('.bench-data', 'collab')
// Only for this throwaway server; never a production secret.
const authSecret = 'copydesk-bench-secret-not-for-production-0123456789'

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    beginShutdown()
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  })
}

try {
  process.exitCode = await main()
} catch (error) {
  console.error(error instanceof BenchError ? `bench:collab: ${error.message}` : error)
  process.exitCode = 1
} finally {
  await cleanUp()
  closeConnections()
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3400' },
      articles: { type: 'string', default: '50' },
      'skip-build': { type: 'boolean', default: false },
      'dist-dir': { type: 'string', default: '.next-bench' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    return 0
  }
  const port = Number(values.port)
  const articles = Number(values.articles)
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new BenchError('--port takes a whole number from 1024 to 65535.')
  if (!Number.isInteger(articles) || articles < 21) throw new BenchError('--articles takes a whole number of at least 21.')
  const startedAt = Date.now()
  const log = (line) => console.log(`[bench:collab ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${line}`)
  await assertPortFree(port, 'the app (server.mjs)')
  await assertPortFree(port + 5, "the server's inspector, for its heap")
  const loadAtStart = os.loadavg()[0]

  const distDir = values['dist-dir']
  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir }
  if (!values['skip-build']) {
    log(`Building into ${distDir} (next build).`)
    await buildForBench(distDir, baseEnv)
  }
  const env = {
    ...baseEnv,
    DATABASE_URL: '',
    COPYDESK_DATA_DIR: dataDir,
    COPYDESK_MEDIA_DIR: path.join(dataDir, 'media'),
    COPYDESK_SEED_DEMO: '',
  }
  log(`Seeding a fresh embedded database in ${dataDir} with ${articles} synthetic stories.`)
  freshDataDir(dataDir)
  await seed({ articles, env, label: 'embedded' })
  const stories = await pickStories({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') })

  log(`Starting the app (server.mjs) on port ${port}.`)
  const server = await startServer({
    port,
    env: { ...env, AUTH_SECRET: authSecret },
    logFile: path.join(dataDir, 'server.log'),
    label: 'embedded',
    inspectPort: port + 5,
  })
  const collab = await measureCollab({ server, stories: stories.openable, log })
  await server.stop()
  const loadAtEnd = os.loadavg()[0]
  console.log(`\n${collabMarkdown({ collab, load: { atStart: loadAtStart, atEnd: loadAtEnd, cpus: os.cpus().length } }).join('\n')}`)
  return 0
}
