import 'server-only'
import { StartUpError, migrationsFolder } from '@/db/config'
import { checkConnection, getDatabaseConfig, getDb } from '@/db'
import { migrate } from '@/db/migrate'
import { seedDemo } from '@/db/seed/demo'
import { authSecret } from './env'
import { askServerToRefresh, pathsShowingStory } from './public-pages'
import { startScheduler } from './scheduler'

// One scheduler per process, even when `next dev` reloads this module.
const holder = globalThis as typeof globalThis & { __copydeskStopScheduler?: () => Promise<void> }

/**
 * Everything the server does once before it serves: check the settings, open the database,
 * migrate it, give an empty embedded database the demo newsroom, and start publishing
 * scheduled stories. A problem stops the process with one line that names it.
 */
export async function startUp(): Promise<void> {
  try {
    const config = getDatabaseConfig()
    authSecret()
    const db = getDb()
    await checkConnection(db, config)
    const { applied } = await migrate(db, migrationsFolder)
    if (applied.length > 0) console.log(`Copydesk: applied migrations ${applied.join(', ')}`)
    if (config.driver !== 'pg' || process.env.COPYDESK_SEED_DEMO === '1') {
      const { created } = await seedDemo(db)
      if (created) console.log('Copydesk: seeded the demo newsroom (demo accounts use the password copydesk-demo)')
    }
    // Publishes scheduled stories, first catching up on any whose time passed while the app was down.
    holder.__copydeskStopScheduler ??= startScheduler(db, {
      onPublished: async (article) => askServerToRefresh([...article.oldPaths, ...(await pathsShowingStory(db, article.id))]),
    })
  } catch (error) {
    const message = error instanceof StartUpError ? error.message : `Start-up failed: ${error instanceof Error ? error.message : String(error)}`
    console.error(`Copydesk cannot start: ${message}`)
    process.exit(1)
  }
}
