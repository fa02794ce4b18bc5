/** What `npm run db:seed` was asked to do. */
export type SeedArgs = { articles: number | null; allowDatabaseUrl: boolean; help: boolean }

export type SeedArgsResult = { ok: true; args: SeedArgs } | { ok: false; message: string }

export const seedUsage = 'Usage: npm run db:seed -- [--articles N] [--allow-database-url]'
export const maxSyntheticArticles = 100_000
const articlesMessage = `--articles takes a whole number from 1 to ${maxSyntheticArticles}`

/** Parses the seed command's arguments (`--articles 500` or `--articles=500`). */
export function parseSeedArgs(argv: readonly string[]): SeedArgsResult {
  const args: SeedArgs = { articles: null, allowDatabaseUrl: false, help: false }
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? ''
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg, '=') : [arg, undefined]
    if (flag === '--help' || flag === '-h') {
      args.help = true
    } else if (flag === '--allow-database-url' && inlineValue === undefined) {
      args.allowDatabaseUrl = true
    } else if (flag === '--articles') {
      const value = inlineValue ?? argv[++index]
      const articles = wholeNumber(value)
      if (articles === null) return { ok: false, message: `${articlesMessage} (got ${describe(value)}).` }
      args.articles = articles
    } else {
      return { ok: false, message: `Unknown argument ${describe(arg)}. ${seedUsage}` }
    }
  }
  return { ok: true, args }
}

function wholeNumber(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null
  const number = Number(value)
  return number >= 1 && number <= maxSyntheticArticles ? number : null
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator)
  return [text.slice(0, at), text.slice(at + separator.length)]
}

function describe(value: string | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value)
}
