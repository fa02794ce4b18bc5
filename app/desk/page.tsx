import Link from 'next/link'
import { getDb } from '@/db'
import { articleStatus } from '@/db/schema'
import { countArticlesByStatus, listRecentlyUpdated } from '@/lib/articles'
import { requireUser } from '@/lib/session'
import { statusLabels } from '@/lib/status-labels'

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

export default async function DeskPage() {
  const user = await requireUser()
  const db = getDb()
  const [counts, recent] = await Promise.all([countArticlesByStatus(db), listRecentlyUpdated(db, 15)])
  return (
    <main className="page">
      <h1>Desk</h1>
      <p className="muted">Signed in as {user.email}.</p>
      <p>
        <Link href="/desk/articles/new" className="button">
          New story
        </Link>
      </p>
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">Stories by state</h2>
        <ul className="counts">
          {articleStatus.enumValues.map((status) => (
            <li key={status}>
              <strong>{counts[status]}</strong>
              {statusLabels[status]}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recently updated</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Section</th>
              <th scope="col">State</th>
              <th scope="col">Started by</th>
              <th scope="col">Updated (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((story) => (
              <tr key={story.id}>
                <td>
                  <Link href={`/desk/articles/${story.id}`}>{story.headline || 'Untitled story'}</Link>
                </td>
                <td>{story.section}</td>
                <td>{statusLabels[story.status]}</td>
                <td>{story.author}</td>
                <td>
                  <time dateTime={story.updatedAt.toISOString()}>{dateFormat.format(story.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  )
}
