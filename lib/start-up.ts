import 'server-only'
import { type DatabaseConfig, StartUpError, migrationsFolder } from '@/db/config'
import { type Db, checkConnection, getDatabaseConfig, getDb } from '@/db'
import { migrate } from '@/db/migrate'
import { edgeNodes } from './edge/nodes'
import { startEdgeRetries } from './edge/purges'
import { startCollab } from './collab/server'
import { authSecret, redisSettings, sessionLifetimes, smtpSettings, trustedProxyHops } from './env'
import { checkMediaIsShared, instanceName, listenToInstances } from './instances'
import { smtpSender, startMail } from './mail'
import { getMediaStorage } from './media/storage'
import { dropAllPages, dropPagesShowing } from './reader-cache'
import { forgetAllKeptValues, forgetKeptValues } from './kept-values'
import { announceChange, storyAsShown, storyChangeKeys } from './reader-changes'
import { startScheduler } from './scheduler'
import { startWebhooks } from './webhooks/queue'

// One scheduler per process, even when `next dev` reloads this module.
const holder = globalThis as typeof globalThis & {
  __copydeskStopScheduler?: () => Promise<void>
  __copydeskStopListening?: () => Promise<void>
  __copydeskStopEdgeRetries?: () => Promise<void>
  __copydeskStopMail?: () => Promise<void>
  __copydeskStopWebhooks?: () => Promise<void>
}

/**
 * Everything the server does once before it serves: check the settings, open the database,
 * migrate it, give an empty embedded database the demo newsroom, and start publishing
 * scheduled stories. A problem stops the process with one line that names it.
 */
/** Fills an empty database with the demo newsroom; says whether it did (`seed/demo.ts`). */
export type DemoSeeder = (db: Db) => Promise<{ created: boolean }>

export async function startUp(seedDemo: DemoSeeder): Promise<void> {
  try {
    authSecret()
    trustedProxyHops()
    sessionLifetimes()
    redisSettings()
    const smtp = smtpSettings()
    const edges = edgeNodes()
    const config = getDatabaseConfig()
    const db = getDb()
    await checkConnection(db, config)
    const { applied, seeded } = await prepareDatabase(db, config, seedDemo)
    if (applied.length > 0) console.log(`Copydesk: applied migrations ${applied.join(', ')}`)
    if (seeded) console.log('Copydesk: seeded the demo newsroom (demo accounts use the password copydesk-demo)')
    if (config.driver === 'pg') await listenToOtherInstances(db, config.url)
    if (edges.length > 0) holder.__copydeskStopEdgeRetries ??= startEdgeRetries(db)
    // Sends the notifications' mail and the daily digests, retrying what a failing server refused.
    if (smtp) holder.__copydeskStopMail ??= startMail(db, smtpSender(smtp))
    // The sync server for writing together, handed WebSocket upgrades by server.mjs.
    startCollab(db)
    // Sends the webhooks' deliveries, off every request's path, retrying what an endpoint did not take.
    holder.__copydeskStopWebhooks ??= startWebhooks(db)
    // Publishes scheduled stories, first catching up on any whose time passed while the app was down.
    holder.__copydeskStopScheduler ??= startScheduler(db, {
      onPublished: async (article, before) => {
        await announceChange(db, storyChangeKeys(article.id, before, await storyAsShown(db, article.id)))
      },
    })
  } catch (error) {
    const message =
      error instanceof StartUpError ? error.message : `Start-up failed: ${error instanceof Error ? error.message : String(error)}`
    console.error(`Copydesk cannot start: ${message}`)
    process.exit(1)
  }
}

/**
 * On PostgreSQL, several instances may share the database: each hears what the others changed
 * and drops those pages from its cache, and all of them must see the same media.
 */
async function listenToOtherInstances(db: Db, url: string): Promise<void> {
  const { location } = getMediaStorage()
  await checkMediaIsShared(db, location)
  holder.__copydeskStopListening ??= listenToInstances(url, {
    applicationName: instanceName(location),
    onKeys: (keys) => {
      dropPagesShowing(keys)
      forgetKeptValues(keys)
    },
    onMissed: () => {
      dropAllPages()
      forgetAllKeptValues()
    },
  })
}

/**
 * Migrates the database and seeds the demo newsroom into an empty embedded one. A PostgreSQL
 * database (`DATABASE_URL`) is never given the demo accounts, whose password is public, unless
 * `COPYDESK_SEED_DEMO=1` asks for them.
 */
export async function prepareDatabase(
  db: Db,
  config: DatabaseConfig,
  seedDemo: DemoSeeder,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ applied: string[]; seeded: boolean }> {
  const { applied } = await migrate(db, migrationsFolder)
  if (config.driver === 'pg' && env.COPYDESK_SEED_DEMO !== '1') return { applied, seeded: false }
  const { created } = await seedDemo(db)
  return { applied, seeded: created }
}
