// `npm run test:e2e [-- playwright args]`: builds the app into its own dist dir (a developer's
// `.next` and running server stay untouched), finds Chromium, then runs Playwright, which starts
// `next start` on port 3100 with a fresh data directory (see playwright.config.ts).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

// Debian's headless shell first: the tests need no window, and it costs a third of the full
// browser's CPU (measured on the desk, editor, reader and trash specs). The full browser otherwise.
const debianChromiums = JSON.parse(fs.readFileSync(new URL('./chromium-paths.json', import.meta.url), 'utf8'))
const bin = (name) => path.join('node_modules', '.bin', name)
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

function run(command, args, stepEnv = env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: stepEnv })
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`)
      resolve(1)
    })
    child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1)))
  })
}

function stop(message) {
  console.error(`\n${message}`)
  process.exit(1)
}

/** The Chromium to use: a path, or null for the one Playwright downloaded itself. */
async function findChromium() {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH
  if (configured) {
    if (!fs.existsSync(configured)) stop(`PLAYWRIGHT_CHROMIUM_PATH is ${configured}, which does not exist.`)
    return configured
  }
  const installed = debianChromiums.find((candidate) => fs.existsSync(candidate))
  if (installed) return installed
  if (process.getuid?.() === 0) {
    console.log("Chromium is missing; installing Debian's headless shell.")
    if ((await run('apt-get', ['update'])) === 0 && (await run('apt-get', ['install', '-y', 'chromium-headless-shell'])) === 0) {
      return debianChromiums[0]
    }
  } else {
    console.log("Chromium is missing; trying Playwright's own download.")
    if ((await run(bin('playwright'), ['install', 'chromium'])) === 0) return null
  }
  return stop(
    `Chromium is not installed. Install it with:\n  sudo apt-get install -y chromium-headless-shell\nor point PLAYWRIGHT_CHROMIUM_PATH at a Chromium binary.`,
  )
}

if (process.env.E2E_SKIP_BUILD === '1') {
  if (!fs.existsSync('.next-e2e/BUILD_ID')) stop('E2E_SKIP_BUILD=1, but there is no .next-e2e build yet: run once without it.')
  console.log('Build skipped (E2E_SKIP_BUILD=1): testing the existing .next-e2e build.')
} else {
  // The build must not open a developer's database: it gets an in-memory one, never .data.
  const buildEnv = { ...env, NEXT_DIST_DIR: '.next-e2e', COPYDESK_DATA_DIR: 'memory://', DATABASE_URL: '' }
  if ((await run(bin('next'), ['build'], buildEnv)) !== 0) stop('The build for the end-to-end tests failed.')
}
// `--build-only`: scripts/test.mjs builds while the data tests run, then tests with E2E_SKIP_BUILD=1.
if (process.argv[2] === '--build-only') process.exit(0)

const chromium = await findChromium()
console.log(`Chromium: ${chromium ?? "Playwright's download"}`)

// Only the last run's server data is kept (for looking into a failure); older runs go.
const testData = '.test-data'
for (const entry of fs.existsSync(testData) ? fs.readdirSync(testData) : []) {
  if (entry.startsWith('e2e-')) fs.rmSync(path.join(testData, entry), { recursive: true, force: true })
}

const playwrightEnv = chromium ? { ...env, PLAYWRIGHT_CHROMIUM_PATH: chromium } : env
process.exitCode = await run(bin('playwright'), ['test', ...process.argv.slice(2)], playwrightEnv)
