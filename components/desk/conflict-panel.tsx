'use client'

import type { RichTextDoc } from '@/db/schema'
import { plainText } from '@/lib/rich-text-plain'
import type { Byline } from '@/lib/story-draft'
import type { Overlap, OverlapChoice } from '@/lib/story-merge'
import { DateTime } from '@/components/ui/date-time'
import type { PendingOverlap } from './use-story-merge'

type ConflictPanelProps = {
  pending: PendingOverlap
  sections: { id: number; label: string }[]
  staff: { id: number; name: string }[]
  onChoose: (choice: OverlapChoice) => void
}

/**
 * What the person and another both changed differently since they opened the story, side by
 * side with who wrote each, and the choice of what to keep. Everything else has merged already.
 */
export function ConflictPanel({ pending, sections, staff, onChoose }: ConflictPanelProps) {
  const { other, overlaps } = pending
  const name = other.savedBy
  const show = (overlap: Overlap, side: 'mine' | 'theirs'): string => {
    if (overlap.kind === 'body') return plainText({ type: 'doc', content: overlap[side] } satisfies RichTextDoc) || '(nothing)'
    const value = overlap[side]
    if (overlap.field === 'sectionId') return sections.find((section) => section.id === value)?.label ?? 'A section no longer on the desk'
    if (overlap.field === 'leadMediaId') return value === null ? '(no lead image)' : `Image ${String(value)} from the library`
    if (overlap.field === 'socialMediaId') return value === null ? '(no social image)' : `Image ${String(value)} from the library`
    if (overlap.field === 'bylines') return (value as Byline[]).map((byline) => bylineName(byline, staff)).join(', ') || '(no byline)'
    if (Array.isArray(value)) return value.join(', ')
    return String(value ?? '') || '(nothing)'
  }
  const singles = overlaps.filter((overlap) => !overlap.canKeepBoth).map((overlap) => overlap.label.toLowerCase())
  return (
    <section className="panel conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">
        You and {name} changed the same {overlaps.length === 1 ? 'place' : 'places'}
      </h2>
      <p>
        {name} saved revision {other.revisionNumber} at <DateTime value={other.savedAt} format="clock" /> while you were editing. Everything
        else has merged. Choose what to keep below; until you do, your text stays in the form and on this device.
      </p>
      {overlaps.map((overlap) => (
        <section key={overlap.label} aria-label={overlap.label}>
          <h3>{overlap.label}</h3>
          <div className="overlap-sides">
            <figure aria-label="Your text">
              <figcaption>You</figcaption>
              <blockquote>{show(overlap, 'mine')}</blockquote>
            </figure>
            <figure aria-label={`${name}’s text`}>
              <figcaption>{name}</figcaption>
              <blockquote>{show(overlap, 'theirs')}</blockquote>
            </figure>
          </div>
        </section>
      ))}
      <div className="inline-form">
        <button type="button" className="button" onClick={() => onChoose('mine')}>
          Keep mine, discard {name}’s
        </button>
        <button type="button" className="button secondary" onClick={() => onChoose('theirs')}>
          Keep {name}’s, discard mine
        </button>
        <button type="button" className="button secondary" onClick={() => onChoose('both')}>
          Keep both
        </button>
      </div>
      <p className="muted small">
        Keep both puts {name}’s paragraphs first and yours after them, and joins one-line fields as “theirs / yours”
        {singles.length > 0 ? `; a story has one ${singles.join(' and one ')}, so it keeps yours` : ''}. {name}’s version stays in the
        history as revision {other.revisionNumber}; if you discard yours, it is kept there too, marked “Not kept”.
      </p>
    </section>
  )
}

function bylineName(byline: Byline, staff: { id: number; name: string }[]): string {
  if ('userId' in byline) return staff.find((person) => person.id === byline.userId)?.name ?? 'A former staff member'
  return byline.outlet ? `${byline.name} (${byline.outlet})` : byline.name
}
