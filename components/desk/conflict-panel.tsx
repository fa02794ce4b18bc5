'use client'

import { type DiffPart, diffText } from '@/lib/diff'
import { DiffRuns } from './diff-view'
import { plainText } from '@/lib/rich-text-plain'
import type { OtherVersion, StoryDraft } from '@/lib/story-draft'
import { DateTime } from '@/components/ui/date-time'

type ConflictPanelProps = {
  mine: StoryDraft
  other: OtherVersion
  onKeepMine: (other: OtherVersion) => void
  onTakeTheirs: (other: OtherVersion) => void
}

/** Shows how another person's save differs from this editor's text, and lets the writer choose. */
export function ConflictPanel({ mine, other, onKeepMine, onTakeTheirs }: ConflictPanelProps) {
  const rows: [string, DiffPart[]][] = [
    ['Headline', diffText(other.draft.headline, mine.headline)],
    ['Standfirst', diffText(other.draft.standfirst, mine.standfirst)],
    ['Body', diffText(plainText(other.draft.body), plainText(mine.body))],
  ]
  return (
    <section className="panel conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else saved this story</h2>
      <p>
        {other.savedBy} saved revision {other.revisionNumber} at <DateTime value={other.savedAt} format="clock" />, while you were editing.
        Your text has not been saved over theirs, and it is kept on this device. Marked below: <ins>your additions</ins> and{' '}
        <del>what you took out</del> compared with their version.
      </p>
      <div className="diff">
        {rows
          .filter(([, parts]) => parts.some((part) => part.kind !== 'same'))
          .map(([label, parts]) => (
            <section key={label} aria-label={`${label} changes`}>
              <h3>{label}</h3>
              <DiffRuns runs={parts} />
            </section>
          ))}
      </div>
      <div className="inline-form">
        <button type="button" className="button" onClick={() => onKeepMine(other)}>
          Keep my version
        </button>
        <button type="button" className="button secondary" onClick={() => onTakeTheirs(other)}>
          Use their version
        </button>
      </div>
      <p className="muted small">Either way both versions stay in the story’s history.</p>
    </section>
  )
}
