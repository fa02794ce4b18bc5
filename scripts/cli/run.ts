import { StartUpError, databaseConfig, migrationsFolder } from '@/db/config'
import { type Db, checkConnection, openDatabase } from '@/db'
import { migrate } from '@/db/migrate'

/**
 * Runs a command-line task on a migrated database and closes it. A problem a person must fix
 * (StartUpError, or a usage error) is printed as one line, with exit code 1.
 */
export async function runWithDatabase(task: (db: Db, migrated: { applied: string[] }) => Promise<void>): Promise<void> {
  let close: (() => Promise<void>) | undefined
  try {
    const config = databaseConfig()
    const connection = openDatabase(config)
    close = connection.close
    await checkConnection(connection.db, config)
    const migrated = await migrate(connection.db, migrationsFolder)
    await task(connection.db, migrated)
  } catch (error) {
    console.error(error instanceof StartUpError || error instanceof UsageError ? error.message : error)
    process.exitCode = 1
  } finally {
    await close?.()
  }
}

/** A wrong argument on the command line. */
export class UsageError extends Error {
  override name = 'UsageError'
}
