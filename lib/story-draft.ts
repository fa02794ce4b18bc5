import type { Byline, RichTextDoc } from '@/db/schema'
import type { EditableArticle } from './editable-article'

export type { Byline }

/** Everything the story form sends on a save. */
export type StoryDraft = {
  headline: string
  standfirst: string
  body: RichTextDoc
  sectionId: number
  slug: string
  tags: string[]
  bylines: Byline[]
  leadMediaId: number | null
  leadCaption: string
  leadCredit: string
  seoTitle: string
  seoDescription: string
}

export function sameDraft(a: StoryDraft, b: StoryDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Minutes to read, at a newspaper reader's 230 words a minute. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230))
}

/** Someone else's saved version, returned when a save was refused as stale. */
export type OtherVersion = { version: number; revisionNumber: number; savedBy: string; savedAt: string; draft: StoryDraft }

/** What `POST /desk/articles/[id]/revisions` answers. */
export type SaveResponse =
  | { ok: true; version: number; revisionNumber: number; savedAt: string; slug: string }
  | { ok: false; reason: 'conflict'; message: string; current: OtherVersion }
  | { ok: false; reason: 'forbidden' | 'invalid' | 'missing' | 'slug-taken' | 'signed-out' | 'too-large'; message: string }

/** The fields of an opened story that the form edits. */
export function toStoryDraft(article: EditableArticle): StoryDraft {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    sectionId: article.sectionId,
    slug: article.slug,
    tags: article.tags,
    bylines: article.bylines.map((byline) => ('userId' in byline ? { userId: byline.userId } : { name: byline.name, outlet: byline.outlet })),
    leadMediaId: article.leadMediaId,
    leadCaption: article.leadCaption,
    leadCredit: article.leadCredit,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
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
