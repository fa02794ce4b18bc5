// Two or more builds of the app compared on the desk lists, side by side on a shared machine:
// each build runs at once on its own copy of one database, and the requests take turns one by one
// (A, B, A, B …), so that whatever else the machine does falls on every build alike. Reports, per
// list of the bench (bench/lib/desk.mjs), the server's CPU per request (utime + stime of its
// processes from /proc) beside p50 and p95.
//
//   node bench/desk-ab.mjs [--samples 150] [--port 3250] [--search | --changing] <distDir>:<dataDir> <distDir>:<dataDir> …
//
// Each server is warmed up first (bench/lib/desk.mjs `warmUpDesk`), on queries none of the measured ones repeats.
// With --search, the desk's search instead (bench/lib/desk.mjs `searchCases`): a new query each request.
// With --changing, the editor autosaves a story before each view (`deskChanger`), so that every view
// finds the desk changed and nothing kept, as in a newsroom where someone is typing; the CPU per
// request then counts that save too. One build alone is measured the same way.
//
// Each <dataDir> is a COPYDESK_DATA_DIR seeded alike (`npm run db:seed -- --articles 10000`, then
// `cp -a`); each <distDir> a build (`NEXT_DIST_DIR=<distDir> npx next build`). An absolute <distDir>
// runs from the checkout it is in (/tmp/main/.next-a: server.mjs, migrations and all of /tmp/main),
// so that each build has its own migrations and database triggers; a relative one, from here.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { deskCases, deskChanger, searchCases, warmUpDesk } from './lib/desk.mjs'
import { closeConnections, request } from './lib/http.mjs'
import { descendants, startServer } from './lib/server.mjs'
import { signIn } from './lib/sign-in.mjs'
import { summarize } from './lib/stats.mjs'

// Only for these throwaway servers; never a production secret.
const authSecret = 'copydesk-bench-secret-not-for-production-0123456789'
const ticksPerSecond = 100

const { values, positionals } = parseArgs({
  options: {
    samples: { type: 'string', default: '150' },
    port: { type: 'string', default: '3250' },
    search: { type: 'boolean', default: false },
    changing: { type: 'boolean', default: false },
  },
  allowPositionals: true,
})
const samples = Number(values.samples)
const firstPort = Number(values.port)
const builds = positionals.map((spec) => {
  const [distDir, dataDir] = spec.split(':')
  return { distDir, dataDir, cwd: distDir && path.isAbsolute(distDir) ? path.dirname(distDir) : undefined }
})
if (builds.length < 1 || builds.some((build) => !build.distDir || !build.dataDir) || !(samples > 0)) {
  console.error('usage: node bench/desk-ab.mjs [--samples 150] [--port 3250] [--search | --changing] <distDir>:<dataDir> …')
  process.exit(1)
}

/** CPU time so far of a process and every process under it, in ms. */
function cpuMs(rootPid) {
  let ticks = 0
  for (const pid of descendants(rootPid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // The process ended while we looked.
    }
  }
  return (ticks * 1000) / ticksPerSecond
}

/** A change before each view (`--changing`): to the first story the review queue lists. */
async function reviewStoryChanger(base, jar, sectionId) {
  const queue = await request(`${base}/desk?queue=review`, { jar })
  const articleId = /\/desk\/articles\/(\d+)/.exec(queue.body)?.[1]
  return deskChanger({ base, jar, articleId, sectionId })
}

const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]

const servers = []
try {
  for (const [index, { distDir, dataDir, cwd }] of builds.entries()) {
    const server = await startServer({
      port: firstPort + index,
      cwd,
      label: distDir,
      logFile: `${dataDir}/desk-ab-server.log`,
      env: {
        ...process.env,
        NEXT_DIST_DIR: cwd ? path.basename(distDir) : distDir,
        DATABASE_URL: '',
        COPYDESK_DATA_DIR: dataDir,
        COPYDESK_MEDIA_DIR: `${dataDir}/media`,
        COPYDESK_SEED_DEMO: '',
        AUTH_SECRET: authSecret,
      },
    })
    servers.push(server)
    const editorJar = await signIn(server.base, 'editor@copydesk.test')
    const writerJar = await signIn(server.base, 'writer@copydesk.test')
    // The filter's section: the first one the desk's own form offers.
    const form = await request(`${server.base}/desk?queue=all`, { jar: editorJar })
    const sectionId = /name="sectionId"[^]*?<option value="(\d+)"/.exec(form.body)?.[1]
    server.cases = values.search ? searchCases({ editorJar, writerJar }) : deskCases({ editorJar, writerJar, sectionId })
    server.change = values.changing ? await reviewStoryChanger(server.base, editorJar, Number(sectionId)) : null
    await warmUpDesk(server.base, server.cases, { beforeEach: server.change })
  }
  console.log(`${samples} requests per list and build, taking turns; load at the start ${load()}`)
  for (let caseIndex = 0; caseIndex < servers[0].cases.length; caseIndex++) {
    // A search case's query is a function of the request's index: a new search every time.
    const url = (server, index) => {
      const { query } = server.cases[caseIndex]
      return `${server.base}/desk?${typeof query === 'function' ? query(index) : query}`
    }
    const times = servers.map(() => [])
    // The whole run's CPU of each server (idle otherwise), so that work finished after an answer counts too.
    const cpuBefore = servers.map((server) => cpuMs(server.pid))
    for (let index = 0; index < samples; index++) {
      for (const [serverIndex, server] of servers.entries()) {
        await server.change?.()
        const answer = await request(url(server, index), { jar: server.cases[caseIndex].jar })
        if (answer.status !== 200) throw new Error(`${url(server, index)} answered ${answer.status}`)
        times[serverIndex].push(answer.ms)
      }
    }
    const cpu = servers.map((server, serverIndex) => cpuMs(server.pid) - cpuBefore[serverIndex])
    for (const [serverIndex, build] of builds.entries()) {
      const { p50, p95 } = summarize(times[serverIndex])
      const perRequest = (cpu[serverIndex] / samples).toFixed(1)
      console.log(
        `${servers[0].cases[caseIndex].key.padEnd(9)} ${build.distDir.padEnd(24)} CPU ${perRequest} ms/request, p50 ${p50}, p95 ${p95} ms`,
      )
    }
    console.log(`  load ${load()}`)
  }
} finally {
  for (const server of servers) await server.stop()
  closeConnections()
}
