import { type StoryDraft } from '../story-draft'
import { mergeStory } from '../story-merge'
import type { FieldValues } from './story-fields'

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

/**
 * A save made from `base` outside the shared document (a browser that could not reach the sync
 * server), merged with the shared document's `current` text: what either changed is kept, both
 * versions where they changed the same paragraph. Its other fields are the save's, the newest.
 */
export function mergeIntoShared(base: SharedParts, saved: SharedParts & { fields: FieldValues }, current: SharedParts) {
  const whole = (parts: SharedParts): StoryDraft => ({ ...saved.fields, ...parts })
  const { headline, standfirst, body } = mergeStory(whole(base), whole(saved), whole(current), 'both').draft
  return { headline, standfirst, body, fields: saved.fields }
}
