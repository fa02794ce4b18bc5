import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { importWordPress } from '@/lib/wordpress/run'
import { UsageError, runWithDatabase } from './run'

// `npm run import:wordpress -- export.xml [--media-folder DIR] [--dry-run] [--download-media] [--as admin@…]`:
// imports a WordPress export and prints the report. lib/wordpress/ does the work.

const usage = 'Usage: npm run import:wordpress -- export.xml [--media-folder DIR] [--dry-run] [--download-media] [--as admin@example.com]'

function readArgs(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'media-folder': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'download-media': { type: 'boolean', default: false },
        as: { type: 'string' },
      },
    })
    if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`Name one export file. ${usage}`)
    return { file: positionals[0], values }
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError(`${error instanceof Error ? error.message : String(error)} ${usage}`)
  }
}

function main(): void {
  let args: ReturnType<typeof readArgs>
  try {
    args = readArgs(process.argv.slice(2))
    if (!fs.statSync(args.file, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`There is no file ${args.file}.`)
    const folder = args.values['media-folder']
    if (folder && !fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`There is no folder ${folder}.`)
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
    return
  }
  // No top-level await: tsx runs these files as CommonJS. runWithDatabase reports its own errors.
  void runWithDatabase(async (db) => {
    const result = await importWordPress(db, {
      file: args.file,
      mediaFolder: args.values['media-folder'] ?? null,
      dryRun: args.values['dry-run'],
      downloadMedia: args.values['download-media'],
      as: args.values.as,
    })
    if (!result.ok) throw new UsageError(result.message)
    for (const line of result.report.lines({ dryRun: args.values['dry-run'] })) console.log(line)
  })
}

main()
