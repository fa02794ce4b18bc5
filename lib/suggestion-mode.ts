import { z } from 'zod'
import type { ArticleStatus } from '@/db/schema'

/** The newsroom's choices for who edits a story in suggestion mode when they open it. */
export const suggestionDefaults = ['off', 'review', 'review-and-approved'] as const
export type SuggestionDefault = (typeof suggestionDefaults)[number]

export const suggestionDefaultLabels: Record<SuggestionDefault, string> = {
  off: 'Nobody: edits are changes until someone turns on Suggest changes',
  review: 'Someone who is not the story’s writer, while it is in review',
  'review-and-approved': 'Someone who is not the story’s writer while it is in review, and everyone once it is approved or later',
}

export const suggestionDefaultSchema = z.enum(suggestionDefaults, { error: 'Choose who edits in suggestion mode.' })

/** Until an admin chooses: nobody, so edits stay changes as they always were. */
export const suggestionDefaultFallback: SuggestionDefault = 'off'

const approvedOrLater: readonly ArticleStatus[] = ['approved', 'scheduled', 'published']

/**
 * THE rule for whether a person opens a story with Suggest changes on, read by the story page
 * (which sets the toggle). The toggle stays theirs to turn off: the rule picks the start.
 */
export function startsSuggesting(setting: SuggestionDefault, story: { status: ArticleStatus; isOwn: boolean }): boolean {
  if (setting === 'off') return false
  if (story.status === 'in_review' && !story.isOwn) return true
  return setting === 'review-and-approved' && approvedOrLater.includes(story.status)
}
