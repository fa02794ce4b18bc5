import Link from 'next/link'
import { DiffView } from '@/components/desk/diff-view'
import type { Db } from '@/db'
import type { Actor } from '@/lib/permissions'
import { compareForHistory, reviewBaseline } from '@/lib/revision-comparison'
import { getRevision } from '@/lib/revisions'

type ReviewPanelProps = { db: Db; viewer: Actor; articleId: number; currentNumber: number }

/**
 * What an editor approves: the story's changes since the version readers see (an update) or since
 * it was last sent back (a resubmission), every field side by side. Nothing for a first submission.
 */
export async function ReviewPanel({ db, viewer, articleId, currentNumber }: ReviewPanelProps) {
  const baseline = await reviewBaseline(db, articleId)
  if (!baseline || baseline.number === currentNumber) return null
  const [older, newer] = await Promise.all([getRevision(db, articleId, baseline.number), getRevision(db, articleId, currentNumber)])
  if (!older || !newer) return null
  const comparison = await compareForHistory(db, viewer, older, newer)
  const since = baseline.kind === 'live' ? 'what readers see now' : 'the version sent back'
  return (
    <section className="panel" aria-labelledby="review-heading">
      <h2 id="review-heading">Changes since {since}</h2>
      <p className="muted">
        Revision {older.number} ({baseline.kind === 'live' ? 'live' : 'sent back'}) to revision {newer.number}, the one you would approve.{' '}
        <Link href={`/desk/articles/${articleId}/history?from=${older.number}&to=${newer.number}`}>Open in the history</Link>
      </p>
      <DiffView changes={comparison.changes} thumbnails={comparison.thumbnails} />
    </section>
  )
}
