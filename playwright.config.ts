import fs from 'node:fs'
import path from 'node:path'
import { defineConfig } from '@playwright/test'
import chromiumArgs from './scripts/chromium-args.json'
import debianChromiums from './scripts/chromium-paths.json'

// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const PORT = Number(process.env.E2E_PORT || 3100)

// scripts/e2e.mjs passes the Chromium it found (Debian's headless shell first); without one, Playwright uses its own download.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || debianChromiums.find((candidate) => fs.existsSync(candidate))

// A fresh directory per run: the server migrates it and seeds the demo newsroom on start.
const dataDir = path.join('.test-data', `e2e-${Date.now()}`)

/** Tells the desk's editor to save through the form alone (lib/collab/paths.ts `writeTogetherCookie`). */
const editAlone = {
  ...{ name: 'copydesk-write-together', value: 'off', domain: '127.0.0.1', path: '/' },
  ...{ expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' as const },
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e-artifacts',
  forbidOnly: Boolean(process.env.CI),
  // A retry would hide a flaky test; a failure must show.
  retries: 0,
  // Journeys of a dozen steps on a 2-core machine running the server too.
  timeout: 60_000,
  // What a user would see, not how fast: on two busy cores an autosave or a page can take more than
  // Playwright's default 5 s to show (seen in fresh-clone runs), and speed lives in `npm run bench`.
  // The machine itself can stop: in one run every process here, the server, the runner and its
  // workers alike, got no time for 5.1 s at once. A wait that passes passes as soon as it can.
  expect: { timeout: 20_000 },
  // Two at a time: the run is bound by the two cores' CPU, and a third worker only made each step
  // slower (a fresh-clone run with three had a 5-second expectation time out) for no shorter run
  // (another, with 210 tests, took 828 s against 827 s with two).
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A trace records every step of every test, and costs about a fifth of the run's time. CI
    // shows only the log, so it records none there; a local run keeps a failing test's trace.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    // Not the server's zone (UTC, below) nor the demo newsroom's (Beirut): the desk must show neither the browser's nor the server's clock.
    timezoneId: 'America/Sao_Paulo',
    launchOptions: {
      executablePath,
      // Offline, sandbox-free flags, shared with bench/editor-latency.mjs.
      args: chromiumArgs,
    },
  },
  projects: [
    // Signs the demo accounts in once and saves their sessions in e2e/.auth/ (e2e/auth.setup.ts).
    { name: 'setup', testMatch: /auth\.setup\.ts/, use: { browserName: 'chromium' } },
    // The specs of the form's own saving (autosave, merges, the device copy) edit alone, as a browser
    // does when the sync server cannot be reached; the e2e/writing-together*.spec.ts specs write together.
    {
      name: 'chromium',
      use: { browserName: 'chromium', storageState: { cookies: [editAlone], origins: [] } },
      dependencies: ['setup'],
      testIgnore: /cluster\//,
    },
    // The nginx edge in front of two instances on PostgreSQL: HTTP only, its own servers (e2e/cluster/cluster.ts).
    { name: 'cluster', testMatch: /cluster\/.*\.spec\.ts/ },
  ],
  webServer: {
    command: `node server.mjs --port ${PORT} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/login`,
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      TZ: 'UTC',
      NEXT_DIST_DIR: '.next-e2e',
      COPYDESK_DATA_DIR: dataDir,
      AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
      // Feeds, sitemaps and link previews carry absolute addresses: these are the server's own.
      SITE_URL: `http://127.0.0.1:${PORT}`,
      // Empty, so that a DATABASE_URL in the developer's shell cannot point the tests at a real database.
      DATABASE_URL: '',
    },
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM lets Next.js finish open requests and exit; exiting releases the data directory's lock.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
})
