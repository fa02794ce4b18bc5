import { diffWordsWithSpace } from 'diff'
import type { Byline } from '@/db/schema'
import type { RevisionSnapshot } from './revisions'

/** A run of words that both versions share, that the newer one added, or that it took out. */
export type DiffPart = { kind: 'same' | 'inserted' | 'deleted'; text: string }

/** What a comparison needs of a revision: its text, and the fields shown as "changed" only. */
export type DiffableRevision = Omit<RevisionSnapshot, 'body'> & {
  /** The body as plain text (`revisions.body_text`). */
  bodyText: string
}

export type RevisionDiff = {
  headline: DiffPart[]
  standfirst: DiffPart[]
  body: DiffPart[]
  /** Labels of the other fields that differ, in the form's order. */
  changedFields: string[]
}

export type DiffOptions = {
  /**
   * Milliseconds a text comparison may take before it gives up and shows the whole old text as
   * deleted and the whole new one as inserted: two long, unrelated bodies are slow to compare.
   */
  timeoutMs?: number
}

const otherFields: { label: string; key: (revision: DiffableRevision) => string }[] = [
  { label: 'Section', key: (revision) => String(revision.sectionId) },
  { label: 'Slug', key: (revision) => revision.slug },
  { label: 'Byline', key: (revision) => JSON.stringify(revision.bylines.map(bylineKey)) },
  { label: 'Tags', key: (revision) => JSON.stringify(revision.tags) },
  { label: 'Lead image', key: (revision) => String(revision.leadMediaId) },
  { label: 'Lead image caption', key: (revision) => revision.leadCaption },
  { label: 'Lead image credit', key: (revision) => revision.leadCredit },
  { label: 'Search title', key: (revision) => revision.seoTitle },
  { label: 'Search description', key: (revision) => revision.seoDescription },
]

/** How `newer` differs from `older`, word by word for the text, by label for the rest. */
export function diffRevisions(older: DiffableRevision, newer: DiffableRevision, options: DiffOptions = {}): RevisionDiff {
  return {
    headline: diffText(older.headline, newer.headline, options),
    standfirst: diffText(older.standfirst, newer.standfirst, options),
    body: diffText(older.bodyText, newer.bodyText, options),
    changedFields: otherFields.filter((field) => field.key(older) !== field.key(newer)).map((field) => field.label),
  }
}

/** Word-level differences between two texts; whitespace is kept as it is in the texts. */
export function diffText(older: string, newer: string, { timeoutMs = 2000 }: DiffOptions = {}): DiffPart[] {
  if (older === newer) return older ? [{ kind: 'same', text: older }] : []
  // Whitespace counts as tokens, so that the parts spell out both texts exactly.
  const changes = diffWordsWithSpace(older, newer, { timeout: timeoutMs })
  if (!changes)
    return [...(older ? [{ kind: 'deleted' as const, text: older }] : []), ...(newer ? [{ kind: 'inserted' as const, text: newer }] : [])]
  return changes
    .filter((change) => change.value !== '')
    .map((change) => ({ kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same', text: change.value }))
}

/** Whether a diff shows any change at all. */
export function hasChanges(diff: RevisionDiff): boolean {
  return (
    diff.changedFields.length > 0 || [diff.headline, diff.standfirst, diff.body].some((parts) => parts.some((part) => part.kind !== 'same'))
  )
}

function bylineKey(byline: Byline): string {
  return 'userId' in byline ? `staff:${byline.userId}` : `other:${byline.name}|${byline.outlet}`
}
