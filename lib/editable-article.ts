import 'server-only'
import { eq } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { type ArticleStatus, articles, revisions, users } from '@/db/schema'
import { checkRead } from './article-access'
import { type EditableByline, ownerIds, resolveBylines } from './article-attribution'
import type { RevisionSnapshot } from './revisions'
import { checkEdit } from './article-editing'
import type { Actor } from './permissions'
import { hasUnpublishedChanges } from './story-state'

// Opening a story in the editor: its current revision's snapshot and what the viewer may do.

export type { EditableByline }

type Reader = Db | Tx

/** A snapshot as the desk shows it: staff bylines carry their names. */
export type ShownSnapshot = Omit<RevisionSnapshot, 'bylines'> & { bylines: EditableByline[] }

/** The columns of a revision that make its editorial snapshot. */
export const snapshotColumns = {
  headline: revisions.headline,
  standfirst: revisions.standfirst,
  dateline: revisions.dateline,
  body: revisions.body,
  sectionId: revisions.sectionId,
  slug: revisions.slug,
  bylines: revisions.bylines,
  tags: revisions.tags,
  leadMediaId: revisions.leadMediaId,
  leadCaption: revisions.leadCaption,
  leadCredit: revisions.leadCredit,
  seoTitle: revisions.seoTitle,
  seoDescription: revisions.seoDescription,
  socialHeadline: revisions.socialHeadline,
  socialMediaId: revisions.socialMediaId,
}

type SnapshotField = keyof typeof snapshotColumns

/** The snapshot's fields, and no others, of anything that has them (a revision, an editable story). */
export function pickSnapshot<T extends Record<SnapshotField, unknown>>(source: T): Pick<T, SnapshotField> {
  const fields = Object.keys(snapshotColumns) as SnapshotField[]
  return Object.fromEntries(fields.map((field) => [field, source[field]])) as Pick<T, SnapshotField>
}

/** A story as the editor opens it: the article's state and its current revision's fields. */
export type EditableArticle = ShownSnapshot & {
  id: number
  /** Who owns the story (its creator and staff bylines), for permission checks. */
  ownerIds: number[]
  status: ArticleStatus
  /** Send it back as `baseVersion` with the next save. */
  version: number
  currentRevisionId: number
  publishedRevisionId: number | null
  firstPublishedAt: Date | null
  hasUnpublishedChanges: boolean
  /** Where readers find the story: follows the saves only until it is first published. */
  live: { sectionId: number; slug: string }
  revisionNumber: number
  revisionKind: 'autosave' | 'save' | 'published'
  wordCount: number
  savedAt: Date
  /** The name of who saved the current revision; null when that account is gone. */
  savedBy: string | null
  canEdit: boolean
  /** Why `canEdit` is false, for the person reading it. */
  editBlockedReason?: string
}

/**
 * A story for the editor, with whether the viewer may change it; null when the story does not
 * exist or the viewer may not read it (`article.read`), which the desk answers alike (404).
 */
export async function getArticleForEditing(db: Reader, viewer: Actor, articleId: number): Promise<EditableArticle | null> {
  const loaded = await loadCurrent(db, articleId)
  if (!loaded) return null
  const { article, revision } = loaded
  const owners = await ownerIds(db, article, revision.bylines)
  if (!checkRead(viewer, { ...article, ownerIds: owners }).ok) return null
  const editing = checkEdit(viewer, { status: article.status, trashedAt: article.trashedAt, ownerIds: owners })
  return {
    id: article.id,
    ownerIds: owners,
    status: article.status,
    version: article.version,
    currentRevisionId: revision.id,
    publishedRevisionId: article.publishedRevisionId,
    firstPublishedAt: article.firstPublishedAt,
    hasUnpublishedChanges: hasUnpublishedChanges(article),
    live: { sectionId: article.sectionId, slug: article.slug },
    revisionNumber: revision.number,
    revisionKind: revision.kind,
    headline: revision.headline,
    standfirst: revision.standfirst,
    dateline: revision.dateline,
    body: revision.body,
    sectionId: revision.sectionId,
    slug: revision.slug,
    bylines: await resolveBylines(db, revision.bylines),
    tags: revision.tags,
    leadMediaId: revision.leadMediaId,
    leadCaption: revision.leadCaption,
    leadCredit: revision.leadCredit,
    seoTitle: revision.seoTitle,
    seoDescription: revision.seoDescription,
    socialHeadline: revision.socialHeadline,
    socialMediaId: revision.socialMediaId,
    wordCount: revision.wordCount,
    savedAt: revision.updatedAt,
    savedBy: loaded.savedBy,
    canEdit: editing.ok,
    ...(editing.ok ? {} : { editBlockedReason: editing.message }),
  }
}

/** An article and its current revision (the newest: revisions are only ever added on top). */
export async function loadCurrent(db: Reader, articleId: number) {
  const [row] = await db
    .select({
      article: {
        id: articles.id,
        status: articles.status,
        version: articles.version,
        createdBy: articles.createdBy,
        sectionId: articles.sectionId,
        slug: articles.slug,
        currentRevisionId: articles.currentRevisionId,
        publishedRevisionId: articles.publishedRevisionId,
        firstPublishedAt: articles.firstPublishedAt,
        trashedAt: articles.trashedAt,
      },
      revision: {
        ...snapshotColumns,
        id: revisions.id,
        number: revisions.number,
        kind: revisions.kind,
        wordCount: revisions.wordCount,
        createdBy: revisions.createdBy,
        createdAt: revisions.createdAt,
        updatedAt: revisions.updatedAt,
      },
      savedBy: users.name,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .leftJoin(users, eq(users.id, revisions.createdBy))
    .where(eq(articles.id, articleId))
  return row
}
