import { cutText, isWithin } from '@/lib/clean-text'

// What an import did, kind by kind, and everything it could not bring across, with where it was.

export const importKinds = ['sections', 'tags', 'people', 'images', 'stories', 'redirects'] as const
export type ImportKind = (typeof importKinds)[number]
export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped'

const outcomes: readonly Outcome[] = ['created', 'updated', 'unchanged', 'skipped']

export class ImportReport {
  private readonly counts = new Map<ImportKind, Record<Outcome, number>>()
  /** One line per problem, naming the item it came from. */
  readonly problems: string[] = []

  count(kind: ImportKind, outcome: Outcome): void {
    const counts = this.counts.get(kind) ?? { created: 0, updated: 0, unchanged: 0, skipped: 0 }
    counts[outcome]++
    this.counts.set(kind, counts)
  }

  /** How many of a kind had this outcome. */
  total(kind: ImportKind, outcome: Outcome): number {
    return this.counts.get(kind)?.[outcome] ?? 0
  }

  /** A problem with an item: `where` names it (`post 12 “Harbour reopens”`). */
  problem(where: string, message: string): void {
    this.problems.push(`${where}: ${message}`)
  }

  /** The report as printed: a line per kind with its counts, then every problem. */
  lines(options: { dryRun: boolean }): string[] {
    const counts = importKinds.map((kind) => {
      const parts = outcomes.map((outcome) => `${this.total(kind, outcome)} ${outcome}`)
      return `${kind}: ${parts.join(', ')}`
    })
    const head = options.dryRun ? ['Dry run: nothing was changed. The import would do this:'] : []
    const problems =
      this.problems.length === 0
        ? ['Nothing was left out.']
        : [`Not converted (${this.problems.length}):`, ...this.problems.map((line) => `- ${line}`)]
    return [...head, ...counts, ...problems]
  }
}

/** How an item is named in the report: its kind, id and title. */
export function itemLabel(kind: string, id: string, title: string): string {
  const shown = isWithin(title, 60) ? title : `${cutText(title, 59)}…`
  return shown === '' ? `${kind} ${id}` : `${kind} ${id} “${shown}”`
}
