import path from 'node:path'
import { defineConfig } from 'vitest/config'

const notSources = ['**/node_modules/**', '**/.next*/**', 'e2e/**', '.test-data/**']

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    alias: { 'server-only': path.resolve(import.meta.dirname, 'test/server-only.ts') },
  },
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...notSources, '**/*.data.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'data',
          include: ['**/*.data.test.ts'],
          // On PGlite, one migrated database that every file's database is copied from.
          globalSetup: ['test/migrated-template.ts'],
          exclude: notSources,
          // Each file opens its own database; creating and migrating one takes seconds, more on PostgreSQL.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Images the demo seed stores go here, never into a developer's .data/media. Each file
          // opens its own database (db/testing.ts): code that reaches for the process's database
          // instead stops on this address at once, rather than opening a developer's .data.
          env: {
            COPYDESK_MEDIA_DIR: path.join('.test-data', 'data-test-media'),
            DATABASE_URL: 'data-tests-pass-their-own-database',
          },
        },
      },
    ],
  },
})
