import type { DeskNewsItem } from './desk-news'
import type { DeskItem } from './desk-queues'
import { statuses } from './workflow'

// The desk page's lines of text, each one string: one text node for React to send and render, not
// a node for each piece.

/** What happened, after a news item's headline: "note from Priya — “Check the date”". */
export function newsLine(item: Pick<DeskNewsItem, 'kind' | 'actorName' | 'toStatus' | 'excerpt'>): string {
  const what =
    item.kind === 'note'
      ? `note from ${item.actorName ?? 'someone'}`
      : `${item.actorName ?? 'the scheduler'} moved it to ${item.toStatus ? statuses[item.toStatus].label.toLowerCase() : '…'}`
  return item.excerpt ? `${what} — “${item.excerpt}”` : what
}

/** A story's state in a list: "Published — unpublished changes", "Approved (live)". */
export function stateLine(story: Pick<DeskItem, 'status' | 'hasUnpublishedChanges' | 'isLive'>): string {
  const unpublished = story.hasUnpublishedChanges ? ' — unpublished changes' : ''
  const live = story.isLive && story.status !== 'published' ? ' (live)' : ''
  return `${statuses[story.status].label}${unpublished}${live}`
}
