import Link from 'next/link'
import { connection } from 'next/server'
import { getDb } from '@/db'
import { listLatestPublished } from '@/lib/articles'

export default async function HomePage() {
  // Read at request time: the build never opens the database.
  await connection()
  const stories = await listLatestPublished(getDb(), 12)
  return (
    <main className="page">
      <h1 className="visually-hidden">Latest news</h1>
      {stories.length === 0 ? (
        <p className="muted">Nothing has been published yet.</p>
      ) : (
        <ul className="story-list">
          {stories.map((story) => (
            <li key={story.id}>
              <span className="kicker">{story.section}</span>
              <h2>
                <Link href={story.path}>{story.headline}</Link>
              </h2>
              <p>{story.standfirst}</p>
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
