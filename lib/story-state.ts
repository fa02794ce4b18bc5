import type { ArticleStatus } from '@/db/schema'

// What state a story is in, in the terms of the publishing model (lib/workflow.ts): whether readers
// see it, whether it holds an editor's approval, whether its newest revision is not the live one.

/**
 * Whether readers see the story: it has a live revision and has not been unpublished. The
 * public site and every public query apply exactly this rule (its SQL twin is `publiclyVisible`
 * in lib/public-articles.ts).
 */
export function isPubliclyVisible(article: { status: ArticleStatus; publishedRevisionId: number | null }): boolean {
  return article.publishedRevisionId !== null && article.status !== 'unpublished'
}

/** Approved or scheduled: the story holds an editor's approval of one revision, the one publishing publishes (lib/approval.ts). */
export function holdsApproval(status: ArticleStatus | null): boolean {
  return status === 'approved' || status === 'scheduled'
}

/** A live story whose newest revision is not the one readers see ("published — unpublished changes"). */
export function hasUnpublishedChanges(article: { currentRevisionId: number | null; publishedRevisionId: number | null }): boolean {
  return article.publishedRevisionId !== null && article.currentRevisionId !== article.publishedRevisionId
}
