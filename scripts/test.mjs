// `npm test`: every check the project has, in order, stopping at the first that fails.
// Prints a header and duration per step and ends with one line: "N passed, N failed".
// The three static checks run side by side (each uses one core); their output is printed in turn.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const bin = (name) => path.join('node_modules', '.bin', name)
const results = 'test-results'
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

// vitest.config.mts: most data test files share a process per worker; a few need their own.
const dataProjects = ['data', 'data-own-process']

// The end-to-end tests' build (about a minute on one core) runs beside the last data step, whose
// tests spend much of their time waiting on the database; the end-to-end step then uses it.
// The typecheck step has passed by then (steps stop at the first failure): the build skips its own.
const e2eBuild = {
  name: 'build for the end-to-end tests',
  command: process.execPath,
  args: ['scripts/e2e.mjs', '--build-only'],
  env: { COPYDESK_TYPES_CHECKED: '1' },
}

/**
 * `report` is a JSON report file the step writes, for counting its tests; `alongside` a command
 * started in the background with the step, and `needs` one that must have passed before it.
 */
const steps = [
  {
    name: 'typecheck, lint and format',
    together: [
      { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
      { name: 'lint', command: bin('eslint'), args: ['.'] },
      { name: 'format', command: bin('prettier'), args: ['--check', '.'] },
    ],
  },
  vitestStep('unit tests', ['unit'], 'vitest-unit.json', {}),
  {
    ...vitestStep('data tests on PGlite', dataProjects, 'vitest-data-pglite.json', { DATA_TEST_DRIVER: 'pglite' }),
    alongside: env.TEST_DATABASE_URL ? undefined : e2eBuild,
  },
  env.TEST_DATABASE_URL
    ? { ...vitestStep('data tests on PostgreSQL', dataProjects, 'vitest-data-pg.json', { DATA_TEST_DRIVER: 'pg' }, 3), alongside: e2eBuild }
    : { name: 'data tests on PostgreSQL', skip: 'TEST_DATABASE_URL not set' },
  {
    name: 'end-to-end tests',
    command: process.execPath,
    args: ['scripts/e2e.mjs'],
    env: { E2E_SKIP_BUILD: '1' },
    needs: e2eBuild,
    report: path.join(results, 'e2e.json'),
  },
]

/**
 * Two files at a time by default: Vitest's default on two cores is one, and each data file spends
 * much of its time creating its own database, which overlaps well. On PostgreSQL three: each file
 * then also waits on the server, and a third file took the step from 145 to 115 s (two cores).
 */
function vitestStep(name, projects, reportFile, extraEnv, workers = 2) {
  const report = path.join(results, reportFile)
  return {
    name,
    command: bin('vitest'),
    args: [
      'run',
      ...projects.flatMap((project) => ['--project', project]),
      `--maxWorkers=${workers}`,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    env: extraEnv,
    report,
  }
}

/** Runs the steps at once, each printing its output and time when it ends; the first failing code, or 0. */
async function runTogether(together) {
  const codes = await Promise.all(
    together.map(async (step) => {
      const started = performance.now()
      const output = []
      const code = await run(step.command, step.args, step.env, output)
      console.log(`--- ${step.name}: ${code === 0 ? 'passed' : `FAILED (exit code ${code})`} in ${seconds(started)}`)
      process.stdout.write(output.join(''))
      return code
    }),
  )
  return codes.find((code) => code !== 0) ?? 0
}

/** Starts a step in the background; `finish()` waits for it, prints its output and time, and answers its exit code. */
function startAlongside(step) {
  const started = performance.now()
  const output = []
  const children = []
  let took = ''
  const done = run(step.command, step.args, step.env, output, children).then((code) => {
    took = seconds(started)
    return code
  })
  return {
    finish: async () => {
      const code = await done
      console.log(`--- ${step.name} (run alongside): ${code === 0 ? 'passed' : `FAILED (exit code ${code})`} in ${took}`)
      process.stdout.write(output.join(''))
      return code
    },
    stop: () => children.forEach((child) => child.kill()),
  }
}

/** Runs a command; its output goes to this terminal, or into `output` when one is given. */
function run(command, args, stepEnv, output, children = []) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: output ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...env, ...stepEnv } })
    children.push(child)
    for (const stream of output ? [child.stdout, child.stderr] : []) stream.on('data', (chunk) => output.push(String(chunk)))
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`)
      resolve(1)
    })
    child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1)))
  })
}

/** Passed and failed test counts from a Vitest or Playwright JSON report; null when there is none. */
function countTests(report) {
  if (!report || !fs.existsSync(report)) return null
  const json = JSON.parse(fs.readFileSync(report, 'utf8'))
  if (json.stats) {
    // Playwright: "expected" passed, "unexpected" failed, "flaky" passed only on a retry.
    return { passed: json.stats.expected, failed: json.stats.unexpected + json.stats.flaky }
  }
  return { passed: json.numPassedTests, failed: json.numFailedTests }
}

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`

// Reports from an earlier run must not be counted in this one.
for (const step of steps) if (step.report) fs.rmSync(step.report, { force: true })

const totals = { passed: 0, failed: 0 }
let failedStep = null
/** Steps started alongside another (`alongside`), by step. */
const background = new Map()
const startedAll = performance.now()
for (const step of steps) {
  console.log(`\n=== ${step.name} ${'='.repeat(Math.max(0, 60 - step.name.length))}`)
  if (step.skip) {
    console.log(`${step.name}: skipped (${step.skip})`)
    continue
  }
  if (failedStep) {
    console.log(`${step.name}: not run (${failedStep} failed)`)
    continue
  }
  if (step.alongside) background.set(step.alongside, startAlongside(step.alongside))
  const neededCode = step.needs ? await background.get(step.needs).finish() : 0
  if (neededCode !== 0) {
    console.log(`${step.name}: not run (${step.needs.name} failed)`)
    failedStep = step.needs.name
    continue
  }
  const started = performance.now()
  const code = step.together ? await runTogether(step.together) : await run(step.command, step.args, step.env)
  const counts = countTests(step.report)
  if (counts) {
    totals.passed += counts.passed
    totals.failed += counts.failed
  }
  console.log(`--- ${step.name}: ${code === 0 ? 'passed' : `FAILED (exit code ${code})`} in ${seconds(started)}`)
  if (code !== 0) failedStep = step.name
}

// A run that stopped early does not wait for what it started alongside.
for (const step of background.values()) step.stop()

console.log(`\nAll steps took ${seconds(startedAll)}.${failedStep ? ` First failure: ${failedStep}.` : ''}`)
console.log(`${totals.passed} passed, ${totals.failed} failed`)
process.exitCode = failedStep ? 1 : 0
