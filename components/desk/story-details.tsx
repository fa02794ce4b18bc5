import type { FieldValues } from '@/lib/collab/story-fields'
import type { SectionOption } from '@/lib/sections'

/** What names a section, a staff member or an image in the details: the lists the story form picks from. */
export type DetailNames = {
  sections: SectionOption[]
  staff: { id: number; name: string }[]
  media: { mediaId: number; alt: string }[]
}

/**
 * A story's other fields (section, slug, dateline, tags, bylines, lead image, search and sharing)
 * as a list to read, for someone who may open the story but not change it. Empty fields say so.
 */
export function StoryDetails({ values, names }: { values: FieldValues; names: DetailNames }) {
  const image = (id: number | null) => (id === null ? '' : (names.media.find((item) => item.mediaId === id)?.alt ?? `Image ${id}`))
  const details: [string, string][] = [
    ['Section', names.sections.find((section) => section.id === values.sectionId)?.label ?? ''],
    ['Slug', values.slug],
    ['Dateline', values.dateline],
    ['Tags', values.tags.join(', ')],
    ['Bylines', values.bylines.map((byline) => bylineText(byline, names.staff)).join('; ')],
    ['Lead image', image(values.leadMediaId)],
    ['Caption', values.leadCaption],
    ['Credit', values.leadCredit],
    ['Search title', values.seoTitle],
    ['Search description', values.seoDescription],
    ['Social headline', values.socialHeadline],
    ['Social image', image(values.socialMediaId)],
  ]
  return (
    <dl className="story-details small" aria-label="Story details">
      {details.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value || <span className="muted">none</span>}</dd>
        </div>
      ))}
    </dl>
  )
}

/** A byline as people read it: a staff member by name, a contributor as "Name / Outlet". */
export function bylineText(byline: FieldValues['bylines'][number], staff: readonly DetailNames['staff'][number][]): string {
  if ('userId' in byline) return staff.find((person) => person.id === byline.userId)?.name ?? `Staff member ${byline.userId}`
  return byline.outlet ? `${byline.name} / ${byline.outlet}` : byline.name
}
