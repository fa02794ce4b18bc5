'use client'

import { type ReactNode, useState } from 'react'
import { Field } from '@/components/ui/field'
import { articleLimits, derivedSlug, seoHints } from '@/lib/article-input'
import type { StoryDraft } from '@/lib/story-draft'
import type { MediaOption } from '@/lib/media/types'
import { BylineFields } from './byline-fields'
import { characterCount } from './character-count'
import { FieldConflictNotice, describeBylines, describeImage } from './field-conflicts'
import { imageName } from './media/media-picker'
import { SectionOptions } from './section-options'
import { type SharingSite, SharingPreviews } from './sharing-previews'

/** A story's fields as the form holds them: all but the body, which the editor keeps. */
export type StoryFields = Omit<StoryDraft, 'body'>

type StorySettingsProps = {
  fields: StoryFields
  onChange: <K extends keyof StoryFields>(field: K, value: StoryFields[K]) => void
  /** Whether the story was ever published; until then its slug follows the headline. */
  hasBeenPublished: boolean
  /** What is wrong, by field (`slug`, `tags`, `bylines`, `byline-N-name`…): each shown by its field. */
  errors: Record<string, string>
  sections: { id: number; label: string }[]
  staff: { id: number; name: string }[]
  /** The library images the form knows: choices for the social image, and the previews' pictures. */
  images: readonly MediaOption[]
  /** The publication and section addresses the previews show. */
  site: SharingSite
  /** The lead image's fields, which sit between the bylines and search and sharing. */
  children: ReactNode
}

/** Where the story goes and how it is found: section, slug, tags, bylines, lead image, search and sharing. */
export function StorySettings(props: StorySettingsProps) {
  const { fields, onChange, hasBeenPublished, errors, sections, staff, images, site, children } = props
  const seoTitleCount = characterCount(fields.seoTitle, articleLimits.seoTitle, seoHints.title)
  const seoDescriptionCount = characterCount(fields.seoDescription, articleLimits.seoDescription, seoHints.description)
  const socialHeadlineCount = characterCount(fields.socialHeadline, articleLimits.socialHeadline, seoHints.socialHeadline)
  return (
    <aside className="story-side" aria-label="Story settings">
      <Field id="section" label="Section">
        {(control) => (
          <select {...control} value={fields.sectionId} onChange={(event) => onChange('sectionId', Number(event.target.value))}>
            <SectionOptions options={sections} />
          </select>
        )}
      </Field>
      <FieldConflictNotice
        field="sectionId"
        label="Section"
        describe={(id) => sections.find((section) => section.id === id)?.label ?? 'none'}
      />
      <Field
        id="slug"
        label="Slug"
        error={errors.slug}
        hint={`Lower-case words and hyphens; unique within the section.${
          hasBeenPublished ? ' Empty: made from the headline.' : ' Left empty, it follows the headline until the story is first published.'
        }`}
      >
        {(control) => (
          <input
            {...control}
            value={fields.slug}
            placeholder={derivedSlug(fields.headline) || 'made-from-the-headline'}
            onChange={(event) => onChange('slug', event.target.value)}
          />
        )}
      </Field>
      <FieldConflictNotice field="slug" label="Slug" />
      <TagsField tags={fields.tags} error={errors.tags} onChange={(tags) => onChange('tags', tags)} />
      <FieldConflictNotice field="tags" label="Tags" />

      <BylineFields bylines={fields.bylines} staff={staff} errors={errors} onChange={(bylines) => onChange('bylines', bylines)} />
      <FieldConflictNotice field="bylines" label="Bylines" describe={(bylines) => describeBylines(bylines, staff)} />

      {children}

      <fieldset>
        <legend>Search and sharing</legend>
        <Field id="seo-title" label="SEO title" hint={seoTitleCount.text} error={errors.seoTitle} isInvalid={seoTitleCount.isOver}>
          {(control) => (
            <input
              {...control}
              value={fields.seoTitle}
              placeholder={fields.headline}
              onChange={(event) => onChange('seoTitle', event.target.value)}
            />
          )}
        </Field>
        <FieldConflictNotice field="seoTitle" label="SEO title" />
        <Field
          id="seo-description"
          label="SEO description"
          hint={seoDescriptionCount.text}
          error={errors.seoDescription}
          isInvalid={seoDescriptionCount.isOver}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={fields.seoDescription}
              placeholder={fields.standfirst}
              onChange={(event) => onChange('seoDescription', event.target.value)}
            />
          )}
        </Field>
        <FieldConflictNotice field="seoDescription" label="SEO description" />
        <Field
          id="social-headline"
          label="Social headline"
          hint={socialHeadlineCount.text}
          error={errors.socialHeadline}
          isInvalid={socialHeadlineCount.isOver}
        >
          {(control) => (
            <input
              {...control}
              value={fields.socialHeadline}
              placeholder={fields.seoTitle || fields.headline}
              onChange={(event) => onChange('socialHeadline', event.target.value)}
            />
          )}
        </Field>
        <FieldConflictNotice field="socialHeadline" label="Social headline" />
        <SocialImageField images={images} chosenId={fields.socialMediaId} onChange={(id) => onChange('socialMediaId', id)} />
        <FieldConflictNotice field="socialMediaId" label="Social image" describe={describeImage(images)} />
        <SharingPreviews fields={fields} images={images} site={site} />
      </fieldset>
    </aside>
  )
}

/** The image link previews show instead of the lead image: one of the library's images the form knows, or the lead image. */
function SocialImageField(props: { images: readonly MediaOption[]; chosenId: number | null; onChange: (id: number | null) => void }) {
  const { images, chosenId, onChange } = props
  const isKnown = chosenId === null || images.some((image) => image.mediaId === chosenId)
  return (
    <Field id="social-image" label="Social image" hint="Link previews show it instead of the lead image.">
      {(control) => (
        <select {...control} value={chosenId ?? ''} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}>
          <option value="">Same as the lead image</option>
          {!isKnown && <option value={chosenId}>Image {chosenId} from the library</option>}
          {images.map((image) => (
            <option key={image.mediaId} value={image.mediaId}>
              {imageName(image)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

const toTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)

/** The tags as typed ("climate, floods, "), kept apart from the list that is saved until another list is loaded. */
function TagsField({ tags, error, onChange }: { tags: string[]; error?: string; onChange: (tags: string[]) => void }) {
  const [typed, setTyped] = useState(tags.join(', '))
  const shown = toTags(typed).join(',') === tags.join(',') ? typed : tags.join(', ')
  return (
    <Field id="tags" label="Tags" hint="Separated by commas." error={error}>
      {(control) => (
        <input
          {...control}
          value={shown}
          onChange={(event) => {
            setTyped(event.target.value)
            onChange(toTags(event.target.value))
          }}
        />
      )}
    </Field>
  )
}
