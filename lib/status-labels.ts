import type { ArticleStatus } from '@/db/schema'

/** How each workflow state reads on screen. */
export const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
}
