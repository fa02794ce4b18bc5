// `npm run bench`: the performance harness of issue #7. Not a test: it measures and reports.
// Build → fresh embedded database with 10,000 stories → the app (server.mjs) → reader pages under load
// against two baselines, page weight, desk lists, publish-to-visible, the editor, memory → the
// story page through the shipped edge, as an nginx file and from the app alone (wrk) → the upload
// flood (bench/lib/upload-flood.mjs) → writing together (bench/lib/collab.mjs) → the desk again with the database grown to --desk-articles → (with BENCH_DATABASE_URL) the database-bound figures again on PostgreSQL → publish-to-visible
// through the edge with two instances on PostgreSQL → report.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { clusterPublish } from './lib/cluster-publish.mjs'
import { measureCollab } from './lib/collab.mjs'
import { checkPostgres, createThrowawayDatabase, freshDataDir, pickStories, seed } from './lib/database.mjs'
import { buildForBench } from './lib/build.mjs'
import { deskAtScale } from './lib/desk-at-scale.mjs'
import { measureEdge } from './lib/edge.mjs'
import { closeConnections } from './lib/http.mjs'
import { attempt, measureServer } from './lib/measure-server.mjs'
import { findNginx } from './lib/nginx.mjs'
import { parseOptions, usage } from './lib/options.mjs'
import { BenchError, assertPortFree, beginShutdown, cleanUp } from './lib/processes.mjs'
import { evaluateTargets, markdown } from './lib/report.mjs'
import { startServer } from './lib/server.mjs'
import { uploadFlood } from './lib/upload-flood.mjs'
import { findWrk } from './lib/wrk.mjs'

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
  await assertPortFree(options.port, 'the app (server.mjs)')
  await assertPortFree(options.port + 5, "the app's inspector (the heap per open document)")
  await assertPortFree(options.staticPort, 'static-file baseline')
  await assertPortFree(options.edgePort, 'edge')
  const pgUrl = process.env.BENCH_DATABASE_URL?.trim() || null
  if (pgUrl) await checkPostgres(pgUrl)
  const nginx = await findNginx({ install: options.install })
  if (nginx.note) notes.push(nginx.note)
  const loader = await findWrk({ install: options.install })
  if (loader.note) notes.push(loader.note)

  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir }
  for (const name of Object.keys(baseEnv)) if (name.startsWith('MEDIA_S3_')) delete baseEnv[name]
  const embeddedEnv = {
    ...baseEnv,
    DATABASE_URL: '',
    COPYDESK_DATA_DIR: dataDir,
    COPYDESK_MEDIA_DIR: path.join(dataDir, 'media'),
    COPYDESK_SEED_DEMO: '',
  }
  // The per-person upload limits raised, so that the upload flood measures the server, not the limits.
  const serverEnv = (env) => ({ ...env, AUTH_SECRET: authSecret, UPLOADS_PER_MINUTE: '1000', UPLOAD_MB_PER_DAY: '100000' })

  if (options.skipBuild) {
    if (!fs.existsSync(path.join(distDir, 'BUILD_ID')))
      throw new BenchError(`--skip-build, but there is no build in ${distDir} yet: run once without it.`)
    notes.push(`Build skipped (--skip-build): measured the existing ${distDir} build.`)
  } else {
    log(`Building into ${distDir} (next build).`)
    await buildForBench(distDir, baseEnv)
  }

  log(`Seeding a fresh embedded database in ${dataDir} with ${options.articles.toLocaleString('en-GB')} synthetic stories.`)
  freshDataDir(dataDir)
  const seeded = await seed({ articles: options.articles, env: embeddedEnv, label: 'embedded' })
  const stories = await pickStories({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') })
  log(
    `Seeded in ${seeded.seconds} s: ${stories.counts.articles.toLocaleString('en-GB')} stories, ${stories.counts.revisions.toLocaleString('en-GB')} revisions.`,
  )

  log(`Starting the app (server.mjs) on port ${options.port}.`)
  const server = await startServer({
    port: options.port,
    env: serverEnv(embeddedEnv),
    logFile: path.join(dataDir, 'server-embedded.log'),
    label: 'embedded',
    inspectPort: options.port + 5,
  })
  const embedded = await measureServer({ server, stories, options, log, failures, notes, nginx, withBaselines: true, withExtras: true })
  embedded.database = {
    driver: 'pglite',
    articles: stories.counts.articles,
    revisions: stories.counts.revisions,
    seedSeconds: seeded.seconds,
  }
  // Without nginx there is no edge: the reason goes in the report, not among the failures.
  const noEdge = nginx.binary ? null : `nginx is not installed (${nginx.note}): no edge to measure`
  const edge = noEdge
    ? { error: noEdge }
    : await attempt('Edge comparison', failures, () => measureEdge({ server, storyPath: stories.reader.path, options, nginx, loader, log }))
  let uploads = null
  if (options.skipUploads) notes.push('The upload flood skipped (--skip-uploads).')
  else {
    uploads = await attempt('Upload flood', failures, () =>
      uploadFlood({ base: server.base, pid: server.pid, storyPath: stories.reader.path, log }),
    )
  }
  let collab = null
  if (options.skipCollab) notes.push('Writing together skipped (--skip-collab).')
  else collab = await attempt('Writing together', failures, () => measureCollab({ server, stories: stories.openable, log }))
  await server.stop()

  const deskScale =
    options.deskArticles > stories.counts.articles
      ? await attempt('Desk at scale', failures, () =>
          deskAtScale({
            articles: options.deskArticles,
            have: stories.counts.articles,
            env: { seed: embeddedEnv, server: serverEnv(embeddedEnv) },
            port: options.port,
            logFile: path.join(dataDir, 'server-scale.log'),
            log,
          }),
        )
      : null
  if (!deskScale) notes.push('The desk at a larger archive was not measured (--desk-articles 0, or not above --articles).')

  let postgres = null
  if (pgUrl) {
    postgres = await attempt('PostgreSQL', failures, async () => {
      const database = await createThrowawayDatabase(pgUrl)
      const server = new URL(pgUrl)
      log(`PostgreSQL: seeding the throwaway database ${database.name} on ${server.hostname}:${server.port || 5432}.`)
      const pgEnv = { ...embeddedEnv, DATABASE_URL: database.url }
      const pgSeeded = await seed({ articles: options.articles, env: pgEnv, label: 'PostgreSQL' })
      const pgStories = await pickStories({ driver: 'pg', url: database.url })
      log(`PostgreSQL: seeded in ${pgSeeded.seconds} s; starting the app (server.mjs) on port ${options.port}.`)
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

  let cluster = null
  if (options.skipCluster) notes.push('Publish-to-visible through the edge with two instances skipped (--skip-cluster).')
  else if (noEdge) cluster = { skipped: `${noEdge}; publish-to-visible through the edge was not measured.` }
  else {
    cluster = await attempt('Publish to visible through the edge', failures, () =>
      clusterPublish({ edgePort: options.clusterPort, distDir, authSecret, log }),
    )
  }
  if (cluster?.skipped) notes.push(cluster.skipped)

  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: {
      duration: options.duration,
      articles: options.articles,
      port: options.port,
      staticPort: options.staticPort,
      edgePort: options.edgePort,
      clusterPort: options.clusterPort,
      skipBuild: options.skipBuild,
      skipCluster: options.skipCluster,
      skipUploads: options.skipUploads,
      skipCollab: options.skipCollab,
      deskArticles: options.deskArticles,
    },
    machine: machine(busy),
    notes,
    failures,
    embedded,
    edge,
    uploads,
    collab,
    deskAtScale: deskScale,
    postgres,
    cluster,
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
