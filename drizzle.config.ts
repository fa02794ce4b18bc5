import { defineConfig } from 'drizzle-kit'

// Only `drizzle-kit generate` is used: it reads the schema and writes SQL, and opens no database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
})
