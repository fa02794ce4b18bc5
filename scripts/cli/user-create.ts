import { runWithDatabase } from './run'
import { createUserFromArgs } from './user-create-task'

// No top-level await: tsx runs these files as CommonJS. runWithDatabase reports its own errors.
void runWithDatabase(async (db) => {
  for (const line of await createUserFromArgs(db, process.argv.slice(2))) console.log(line)
})
