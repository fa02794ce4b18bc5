import type { CheckOutcome, CheckResult } from '@/lib/prepublish-checks'
import { DateTime } from '@/components/ui/date-time'
import { countOf } from '@/lib/words'

const outcomes: Record<CheckOutcome, { mark: string; word: string }> = {
  passed: { mark: '✓', word: 'Passed' },
  warning: { mark: '!', word: 'Warning' },
  blocking: { mark: '✕', word: 'Blocking' },
}

/**
 * The pre-publish checklist of the story as it stands: each check passed, a warning (an editor
 * may go ahead after confirming) or blocking (fix it first), with where to fix it. Open while
 * anything is found. Its last row is the embargo (lib/embargo.ts), which is not a setting: no one
 * publishes before it, whatever the checklist says.
 */
export function PrepublishChecklist({ results, embargoUntil }: { results: readonly CheckResult[]; embargoUntil: Date | null }) {
  const blocking = results.filter((result) => result.outcome === 'blocking').length
  const warnings = results.filter((result) => result.outcome === 'warning').length
  const summary =
    blocking + warnings === 0
      ? 'every check passed'
      : [blocking > 0 ? `${countOf(blocking, 'thing')} to fix` : '', warnings > 0 ? countOf(warnings, 'warning') : '']
          .filter(Boolean)
          .join(', ')
  return (
    <details className="checklist" open={blocking + warnings > 0}>
      <summary>Pre-publish checklist: {summary}</summary>
      <ul aria-label="Pre-publish checklist">
        {results.map((result) => (
          <li key={result.id} className={`check check-${result.outcome}`}>
            <span className="check-mark" aria-hidden="true">
              {outcomes[result.outcome].mark}
            </span>{' '}
            <strong>{outcomes[result.outcome].word}:</strong> {result.message}
            {result.outcome !== 'passed' && <span className="muted"> Fix it in: {result.where}.</span>}
          </li>
        ))}
        <li className="check check-passed">
          <span className="check-mark" aria-hidden="true">
            {outcomes.passed.mark}
          </span>{' '}
          <strong>{outcomes.passed.word}:</strong> Embargo respected:{' '}
          {embargoUntil ? (
            <>
              under embargo until <DateTime value={embargoUntil} />. It may be approved, or scheduled for then or later; publishing waits
              until then.
            </>
          ) : (
            'no embargo.'
          )}
        </li>
      </ul>
    </details>
  )
}
