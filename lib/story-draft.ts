import type { Byline } from '@/db/schema'
import type { RefusalReason } from './refusal'
import type { EditableArticle } from './editable-article'
import type { RevisionSnapshot } from './revisions'
import { derivedSlug } from './article-input'
import type { ApprovalAfterEdit } from './approval'

export type { Byline }

/** Everything the story form sends on a save: a revision's snapshot. */
export type StoryDraft = RevisionSnapshot

/** Whether two drafts hold the same text and settings, whatever order their keys come in. */
export function sameDraft(a: StoryDraft, b: StoryDraft): boolean {
  return canonicalJson(a) === canonicalJson(b)
}

/**
 * JSON with object keys sorted and undefined values left out: the database's JSON columns do not
 * keep key order, and the form builds its drafts in its own.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * A save request's largest size. A 20,000-word story is a few hundred kilobytes as TipTap JSON;
 * anything near this limit is a paste that does not belong in one story.
 */
export const maxSaveBytes = 2 * 1024 * 1024

/**
 * Whether a slug is what the headline would give by itself (slug-2 when that was taken, and
 * "untitled" when there was no headline yet), as opposed to one a person typed.
 */
export function followsHeadline(slug: string, headline: string): boolean {
  const base = derivedSlug(headline)
  const made = new RegExp(`^(${base ? `${base}|` : ''}untitled)(-\\d+)?$`)
  return slug === '' || made.test(slug)
}

/**
 * The draft as the form holds it: until a story is first published, a slug that follows the
 * headline is kept empty, so that each save makes it from the headline again.
 */
export function toFormDraft(draft: StoryDraft, hasBeenPublished: boolean): StoryDraft {
  return !hasBeenPublished && followsHeadline(draft.slug, draft.headline) ? { ...draft, slug: '' } : draft
}

/** Minutes to read, at a newspaper reader's 230 words a minute. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230))
}

/** Someone else's saved version, returned when a save was refused as stale. */
export type OtherVersion = { version: number; revisionNumber: number; savedBy: string; savedAt: string; draft: StoryDraft }

/**
 * What `POST /desk/articles/[id]/revisions` answers: a refusal's reason (lib/refusal.ts), or
 * `too-large` (413); `signed-out` is what the desk's JSON client makes of a 401.
 */
export type SaveResponse =
  | { ok: true; version: number; revisionNumber: number; savedAt: string; slug: string; approval: ApprovalAfterEdit }
  | { ok: false; reason: 'conflict'; message: string; current: OtherVersion }
  | { ok: false; reason: Exclude<RefusalReason, 'conflict'> | 'signed-out' | 'too-large'; message: string; field?: string }

/** What `POST /desk/articles/new/from-draft` answers: the new story made from an editor's text. */
export type NewStoryResponse = { ok: true; articleId: number } | { ok: false; message: string }

/** The fields of an opened story that the form edits. */
export function toStoryDraft(article: EditableArticle): StoryDraft {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    dateline: article.dateline,
    body: article.body,
    sectionId: article.sectionId,
    slug: article.slug,
    tags: article.tags,
    bylines: article.bylines.map((byline) =>
      'userId' in byline ? { userId: byline.userId } : { name: byline.name, outlet: byline.outlet },
    ),
    leadMediaId: article.leadMediaId,
    leadCaption: article.leadCaption,
    leadCredit: article.leadCredit,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    socialHeadline: article.socialHeadline,
    socialMediaId: article.socialMediaId,
  }
}

/** Someone else's version, as a refused save shows it. */
export function toOtherVersion(article: EditableArticle): OtherVersion {
  return {
    version: article.version,
    revisionNumber: article.revisionNumber,
    savedBy: article.savedBy ?? 'a former staff member',
    savedAt: article.savedAt.toISOString(),
    draft: toStoryDraft(article),
  }
}
