import path from 'node:path'
import { type TestProjectInlineConfiguration, defineConfig } from 'vitest/config'

const notSources = ['**/node_modules/**', '**/.next*/**', 'e2e/**', '.test-data/**']

// Data test files that mock a module or set the process's database: each runs in a process of its own.
const ownProcess = ['app/desk/text-routes.data.test.ts', 'lib/desk-kept-request.data.test.ts']

/** A project of data tests: each file opens its own database (db/testing.ts). */
function dataProject(name: string, files: { include: string[]; exclude: string[]; isolate?: boolean }): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name,
      ...files,
      // On PGlite, one migrated database that every file's database is copied from.
      globalSetup: ['test/migrated-template.ts'],
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
  }
}

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
          // One module graph per worker for all its files, as for the data tests: importing the
          // editor's and the app's modules once per worker instead of once per file halves the step.
          // Files therefore restore what they change (vi.unstubAllEnvs, vi.useRealTimers).
          isolate: false,
        },
      },
      dataProject('data', {
        include: ['**/*.data.test.ts'],
        exclude: [...notSources, ...ownProcess],
        // One process per worker for all its files: importing the app's modules (and PGlite's
        // WebAssembly) once per worker instead of once per file halves the run. Files therefore
        // pass their own database everywhere and restore any setting they change (vi.stubEnv).
        isolate: false,
      }),
      dataProject('data-own-process', { include: ownProcess, exclude: notSources }),
    ],
  },
})
