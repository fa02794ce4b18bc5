import { runWithDatabase } from './run'

// No top-level await: tsx runs these files as CommonJS. runWithDatabase reports its own errors.
void runWithDatabase(async (_, { applied }) => {
  console.log(applied.length ? `Applied ${applied.join(', ')}.` : 'The database is up to date.')
})
