import type { Metadata } from 'next'
import Link from 'next/link'
import { ActionForm } from '@/components/ui/action-form'
import { DateTime } from '@/components/ui/date-time'
import { getDb } from '@/db'
import { frontPageRules } from '@/lib/front-page'
import { frontPageTop } from '@/lib/pins'
import { everyPublicStory, listPublicStories } from '@/lib/public-lists'
import { listSectionOptions } from '@/lib/sections'
import { requireCapability } from '@/lib/session'
import { pinAction } from './actions'

export const metadata: Metadata = { title: 'Front page' }

/** How many of the newest published stories the page offers to pin. */
const offered = 20

export default async function FrontPage() {
  await requireCapability('front.arrange')
  const db = getDb()
  const [top, newest, sectionOptions] = await Promise.all([
    frontPageTop(db),
    listPublicStories(db, { filter: everyPublicStory, limit: offered }),
    listSectionOptions(db),
  ])
  const pinnedIds = new Set([top.pins.lead, ...top.pins.below])
  const shownPinned = [top.lead, ...top.secondaries].flatMap((story) => (story && pinnedIds.has(story.id) ? [story] : []))
  const stories = [...shownPinned.filter((story) => !newest.some((found) => found.id === story.id)), ...newest]
  const place = (id: number) =>
    top.lead?.id === id ? 'The lead' : top.secondaries.some((story) => story.id === id) ? 'Under the lead' : ''

  return (
    <div className="page">
      <h1>Front page</h1>
      <p>
        Pin a story to place it at the top of the front page: as the lead, or under it ({frontPageRules.secondaries.most} at most). What you
        leave open is filled by the newsroom’s rules: the newest story with a photo leads, and the newest with photos go under it. Readers
        see a change at once.
      </p>
      <section className="panel" aria-labelledby="top-heading">
        <h2 id="top-heading">At the top now</h2>
        <ol>
          {[top.lead, ...top.secondaries].flatMap((story) =>
            story ? (
              <li key={story.id}>
                {place(story.id)}: <Link href={`/desk/articles/${story.id}`}>{story.headline}</Link>{' '}
                <span className="muted">({pinnedIds.has(story.id) ? 'pinned' : 'by the rules'})</span>
              </li>
            ) : (
              []
            ),
          )}
        </ol>
        {!top.lead && <p>Nothing is published yet.</p>}
      </section>
      <nav className="panel" aria-labelledby="sections-heading">
        <h2 id="sections-heading">The top of a section</h2>
        <p>Each section’s page can lead with stories pinned to its top, too.</p>
        <ul>
          {sectionOptions.map((option) => (
            <li key={option.id}>
              <Link href={`/desk/front/sections/${option.id}`}>{option.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <table className="stacked">
        <caption>The newest published stories</caption>
        <thead>
          <tr>
            <th scope="col">Story</th>
            <th scope="col">Published</th>
            <th scope="col">On the front page</th>
            <th scope="col">Pin</th>
          </tr>
        </thead>
        <tbody>
          {stories.map((story) => (
            <tr key={story.id}>
              <td>
                <Link href={`/desk/articles/${story.id}`}>{story.headline}</Link>
                <br />
                <span className="muted">{story.section.name}</span>
              </td>
              <td>
                <DateTime value={story.publishedAt} />
              </td>
              <td>
                {place(story.id) || '—'}
                {pinnedIds.has(story.id) && ' (pinned)'}
              </td>
              <td className="row-actions">
                {top.pins.lead !== story.id && <PinForm id={story.id} as="lead" label="Make it the lead" />}
                {!top.pins.below.includes(story.id) && <PinForm id={story.id} as="below" label="Pin under the lead" />}
                {pinnedIds.has(story.id) && <PinForm id={story.id} as="none" label="Unpin" />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function PinForm({ id, as, label }: { id: number; as: 'lead' | 'below' | 'none'; label: string }) {
  return (
    <ActionForm action={pinAction} submitLabel={label} variant="secondary">
      <input type="hidden" name="articleId" value={id} />
      <input type="hidden" name="as" value={as} />
    </ActionForm>
  )
}
