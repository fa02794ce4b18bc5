// The command line of `npm run bench -- [options]`.
import { parseArgs } from 'node:util'
import { BenchError } from './processes.mjs'

export const usage = `Usage: npm run bench -- [--duration S] [--articles N] [--desk-articles N] [--port P] [--static-port P] [--edge-port P]
  [--cluster-port P] [--skip-build] [--skip-editor] [--skip-cluster] [--skip-uploads] [--skip-collab] [--no-install]

Builds the app into .next-bench, seeds a fresh embedded database in .bench-data with N synthetic
stories (default 10,000), starts the app (server.mjs) on --port (default 3200) and measures reader pages
(S seconds per run, default 10), publish-to-visible, desk lists, the editor, page weight and
memory, against the same server's /robots.txt and the story page served as a static file by
nginx on --static-port (default 3201). Then the story page three ways with wrk (installed like
nginx when missing): through the shipped edge (deploy/nginx/copydesk.conf via scripts/cluster's
createEdge, on --edge-port, default 3202, in front of the same app server), as a file served by
nginx, and from the app alone. Then the upload flood: 50 random-noise JPEGs of 10 MB sent at once
by two editors while readers load the story page, with the server's memory and the readers' p50/p95
before and during (the bench server runs with UPLOADS_PER_MINUTE=1000 and UPLOAD_MB_PER_DAY=100000,
so the per-person limits let the flood through). Then writing together (issue #14): five editors
typing at once in one 5,000-word story in Chromium (how soon a key shows in the other pages, the
server's CPU), key-to-paint in a 20,000-word story with writing together on, and the server's memory
per open document (20 stories opened by sync clients; the V8 heap read through the app's inspector,
opened with SIGUSR1 on --port + 5). Then the embedded database is grown to --desk-articles
stories (default 100,000; 0 leaves it out) with the same seed and the desk lists are measured again. With BENCH_DATABASE_URL set, repeats the database-bound figures on
a throwaway database created on that PostgreSQL server and dropped afterwards. Last, on another
throwaway database on that server (by default postgres://postgres@127.0.0.1:5432/postgres;
skipped when it does not answer), publish-to-visible with two instances behind the edge (the edge
on --cluster-port, default 3210, the instances on the next two ports).
Writes bench/results/latest.json and prints a markdown report.

  --skip-build    reuse the existing .next-bench build
  --skip-editor   leave out the editor's key-to-paint measurement (Chromium)
  --skip-cluster  leave out publish-to-visible through the edge with two instances
  --skip-uploads  leave out the upload flood (50 uploads of 10 MB at once, with readers reading)
  --skip-collab   leave out writing together (five editors typing in Chromium, memory per open document)
  --no-install    do not apt-get install nginx or wrk when missing (Node static server, autocannon)`

const spec = {
  duration: { type: 'string', default: '10' },
  articles: { type: 'string', default: '10000' },
  'desk-articles': { type: 'string', default: '100000' },
  port: { type: 'string', default: '3200' },
  'static-port': { type: 'string', default: '3201' },
  'edge-port': { type: 'string', default: '3202' },
  'cluster-port': { type: 'string', default: '3210' },
  'skip-build': { type: 'boolean', default: false },
  'skip-editor': { type: 'boolean', default: false },
  'skip-cluster': { type: 'boolean', default: false },
  'skip-uploads': { type: 'boolean', default: false },
  'skip-collab': { type: 'boolean', default: false },
  'no-install': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
}

/** Parses argv; a mistake is a BenchError naming it, in one line. */
export function parseOptions(argv) {
  let values
  try {
    ;({ values } = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }))
  } catch (error) {
    const option = /'([^']+)'/.exec(error.message)?.[1]
    const what =
      error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `Unknown option ${option}`
        : error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
          ? `Unexpected argument ${option}`
          : error.message.split('\n')[0].replace(/'/g, '').replace(/\.$/, '')
    throw new BenchError(`${what}. Run npm run bench -- --help for the options.`)
  }
  const whole = (name, min, max) => {
    const text = values[name]
    const number = /^\d+$/.test(text) ? Number(text) : NaN
    if (!(number >= min && number <= max))
      throw new BenchError(`--${name} takes a whole number from ${min} to ${max} (got ${JSON.stringify(text)}).`)
    return number
  }
  const options = {
    help: values.help,
    duration: whole('duration', 1, 120),
    articles: whole('articles', 10, 100_000),
    deskArticles: whole('desk-articles', 0, 1_000_000),
    port: whole('port', 1024, 65535),
    staticPort: whole('static-port', 1024, 65535),
    edgePort: whole('edge-port', 1024, 65535),
    clusterPort: whole('cluster-port', 1024, 65533),
    skipBuild: values['skip-build'],
    skipEditor: values['skip-editor'],
    skipCluster: values['skip-cluster'],
    skipUploads: values['skip-uploads'],
    skipCollab: values['skip-collab'],
    install: !values['no-install'],
  }
  const ports = [options.port, options.staticPort, options.edgePort, options.clusterPort, options.clusterPort + 1, options.clusterPort + 2]
  if (new Set(ports).size !== ports.length)
    throw new BenchError('--port, --static-port, --edge-port and --cluster-port (and the two ports after it) must all differ.')
  return options
}
