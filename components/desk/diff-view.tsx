import type { DiffPart, RevisionDiff } from '@/lib/diff'

/** Word-level changes: inserted words marked <ins>, deleted ones <del>. */
export function DiffView({ diff }: { diff: RevisionDiff }) {
  const parts: [string, DiffPart[]][] = [
    ['Headline', diff.headline],
    ['Standfirst', diff.standfirst],
    ['Body', diff.body],
  ]
  const changed = parts.filter(([, runs]) => runs.some((run) => run.kind !== 'same'))
  return (
    <div className="diff">
      {changed.length === 0 && diff.changedFields.length === 0 && <p>These two revisions have the same content.</p>}
      {changed.map(([label, runs]) => (
        <section key={label} aria-label={`${label} changes`}>
          <h3>{label}</h3>
          <DiffRuns runs={runs} />
        </section>
      ))}
      {diff.changedFields.length > 0 && <p>Also changed: {diff.changedFields.join(', ')}.</p>}
    </div>
  )
}

export function DiffRuns({ runs }: { runs: DiffPart[] }) {
  return (
    <p>
      {runs.map((run, index) =>
        run.kind === 'inserted' ? (
          <ins key={index}>{run.text}</ins>
        ) : run.kind === 'deleted' ? (
          <del key={index}>{run.text}</del>
        ) : (
          <span key={index}>{run.text}</span>
        ),
      )}
    </p>
  )
}
