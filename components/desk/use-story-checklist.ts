'use client'

import { type RefObject, useCallback, useState } from 'react'
import type { RichTextDoc } from '@/db/schema'
import { derivedSlug } from '@/lib/article-input'
import type { MediaOption } from '@/lib/media/types'
import { type CheckResult, type CheckSeverities, type ChecklistStory, runChecklist } from '@/lib/prepublish-checks'
import type { StoryFields } from './story-settings'

/**
 * The pre-publish checklist of the story as the form holds it: `results` follows the fields at
 * once and the body when the writer pauses (`bodyChanged`); `latest` reads both as they are now.
 * The lead image's alt text is the library's, as the picker reads and saves it (`onAltText`).
 */
export function useStoryChecklist(options: {
  severities: CheckSeverities
  images: readonly MediaOption[]
  fields: StoryFields
  fieldsRef: RefObject<StoryFields>
  /** The body the form opened with, and the one it holds now. */
  startBody: RichTextDoc
  bodyRef: RefObject<RichTextDoc>
  /** How many comments on the words are open. */
  openComments: number
}) {
  const { severities, images, fields, fieldsRef, startBody, bodyRef, openComments } = options
  const [alts, setAlts] = useState<ReadonlyMap<number, string>>(new Map())
  const [checkedBody, setCheckedBody] = useState(startBody)

  const storyOf = (held: StoryFields, body: RichTextDoc): ChecklistStory => {
    const leadId = held.leadMediaId
    const alt = leadId === null ? '' : (alts.get(leadId) ?? images.find((image) => image.mediaId === leadId)?.alt ?? '')
    return {
      headline: held.headline,
      standfirst: held.standfirst,
      // An empty slug field is made from the headline when saved.
      slug: held.slug || derivedSlug(held.headline),
      bylines: held.bylines,
      seoTitle: held.seoTitle,
      socialHeadline: held.socialHeadline,
      body,
      lead: leadId === null ? null : { alt, credit: held.leadCredit },
      openComments,
    }
  }

  const onAltText = useCallback((mediaId: number, alt: string) => setAlts((known) => new Map(known).set(mediaId, alt)), [])
  const results: CheckResult[] = runChecklist(storyOf(fields, checkedBody), severities)
  const latest = () => runChecklist(storyOf(fieldsRef.current, bodyRef.current), severities)
  return { results, latest, onAltText, bodyChanged: setCheckedBody }
}
