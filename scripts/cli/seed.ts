import { type DatabaseConfig, databaseConfig } from '@/db/config'
import { parseSeedArgs, seedUsage } from '@/seed/cli-args'
import { seedDemo } from '@/seed/demo'
import { demoPassword, demoUsers } from '@/seed/newsroom'
import { demoStories } from '@/seed/stories'
import { seedSynthetic } from '@/seed/synthetic'
import { runWithDatabase } from './run'

// `npm run db:seed -- [--articles N] [--allow-database-url]`: migrates, seeds the demo newsroom
// when the database has no users, then optionally adds N synthetic stories for volume testing.

const help = `${seedUsage}

Migrates the database, gives it the demo newsroom when it has no users yet, and with
--articles adds that many generated stories. Uses COPYDESK_DATA_DIR (embedded, default .data),
or DATABASE_URL together with --allow-database-url.`

function main(): void {
  const parsed = parseSeedArgs(process.argv.slice(2))
  if (!parsed.ok) return fail(parsed.message)
  const { articles, allowDatabaseUrl, help: wantsHelp } = parsed.args
  if (wantsHelp) {
    console.log(help)
    return
  }
  if (process.env.DATABASE_URL?.trim() && !allowDatabaseUrl) {
    return fail(
      `DATABASE_URL is set: seeding would create the demo accounts, whose password "${demoPassword}" is public, on that PostgreSQL database. Run again with --allow-database-url if that is what you want.`,
    )
  }

  const started = performance.now()
  void runWithDatabase(async (db, { applied }) => {
    console.log(`Seeding ${describeTarget(databaseConfig())}.`)
    console.log(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}.` : 'Migrations: up to date.')

    const { created } = await seedDemo(db)
    console.log(
      created
        ? `Demo newsroom: created ${Object.keys(demoUsers).length} accounts (password ${demoPassword}) and ${demoStories.length} stories.`
        : 'Demo newsroom: the database already has users, so it was left as it is.',
    )
    if (articles !== null) await seedSynthetic(db, { articles, onProgress: progressReporter(articles) })

    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const added = articles === null ? '' : `, ${formatCount(articles)} synthetic stories added`
    console.log(`Done in ${seconds} s: demo newsroom ${created ? 'created' : 'already there'}${added}.`)
  })
}

function fail(message: string): void {
  console.error(message)
  process.exitCode = 1
}

function describeTarget(config: DatabaseConfig): string {
  if (config.driver === 'pglite') return `the embedded database in ${config.dataDir}`
  if (config.driver === 'memory') return 'an in-memory database (gone when this command ends)'
  const url = new URL(config.url)
  // The URL may hold a password: name the server and database only.
  return `the PostgreSQL database ${url.pathname.slice(1)} on ${url.hostname}:${url.port || 5432}`
}

/** One updating line on a terminal; a line per tenth in a log. */
function progressReporter(total: number): (done: number) => void {
  const started = performance.now()
  const step = Math.max(1, Math.ceil(total / 10))
  let nextLine = step
  return (done) => {
    const line = `Synthetic stories: ${formatCount(done)} / ${formatCount(total)} (${((performance.now() - started) / 1000).toFixed(1)} s)`
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${line}${done === total ? '\n' : ''}`)
    } else if (done >= nextLine || done === total) {
      console.log(line)
      nextLine = done + step - (done % step)
    }
  }
}

function formatCount(count: number): string {
  return count.toLocaleString('en-GB')
}

main()
