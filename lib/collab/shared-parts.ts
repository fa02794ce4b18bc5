import type { StoryDraft } from '../story-draft'

/** The parts of a story written together in its shared document (lib/collab/storage.ts). */
export type SharedParts = Pick<StoryDraft, 'headline' | 'standfirst' | 'body'>

/**
 * `draft` with the headline, standfirst and body of `from`. While a story is written together,
 * the form compares and merges versions only on the fields it saves (section, slug, tags,
 * bylines, lead image, SEO…): the shared parts are the document's, whoever saved them last. A
 * slug that follows the headline keeps following the one shown.
 */
export function withSharedParts(draft: StoryDraft, from: SharedParts): StoryDraft {
  return { ...draft, headline: from.headline, standfirst: from.standfirst, body: from.body }
}
