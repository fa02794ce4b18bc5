import type { ArticleStatus, RichTextDoc } from '@/db/schema'
import type { ImageKey } from './images'
import type { SectionSlug, StaffKey, TagName } from './newsroom'

/**
 * A demo story as data. Times are hours before the moment of seeding, so that the demo always
 * looks recent; a larger number is earlier.
 */
export type DemoStory = {
  section: SectionSlug
  status: ArticleStatus
  /** The URL slug; by default the slug of the live (or else current) headline. */
  slug?: string
  createdBy: StaffKey
  bylines: DemoByline[]
  tags: TagName[]
  /** Oldest first; numbered 1..n. The last one is the article's current revision. */
  revisions: DemoRevision[]
  /** The number of the revision that went live, for published and unpublished stories. */
  publishedRevision?: number
  /** For a scheduled story: the hour of tomorrow (server time) it is due to go live. */
  scheduledTomorrowAt?: number
  /** An embargo until this hour of tomorrow (server time): no earlier than its schedule. */
  embargoTomorrowAt?: number
  /** Status changes, oldest first, starting from no status: each one's `from` is the previous `to`. */
  events: DemoEvent[]
  notes?: DemoNote[]
}

/** A staff byline, or an outside contributor with the outlet they write for. */
export type DemoByline = { staff: StaffKey } | { name: string; outlet: string }

export type DemoRevision = {
  kind: 'save' | 'autosave' | 'published'
  by: StaffKey
  hoursAgo: number
  headline: string
  standfirst: string
  /** Where the story was reported from ("BEIRUT"), as the revision's dateline. */
  dateline?: string
  body: RichTextDoc
  leadImage?: ImageKey
}

export type DemoEvent = {
  to: ArticleStatus
  by: StaffKey
  hoursAgo: number
  /** The revision number the change was made on. */
  revision: number
  note?: string
}

export type DemoNote = {
  by: StaffKey
  hoursAgo: number
  body: string
  replies?: { by: StaffKey; hoursAgo: number; body: string }[]
}

/**
 * Why a story's data is inconsistent, or null when it is fine: the seed refuses bad data rather
 * than showing the desk a story whose history contradicts its status.
 */
export function storyProblem(story: DemoStory): string | null {
  const last = story.events.at(-1)
  if (!last || last.to !== story.status) return `its last event does not move it to ${story.status}`
  if (story.revisions.length === 0) return 'it has no revisions'
  if (!isDescending(story.revisions.map((revision) => revision.hoursAgo))) return 'its revisions are not in time order'
  if (!isDescending(story.events.map((event) => event.hoursAgo))) return 'its events are not in time order'
  if (story.events.some((event) => event.revision < 1 || event.revision > story.revisions.length)) {
    return 'an event names a revision it does not have'
  }
  const isLive = story.status === 'published' || story.status === 'unpublished'
  if (isLive !== (story.publishedRevision !== undefined)) return 'publishedRevision does not match its status'
  if (story.publishedRevision !== undefined && story.revisions[story.publishedRevision - 1]?.kind !== 'published') {
    return 'its published revision is not of kind "published"'
  }
  if ((story.status === 'scheduled') !== (story.scheduledTomorrowAt !== undefined)) return 'scheduledTomorrowAt does not match its status'
  if ((story.scheduledTomorrowAt ?? Infinity) < (story.embargoTomorrowAt ?? 0)) return 'it is scheduled before its embargo'
  if (story.bylines.length === 0) return 'it has no byline'
  return null
}

function isDescending(values: number[]): boolean {
  return values.every((value, index) => index === 0 || value <= (values[index - 1] ?? value))
}
