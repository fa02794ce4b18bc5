import Link from 'next/link'
import { getDb } from '@/db'
import { articleStatus } from '@/db/schema'
import { NewsSeen } from '@/components/desk/news-seen'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { StaffOptions } from '@/components/desk/staff-options'
import {
  type DeskQueue,
  countCap,
  deskQueueLabels,
  deskQueries,
  deskQuerySchema,
  deskQueues,
  formatDeskCount,
  formatWaiting,
} from '@/lib/desk-queues'
import { countDeskQueues } from '@/lib/desk-queues-counts'
import { listDeskQueue } from '@/lib/desk-queues-list'
import { deskLanding } from '@/lib/desk-landing'
import { formatNewsCount } from '@/lib/desk-news'
import { keptSectionOptions } from '@/lib/sections'
import { requireCapability } from '@/lib/session'
import { statuses } from '@/lib/workflow'
import { listStaff } from '@/lib/users'
import { trashRetentionDays, viewerTimeZone } from '@/lib/settings'
import { markNewsSeen, markNewsShown } from './actions'
import { getMyDeskNews } from './news'
import { DateTime } from '@/components/ui/date-time'
import { TimeAt } from '@/components/ui/time-at'
import { EmbargoCountdown } from '@/components/desk/embargo-countdown'
import { countOf } from '@/lib/words'
import { newsLine, stateLine } from '@/lib/desk-lines'

const whenHeadings: Partial<Record<DeskQueue, string>> = { review: 'Waiting', scheduled: 'Publishes', trash: 'In the trash since' }

type DeskPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function DeskPage({ searchParams }: DeskPageProps) {
  const user = await requireCapability('desk.enter')
  const raw = await searchParams
  const db = getDb()
  const queue = await deskLanding(db, user, raw.queue)
  const query = deskQuerySchema.parse(Object.fromEntries(Object.entries(raw).filter(([, value]) => typeof value === 'string')))
  const { page, pageSize, ...filters } = query
  // The list's own count is its queue's count: asked once.
  const counts = await countDeskQueues(db, user, filters)
  const [list, news, sections, staff, retentionDays, zone] = await Promise.all([
    listDeskQueue(db, user, queue, query, counts?.[queue]),
    getMyDeskNews(),
    keptSectionOptions(db),
    listStaff(db),
    trashRetentionDays(db),
    viewerTimeZone(db, user),
  ])
  if (!list || !counts || !news) return null
  const now = new Date()
  const newestNews = news.items[0]
  const linkTo = (changes: Record<string, string | number | undefined>) => `/desk?${deskQueries({ queue, ...query, ...changes })}`

  return (
    <div className="page">
      <h1>Desk</h1>
      <p className="muted">{`Signed in as ${user.email}.`}</p>
      <p>
        <Link href="/desk/articles/new" className="button">
          New story
        </Link>
      </p>

      {newestNews && (
        <section className="panel" aria-labelledby="news-heading">
          <h2 id="news-heading">
            Changed on your stories <span className="badge role-admin">{formatNewsCount(news.count)}</span>
          </h2>
          <ul>
            {news.items.map((item, index) => (
              <li key={index}>
                <Link href={`/desk/articles/${item.articleId}`}>{item.headline || 'Untitled story'}</Link>
                {`: ${newsLine(item)}`}
              </li>
            ))}
          </ul>
          <NewsSeen newestShown={newestNews.at.toISOString()} markShown={markNewsShown} />
          <ActionForm action={markNewsSeen} submitLabel="Mark all as seen" variant="secondary" />
        </section>
      )}

      <nav aria-label="Queues" className="queues">
        {deskQueues.map((name) => (
          <Link key={name} href={`/desk?${deskQueries({ ...filters, queue: name })}`} aria-current={name === queue ? 'page' : undefined}>
            {`${deskQueueLabels[name]} `}
            <span className="badge">{formatDeskCount(counts[name])}</span>
          </Link>
        ))}
      </nav>

      <form method="get" className="inline-form filters" role="search" aria-label="Filter stories">
        <input type="hidden" name="queue" value={queue} />
        <Field id="q" label="Words in the story">
          {(control) => <input {...control} name="q" type="search" defaultValue={filters.q ?? ''} />}
        </Field>
        <Field id="filter-section" label="Section">
          {(control) => (
            <select {...control} name="sectionId" defaultValue={filters.sectionId ?? ''}>
              <option value="">Any section</option>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-author" label="Author">
          {(control) => (
            <select {...control} name="authorId" defaultValue={filters.authorId ?? ''}>
              <option value="">Anyone</option>
              <StaffOptions staff={staff} />
            </select>
          )}
        </Field>
        <Field id="filter-status" label="State">
          {(control) => (
            <select {...control} name="status" defaultValue={filters.status ?? ''}>
              <option value="">Any state</option>
              {articleStatus.enumValues.map((status) => (
                <option key={status} value={status}>
                  {statuses[status].label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button secondary">
          Filter
        </button>
      </form>

      {queue === 'review' && user.sections && (
        <p className="muted">
          Stories filed in your sections:{' '}
          {sections
            .filter((section) => user.sections?.includes(section.id))
            .map((section) => section.label)
            .join(', ')}
          . The others are under <Link href={linkTo({ queue: 'all', status: 'in_review', page: 1 })}>All stories</Link>.
        </p>
      )}
      {queue === 'trash' && (
        <p className="muted">
          A story stays in the trash for {countOf(retentionDays, 'day')}, then it is deleted for good. Open it to restore it.
        </p>
      )}
      <table className="stacked">
        <caption className="visually-hidden">{deskQueueLabels[queue]}</caption>
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col">Section</th>
            <th scope="col">State</th>
            <th scope="col">Bylines</th>
            <th scope="col">{whenHeadings[queue] ?? 'Updated'}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((story) => {
            const when =
              queue === 'review'
                ? story.statusSince
                : queue === 'scheduled'
                  ? story.scheduledAt
                  : queue === 'trash'
                    ? story.trashedAt
                    : story.updatedAt
            return (
              <tr key={story.id}>
                <td>
                  <Link href={`/desk/articles/${story.id}`}>{story.headline || 'Untitled story'}</Link>
                  {story.openNotes > 0 && <span className="badge">{` ${countOf(story.openNotes, 'open note')}`}</span>}
                </td>
                <td>{story.sectionName}</td>
                <td>
                  {stateLine(story)}
                  {story.embargoUntil && (
                    <span className="embargo">
                      {' '}
                      · Embargoed until <DateTime value={story.embargoUntil} />{' '}
                      <EmbargoCountdown until={story.embargoUntil.toISOString()} />
                    </span>
                  )}
                </td>
                <td>{story.bylines.join(', ')}</td>
                <td>
                  {when && queue === 'review' && (
                    <>
                      {`${formatWaiting(when, now)} `}
                      <span className="muted small">
                        (since <TimeAt at={when} zone={zone} />)
                      </span>
                    </>
                  )}
                  {when && queue !== 'review' && <TimeAt at={when} zone={zone} />}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {list.items.length === 0 && <p className="muted">No stories here.</p>}
      <nav aria-label="Pages" className="inline-form pager">
        {page > 1 && <Link href={linkTo({ page: page - 1 })}>Previous</Link>}
        <span>{`Page ${list.page}${list.total <= countCap ? ` of ${list.pageCount}` : ''} (${formatDeskCount(list.total)} stories)`}</span>
        {list.hasNextPage && <Link href={linkTo({ page: page + 1 })}>Next</Link>}
      </nav>
      <p className="muted small">{pageSize} per page.</p>
    </div>
  )
}
