import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDb } from '@/db'
import { DiffView } from '@/components/desk/diff-view'
import { ActionForm } from '@/components/ui/action-form'
import { getArticleForEditing } from '@/lib/editable-article'
import { parseId } from '@/lib/http'
import { compareForHistory } from '@/lib/revision-comparison'
import { getRevision } from '@/lib/revisions'
import { statuses } from '@/lib/workflow'
import { requireCapability } from '@/lib/session'
import { type TimelineEntry, getArticleHistory } from '@/lib/timeline'
import { restoreRevisionAction } from './actions'
import { duplicateStoryAction } from '../duplicate-actions'
import { Field } from '@/components/ui/field'
import { can } from '@/lib/permissions'
import { DateTime } from '@/components/ui/date-time'
import { storyTitle } from '../story-title'

type HistoryPageProps = {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export function generateMetadata({ params }: HistoryPageProps): Promise<Metadata> {
  return storyTitle(params, 'History')
}

const kindLabels = { autosave: 'Autosave', save: 'Save', published: 'Published' } as const

export default async function HistoryPage({ params, searchParams }: HistoryPageProps) {
  const user = await requireCapability('desk.enter')
  const articleId = parseId((await params).id)
  const db = getDb()
  const article = articleId ? await getArticleForEditing(db, user, articleId) : null
  const history = article ? await getArticleHistory(db, article.id) : null
  if (!article || !history) notFound()
  const { revisions, timeline } = history

  const query = await searchParams
  const newest = revisions[0]?.number ?? 1
  const to = parseId(String(query.to ?? '')) ?? newest
  const from = parseId(String(query.from ?? '')) ?? Math.max(1, to - 1)
  const [older, newer] = await Promise.all([getRevision(db, article.id, from), getRevision(db, article.id, to)])
  const comparison = older && newer ? await compareForHistory(db, user, older, newer) : null

  return (
    <div className="page wide">
      <p className="story-crumbs">
        <Link href="/desk">Desk</Link> · <Link href={`/desk/articles/${article.id}`}>Back to the story</Link>
      </p>
      <h1>History: {article.headline || 'Untitled story'}</h1>

      <form method="get" className="history">
        <table>
          <caption className="visually-hidden">Revisions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">Kind</th>
              <th scope="col">By</th>
              <th scope="col">Saved</th>
              <th scope="col">Words</th>
              <th scope="col">Headline</th>
              <th scope="col">Compare</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.number}>
                <td>
                  {revision.number}
                  {revision.isCurrent && <span className="badge">current</span>}
                  {revision.isPublished && <span className="badge role-editor">live</span>}
                  {revision.notKept && <span className="badge not-kept">Not kept — set aside in a conflict</span>}
                </td>
                <td>{kindLabels[revision.kind]}</td>
                <td>{revision.authorName ?? 'Former staff member'}</td>
                <td>
                  <DateTime value={revision.savedAt} />
                </td>
                <td>{revision.wordCount.toLocaleString('en-GB')}</td>
                <td>{revision.headline}</td>
                <td>
                  <label>
                    <input type="radio" name="from" value={revision.number} defaultChecked={revision.number === from} /> from
                    <span className="visually-hidden"> revision {revision.number}</span>
                  </label>{' '}
                  <label>
                    <input type="radio" name="to" value={revision.number} defaultChecked={revision.number === to} /> to
                    <span className="visually-hidden"> revision {revision.number}</span>
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <button type="submit" className="button secondary">
            Compare
          </button>
        </p>
      </form>

      {can(user, 'article.create') && (
        <section className="panel" aria-labelledby="duplicate-heading">
          <h2 id="duplicate-heading">Start a follow-up</h2>
          <ActionForm action={duplicateStoryAction} submitLabel="Duplicate as a new draft" variant="secondary" className="inline-form">
            <p className="flush">
              A new draft of yours, with the revision’s text, section, tags, bylines, image and SEO, and a history of its own.
            </p>
            <input type="hidden" name="articleId" value={article.id} />
            <Field id="duplicate-number" label="Revision">
              {(control) => (
                <select {...control} name="number" defaultValue={to}>
                  {revisions.map((revision) => (
                    <option key={revision.number} value={revision.number}>
                      {revision.number}: {revision.headline || 'Untitled story'}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </ActionForm>
        </section>
      )}

      <section className="panel" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol className="timeline">
          {timeline.map((entry) => (
            <li key={entryKey(entry)}>
              <DateTime value={entry.at} /> — {describe(entry)}
            </li>
          ))}
        </ol>
      </section>

      {older && newer && comparison && (
        <section className="panel" aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            Changes from revision {older.number} to revision {newer.number}
          </h2>
          <DiffView changes={comparison.changes} thumbnails={comparison.thumbnails} />
          {article.canEdit && !older.isCurrent && (
            <ActionForm action={restoreRevisionAction} submitLabel={`Restore revision ${older.number}`} variant="secondary">
              <input type="hidden" name="articleId" value={article.id} />
              <input type="hidden" name="number" value={older.number} />
              <input type="hidden" name="baseVersion" value={article.version} />
            </ActionForm>
          )}
        </section>
      )}
    </div>
  )
}

function entryKey(entry: TimelineEntry): string {
  if (entry.kind === 'revision') return `r${entry.revision.number}`
  return entry.kind === 'event' ? `e${entry.event.id}` : `t${entry.trash.id}`
}

function describe(entry: TimelineEntry): string {
  if (entry.kind === 'trash') {
    const who = entry.trash.actorName ?? 'a former staff member'
    return entry.trash.move === 'trash' ? `Moved to the trash by ${who}` : `Restored from the trash by ${who}`
  }
  if (entry.kind === 'revision') {
    const { revision } = entry
    const kind = `${kindLabels[revision.kind].toLowerCase()}${revision.notKept ? ', not kept: set aside in a save conflict' : ''}`
    return `Revision ${revision.number} (${kind}) by ${revision.authorName ?? 'a former staff member'}`
  }
  const { event } = entry
  return `${event.fromStatus ? `${statuses[event.fromStatus].label} → ` : ''}${statuses[event.toStatus].label} by ${event.actorName ?? 'the scheduler'}${event.note ? `: “${event.note}”` : ''}`
}
