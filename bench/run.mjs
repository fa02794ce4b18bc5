// `npm run bench`: the performance harness of issue #7. Not a test: it measures and reports.
// Build → fresh embedded database with 10,000 stories → next start → reader pages under load
// against two baselines, page weight, desk lists, publish-to-visible, the editor, memory →
// (with BENCH_DATABASE_URL) the database-bound figures again on PostgreSQL → report.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { weighPage } from './lib/bytes.mjs'
import { checkPostgres, createThrowawayDatabase, freshDataDir, pickStories, seed } from './lib/database.mjs'
import { deskCases, measureDesk } from './lib/desk.mjs'
import { editorLatency } from './lib/editor.mjs'
import { closeConnections } from './lib/http.mjs'
import { measure, probe } from './lib/load.mjs'
import { findNginx, serveStatic } from './lib/nginx.mjs'
import { parseOptions, usage } from './lib/options.mjs'
import { BenchError, assertPortFree, beginShutdown, cleanUp, onCleanup, run } from './lib/processes.mjs'
import { publishToVisible } from './lib/publish.mjs'
import { evaluateTargets, markdown } from './lib/report.mjs'
import { startServer } from './lib/server.mjs'
import { signIn } from './lib/sign-in.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

const distDir = '.next-bench'
const dataDir = '.bench-data'
const resultsFile = path.join('bench', 'results', 'latest.json')
// Only for this throwaway server; never a production secret.
const authSecret = 'copydesk-bench-secret-not-for-production-0123456789'

let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // A second Ctrl-C does not wait: the exit handler kills every process group left.
    if (interrupted) process.exit(130)
    interrupted = true
    beginShutdown()
    console.error(`\nInterrupted (${signal}): stopping the bench's servers and removing what it created.`)
    void cleanUp().finally(() => {
      closeConnections()
      process.exit(signal === 'SIGINT' ? 130 : 143)
    })
  })
}

try {
  process.exitCode = await main()
} catch (error) {
  if (!interrupted) {
    console.error(error instanceof BenchError ? `bench: ${error.message}` : error)
    process.exitCode = 1
  }
} finally {
  if (!interrupted) {
    await cleanUp()
    closeConnections()
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  if (options.help) {
    console.log(usage)
    return 0
  }
  const startedAt = new Date()
  const notes = []
  const failures = []
  // Once interrupted, the steps still unwinding have nothing useful to say.
  const log = (line) =>
    !interrupted && console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(3)} s] ${line}`)

  const busy = os.loadavg()[0]
  if (busy > os.cpus().length / 2) {
    notes.push(
      `The machine was busy when the run started (load average ${busy.toFixed(1)} on ${os.cpus().length} CPUs): expect noisier figures; the ratios to the baselines suffer least.`,
    )
  }
  if (process.env.DATABASE_URL?.trim()) {
    notes.push('DATABASE_URL is ignored: the bench only uses databases it creates (set BENCH_DATABASE_URL for PostgreSQL).')
  }
  await assertPortFree(options.port, 'next start')
  await assertPortFree(options.staticPort, 'static-file baseline')
  const pgUrl = process.env.BENCH_DATABASE_URL?.trim() || null
  if (pgUrl) await checkPostgres(pgUrl)
  const nginx = await findNginx({ install: options.install })
  if (nginx.note) notes.push(nginx.note)

  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir }
  for (const name of Object.keys(baseEnv)) if (name.startsWith('MEDIA_S3_')) delete baseEnv[name]
  const embeddedEnv = {
    ...baseEnv,
    DATABASE_URL: '',
    COPYDESK_DATA_DIR: dataDir,
    COPYDESK_MEDIA_DIR: path.join(dataDir, 'media'),
    COPYDESK_SEED_DEMO: '',
  }
  const serverEnv = (env) => ({ ...env, AUTH_SECRET: authSecret })

  if (options.skipBuild) {
    if (!fs.existsSync(path.join(distDir, 'BUILD_ID')))
      throw new BenchError(`--skip-build, but there is no build in ${distDir} yet: run once without it.`)
    notes.push(`Build skipped (--skip-build): measured the existing ${distDir} build.`)
  } else {
    log(`Building into ${distDir} (next build).`)
    // The build gets an in-memory database: it must never open the bench's (or anyone's) folder.
    // Also undone when the run is interrupted during the build.
    const undo = onCleanup(undoBuildEdits())
    const built = await run(path.join('node_modules', '.bin', 'next'), ['build'], {
      env: { ...baseEnv, DATABASE_URL: '', COPYDESK_DATA_DIR: 'memory://' },
    })
    await undo()
    if (built.code !== 0) throw new BenchError("The build failed (next build's output is above); nothing was measured.")
  }

  log(`Seeding a fresh embedded database in ${dataDir} with ${options.articles.toLocaleString('en-GB')} synthetic stories.`)
  freshDataDir(dataDir)
  const seeded = await seed({ articles: options.articles, env: embeddedEnv, label: 'embedded' })
  const stories = await pickStories({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') })
  log(
    `Seeded in ${seeded.seconds} s: ${stories.counts.articles.toLocaleString('en-GB')} stories, ${stories.counts.revisions.toLocaleString('en-GB')} revisions.`,
  )

  log(`Starting next start on port ${options.port}.`)
  const server = await startServer({
    port: options.port,
    env: serverEnv(embeddedEnv),
    logFile: path.join(dataDir, 'server-embedded.log'),
    label: 'embedded',
  })
  const embedded = await measureServer({ server, stories, options, log, failures, notes, nginx, withBaselines: true, withExtras: true })
  embedded.database = {
    driver: 'pglite',
    articles: stories.counts.articles,
    revisions: stories.counts.revisions,
    seedSeconds: seeded.seconds,
  }
  await server.stop()

  let postgres = null
  if (pgUrl) {
    postgres = await attempt('PostgreSQL', failures, async () => {
      const database = await createThrowawayDatabase(pgUrl)
      const server = new URL(pgUrl)
      log(`PostgreSQL: seeding the throwaway database ${database.name} on ${server.hostname}:${server.port || 5432}.`)
      const pgEnv = { ...embeddedEnv, DATABASE_URL: database.url }
      const pgSeeded = await seed({ articles: options.articles, env: pgEnv, label: 'PostgreSQL' })
      const pgStories = await pickStories({ driver: 'pg', url: database.url })
      log(`PostgreSQL: seeded in ${pgSeeded.seconds} s; starting next start on port ${options.port}.`)
      const pgServer = await startServer({
        port: options.port,
        env: serverEnv(pgEnv),
        logFile: path.join(dataDir, 'server-postgres.log'),
        label: 'PostgreSQL',
      })
      const measured = await measureServer({
        server: pgServer,
        stories: pgStories,
        options,
        log,
        failures,
        notes,
        nginx,
        withBaselines: false,
        withExtras: false,
      })
      await pgServer.stop()
      await database.drop()
      return {
        ...measured,
        server: `${server.hostname}:${server.port || 5432}`,
        database: {
          driver: 'pg',
          name: database.name,
          articles: pgStories.counts.articles,
          revisions: pgStories.counts.revisions,
          seedSeconds: pgSeeded.seconds,
        },
      }
    })
  }

  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: {
      duration: options.duration,
      articles: options.articles,
      port: options.port,
      staticPort: options.staticPort,
      skipBuild: options.skipBuild,
    },
    machine: machine(busy),
    notes,
    failures,
    embedded,
    postgres,
  }
  results.targets = evaluateTargets(results)
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true })
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`)
  log(`Done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s; results in ${resultsFile}.`)
  console.log(`\n${markdown(results)}\n`)
  if (failures.length > 0) {
    console.error(`bench: ${failures.length} measurement(s) could not be taken: ${failures.join(' · ')}`)
    return 1
  }
  return 0
}

/** Runs one part of the measurement; a failure is recorded and the run goes on. */
async function attempt(label, failures, task) {
  try {
    return await task()
  } catch (error) {
    if (interrupted) throw error
    const message = error instanceof Error ? error.message : String(error)
    failures.push(`${label}: ${message}`)
    console.error(`bench: ${label} failed: ${message}`)
    return { error: message }
  }
}

/** Everything measured against one running server. */
async function measureServer({ server, stories, options, log, failures, notes, nginx, withBaselines, withExtras }) {
  const { base, memory } = server
  const story = stories.reader
  const section = `/${story.path.split('/')[1]}`
  const pages = [
    { key: 'story', label: 'Story page', path: story.path },
    { key: 'home', label: 'Home', path: '/' },
    { key: 'section', label: 'Section page', path: section },
    { key: 'search', label: 'Search', path: '/search?q=harbour' },
    { key: 'feed', label: 'Feed', path: '/feed.xml' },
  ].filter((page) => withExtras || page.key === 'story' || page.key === 'search')
  const connectionLevels = [10, 50]
  const result = { stories: { reader: story, publish: { id: stories.publish.id, path: stories.publish.path } } }

  const loadOne = async (target) => {
    const first = await probe(`${target.base ?? base}${target.path}`)
    const entry = { key: target.key, label: target.label, path: target.path, state: first.state, status: first.status }
    if (first.state !== 'ok') {
      entry.message = first.message
      if (first.state === 'error') failures.push(`${target.label} ${target.path}: ${first.message}`)
      log(`${target.label} ${target.path}: ${first.state === 'missing' ? 'missing (404), not measured' : first.message}`)
      return { entry, body: null }
    }
    entry.runs = {}
    for (const connections of connectionLevels) {
      log(`${target.label} ${target.path}: ${connections} connections, ${options.duration} s.`)
      entry.runs[connections] = await measure(`${target.base ?? base}${target.path}`, { connections, duration: options.duration })
    }
    return { entry, body: first.body }
  }

  memory.phase('load')
  const storyProbe = await probe(`${base}${story.path}`)
  if (withBaselines) {
    result.baselines = {}
    // The static-file server first: if it cannot start, the run stops before the long part.
    if (storyProbe.state === 'ok') {
      const staticServer = await serveStatic({ html: storyProbe.body, port: options.staticPort, nginx: nginx.binary })
      const label =
        staticServer.server === 'nginx'
          ? `story HTML as a file, nginx ${staticServer.version}, 1 worker`
          : 'story HTML as a file, Node static server (no nginx)'
      const measured = (await loadOne({ key: 'static', label, path: '/story.html', base: `http://127.0.0.1:${options.staticPort}` })).entry
      result.baselines.static = { ...measured, server: staticServer.server, version: staticServer.version }
      await staticServer.stop()
    } else {
      result.baselines.static = {
        key: 'static',
        label: 'story HTML as a file',
        path: '/story.html',
        state: 'error',
        message: 'the story page could not be fetched',
        server: nginx.binary ? 'nginx' : 'node',
      }
    }
    let robots = { key: 'robots', label: 'robots.txt (same server)', path: '/robots.txt' }
    if ((await probe(`${base}/robots.txt`)).state === 'missing') {
      const fallback = smallestPublicFile()
      notes.push(`/robots.txt is missing (404): the same-server static baseline is ${fallback}, a file from public/.`)
      robots = { key: 'robots', label: `${fallback} (same server; robots.txt missing)`, path: fallback }
    }
    result.baselines.robots = (await loadOne(robots)).entry
  }

  result.reader = []
  const bodies = {}
  for (const page of pages) {
    const { entry, body } = await loadOne(page)
    result.reader.push(entry)
    if (body) bodies[page.key] = body
  }

  if (withExtras) {
    memory.phase('other')
    log('Page weight.')
    result.bytes = await attempt('Page weight', failures, async () => {
      const cache = new Map()
      const routes = []
      for (const page of pages.filter((page) => page.key !== 'feed')) {
        const body = bodies[page.key]
        if (!body) {
          routes.push({ key: page.key, label: page.label, path: page.path, error: 'missing' })
          continue
        }
        routes.push({ key: page.key, label: page.label, path: page.path, ...(await weighPage(`${base}${page.path}`, body, cache)) })
      }
      return { gzip: 'zlib level 6, each file on its own', routes }
    })
  }

  log('Signing in as editor@copydesk.test and writer@copydesk.test.')
  const jars = await attempt('Sign-in', failures, async () => ({
    editor: await signIn(base, 'editor@copydesk.test'),
    writer: await signIn(base, 'writer@copydesk.test'),
  }))
  if (!jars.error) {
    memory.phase('desk')
    log('Desk lists: 3 × 100–120 sequential requests.')
    result.desk = await attempt('Desk lists', failures, async () => ({
      method: 'HTTP GET of the whole /desk page with a signed-in cookie, one request at a time (server time plus loopback)',
      lists: await measureDesk(base, deskCases({ editorJar: jars.editor, writerJar: jars.writer, sectionId: story.sectionId })),
    }))
    memory.phase('publish')
    log(`Publish to visible: 20 rounds on ${stories.publish.path}.`)
    result.publish = await attempt('Publish to visible', failures, () =>
      publishToVisible({ base, jar: jars.editor, story: stories.publish, rounds: 20 }),
    )
  } else {
    result.desk = { error: jars.error }
    result.publish = { error: jars.error }
  }

  if (withExtras) {
    if (options.skipEditor) {
      result.editor = { state: 'skipped', message: '--skip-editor' }
    } else {
      memory.phase('editor')
      log('Editor key-to-paint (bench/editor-latency.mjs, Chromium).')
      result.editor = await editorLatency(base)
      if (result.editor.state === 'error') failures.push(`Editor: ${result.editor.message}`)
    }
  }
  result.memory = memory.report()
  return result
}

/**
 * `next build` adds its dist dir's type folders to tsconfig.json and points next-env.d.ts at
 * them. Those files are shared with everyone working in the checkout: take back exactly what the
 * bench's build added (and nothing anyone else changed meanwhile).
 */
function undoBuildEdits() {
  const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null)
  const tsconfigBefore = read('tsconfig.json')
  const nextEnvBefore = read('next-env.d.ts')
  return () => {
    const tsconfig = read('tsconfig.json')
    if (tsconfigBefore !== null && tsconfig !== null && !tsconfigBefore.includes(`${distDir}/`)) {
      const restored = tsconfig.replace(new RegExp(`,\\s*"\\${distDir}/(dev/)?types/\\*\\*/\\*\\.ts"`, 'g'), '')
      if (restored !== tsconfig) fs.writeFileSync('tsconfig.json', restored)
    }
    const nextEnv = read('next-env.d.ts')
    if (nextEnvBefore !== null && nextEnv !== null && nextEnv.includes(`./${distDir}/`) && !nextEnvBefore.includes(`./${distDir}/`)) {
      fs.writeFileSync('next-env.d.ts', nextEnvBefore)
    }
  }
}

/** The smallest file in public/, as a path on the site: a static file the server serves itself. */
function smallestPublicFile() {
  const files = []
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else files.push({ path: `/${path.relative('public', full).split(path.sep).join('/')}`, size: fs.statSync(full).size })
    }
  }
  if (fs.existsSync('public')) walk('public')
  files.sort((a, b) => a.size - b.size)
  return files[0]?.path ?? '/favicon.ico'
}

function machine(loadAverageAtStart) {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
      return ''
    }
  }
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown'
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== ''
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU',
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart,
    commit: dirty ? `${commit} + uncommitted changes` : commit,
  }
}
