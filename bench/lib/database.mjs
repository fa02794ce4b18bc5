// The bench's databases: a fresh embedded one in its own folder, or a throwaway database created
// on the PostgreSQL server of BENCH_DATABASE_URL and dropped afterwards. Seeding goes through the
// project's own `db:seed` command; a few read-only queries pick the stories to measure.
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import pg from 'pg'
import { BenchError, lastLine, onCleanup, run } from './processes.mjs'

const tsx = path.join('node_modules', '.bin', 'tsx')

/** Seeds the demo newsroom plus `articles` synthetic stories through `npm run db:seed`'s script. */
export async function seed({ articles, env, label }) {
  const started = performance.now()
  const result = await run(
    tsx,
    [
      '--conditions=react-server',
      'scripts/cli/seed.ts',
      '--articles',
      String(articles),
      ...(env.DATABASE_URL ? ['--allow-database-url'] : []),
    ],
    {
      env,
      capture: true,
      timeoutMs: 15 * 60_000,
    },
  )
  if (result.code !== 0) {
    throw new BenchError(
      `Seeding the ${label} database failed: ${lastLine(result.stderr) || lastLine(result.stdout) || `exit code ${result.code}`}`,
    )
  }
  return { seconds: Math.round((performance.now() - started) / 100) / 10, summary: lastLine(result.stdout) }
}

/** Empties the bench's embedded data folder (never any other). */
export function freshDataDir(dataDir) {
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
}

// The public address of a story is its section's path and its slug (`/regions/europe/<slug>`).
const storiesSql = `
with recursive trail(id, path) as (
  select id, '/' || slug from sections where parent_id is null
  union all
  select s.id, t.path || '/' || s.slug from sections s join trail t on s.parent_id = t.id
)
select a.id, a.version, a.section_id as "sectionId", t.path || '/' || a.slug as path, r.headline
from articles a
join trail t on t.id = a.section_id
join revisions r on r.id = a.published_revision_id
where a.status = 'published' and a.current_revision_id = a.published_revision_id
order by a.published_at desc, a.id desc
limit 2`

const countsSql = `select count(*)::int as articles, (select count(*)::int from revisions) as revisions from articles`

// Stories for the sync clients of the memory per open document (bench/lib/collab-memory.mjs), drafts first.
const openableSql = `select id, version from articles order by status = 'published', id limit 21`

/**
 * Two recently published stories with no pending changes: the first is measured under load, the
 * second is republished by the publish-to-visible loop. Also counts what the database holds, and
 * lists up to 21 stories (id, version) for the sync clients to open.
 */
export async function pickStories(target) {
  const rows = await query(target, [storiesSql, countsSql, openableSql])
  const [stories, counts, openable] = rows
  if (stories.length < 2) throw new BenchError('The seeded database has fewer than two published stories to measure.')
  return { reader: stories[0], publish: stories[1], counts: counts[0], openable }
}

async function query(target, statements) {
  if (target.driver === 'pglite') {
    const release = takeLock(target.dataDir)
    const client = new PGlite(target.dataDir, { extensions: { pg_trgm } })
    try {
      const results = []
      for (const statement of statements) results.push((await client.query(statement)).rows)
      return results
    } finally {
      await client.close()
      release()
    }
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    const results = []
    for (const statement of statements) results.push((await client.query(statement)).rows)
    return results
  } finally {
    await client.end()
  }
}

/** The project's lock protocol for an embedded data folder (db/lock.ts): refuse a folder in use. */
function takeLock(dataDir) {
  const lockPath = `${dataDir}.lock`
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
  } catch {
    throw new BenchError(`The bench's embedded database ${dataDir} is in use (${lockPath} exists): is another npm run bench running?`)
  }
  return () => fs.rmSync(lockPath, { force: true })
}

/** Checks BENCH_DATABASE_URL: a PostgreSQL URL whose server answers. Returns the parsed URL. */
export async function checkPostgres(raw) {
  let url
  try {
    url = new URL(raw)
  } catch {
    url = null
  }
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname) {
    throw new BenchError('BENCH_DATABASE_URL is not a PostgreSQL URL (expected postgres://user:password@host:5432/database).')
  }
  const client = new pg.Client({ connectionString: raw, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    throw new BenchError(
      `BENCH_DATABASE_URL does not answer: PostgreSQL at ${url.hostname}:${url.port || 5432} (${error.code ?? error.message}).`,
    )
  } finally {
    await client.end().catch(() => {})
  }
  return url
}

/**
 * Creates an empty database on BENCH_DATABASE_URL's server, named for this run, and registers
 * its removal. Only this database is ever written to or dropped.
 */
export async function createThrowawayDatabase(raw) {
  const name = `copydesk_bench_${Date.now()}_${process.pid}`
  await admin(raw, `create database ${name}`)
  const dropIt = onCleanup(async () => {
    await admin(raw, `drop database if exists ${name} with (force)`)
    console.log(`Dropped the throwaway database ${name}.`)
  })
  const url = new URL(raw)
  url.pathname = `/${name}`
  return { name, url: url.toString(), drop: dropIt }
}

async function admin(raw, statement) {
  const client = new pg.Client({ connectionString: raw, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
