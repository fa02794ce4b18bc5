// The command line of `npm run bench -- [options]`.
import { parseArgs } from 'node:util'
import { BenchError } from './processes.mjs'

export const usage = `Usage: npm run bench -- [--duration S] [--articles N] [--port P] [--static-port P] [--skip-build] [--skip-editor] [--no-install]

Builds the app into .next-bench, seeds a fresh embedded database in .bench-data with N synthetic
stories (default 10,000), starts next start on --port (default 3200) and measures reader pages
(S seconds per run, default 10), publish-to-visible, desk lists, the editor, page weight and
memory, against the same server's /robots.txt and the story page served as a static file by
nginx on --static-port (default 3201). With BENCH_DATABASE_URL set, repeats the database-bound
figures on a throwaway database created on that PostgreSQL server and dropped afterwards.
Writes bench/results/latest.json and prints a markdown report.

  --skip-build    reuse the existing .next-bench build
  --skip-editor   leave out the editor's key-to-paint measurement (Chromium)
  --no-install    do not apt-get install nginx when it is missing (use the Node static server)`

const spec = {
  duration: { type: 'string', default: '10' },
  articles: { type: 'string', default: '10000' },
  port: { type: 'string', default: '3200' },
  'static-port': { type: 'string', default: '3201' },
  'skip-build': { type: 'boolean', default: false },
  'skip-editor': { type: 'boolean', default: false },
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
    port: whole('port', 1024, 65535),
    staticPort: whole('static-port', 1024, 65535),
    skipBuild: values['skip-build'],
    skipEditor: values['skip-editor'],
    install: !values['no-install'],
  }
  if (options.port === options.staticPort) throw new BenchError('--port and --static-port must differ.')
  return options
}
