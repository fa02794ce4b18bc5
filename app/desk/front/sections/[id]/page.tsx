import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ActionForm } from '@/components/ui/action-form'
import { DateTime } from '@/components/ui/date-time'
import { getDb } from '@/db'
import { parseId } from '@/lib/http'
import { inSectionTree, listPublicStories } from '@/lib/public-lists'
import { listSectionPins, sectionPinLimit } from '@/lib/section-pins'
import { listSectionOptions } from '@/lib/sections'
import { requireCapability } from '@/lib/session'
import { pinInSectionAction } from '../../actions'

export const metadata: Metadata = { title: 'Top of a section' }

/** How many of the section's newest published stories the page offers to pin. */
const offered = 20

type SectionTopPageProps = { params: Promise<{ id: string }> }

export default async function SectionTopPage({ params }: SectionTopPageProps) {
  await requireCapability('front.arrange')
  const id = parseId((await params).id)
  if (id === null) notFound()
  const db = getDb()
  const section = (await listSectionOptions(db)).find((option) => option.id === id)
  if (!section) notFound()
  const [pinned, newest] = await Promise.all([
    listSectionPins(db, id),
    listPublicStories(db, { filter: await inSectionTree(db, id), limit: offered }),
  ])
  const stories = [...pinned, ...newest.filter((story) => !pinned.some((lead) => lead.id === story.id))]
  const isPinned = (storyId: number) => pinned.some((lead) => lead.id === storyId)

  return (
    <div className="page">
      <p>
        <Link href="/desk/front">← Front page</Link>
      </p>
      <h1>Top of {section.label}</h1>
      <p>
        Pin up to {sectionPinLimit} stories of this section (or of one under it) to lead its page, in the order you pin them; its newest
        stories follow. Readers see a change at once.
      </p>
      <table className="stacked">
        <caption>Pinned first, then the newest published stories</caption>
        <thead>
          <tr>
            <th scope="col">Story</th>
            <th scope="col">Published</th>
            <th scope="col">At the top</th>
            <th scope="col">Pin</th>
          </tr>
        </thead>
        <tbody>
          {stories.map((story) => (
            <tr key={story.id} aria-label={story.headline}>
              <td>
                <Link href={`/desk/articles/${story.id}`}>{story.headline}</Link>
                <br />
                <span className="muted">{story.section.name}</span>
              </td>
              <td>
                <DateTime value={story.publishedAt} />
              </td>
              <td>{isPinned(story.id) ? 'Pinned' : '—'}</td>
              <td className="row-actions">
                <ActionForm action={pinInSectionAction} submitLabel={isPinned(story.id) ? 'Unpin' : 'Pin to the top'} variant="secondary">
                  <input type="hidden" name="sectionId" value={id} />
                  <input type="hidden" name="articleId" value={story.id} />
                  <input type="hidden" name="as" value={isPinned(story.id) ? 'none' : 'top'} />
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {stories.length === 0 && <p>No story is published in this section yet.</p>}
    </div>
  )
}
