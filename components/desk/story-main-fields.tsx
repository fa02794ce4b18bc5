'use client'

import type { RichTextDoc } from '@/db/schema'
import { StoryBodyEditor } from '@/components/editor/story-body-editor'
import { Field } from '@/components/ui/field'
import { articleLimits } from '@/lib/article-input'
import type { MediaOption } from '@/lib/media/types'
import { readingMinutes } from '@/lib/story-draft'
import { characterCount } from './character-count'
import { TypographicTextarea } from './typographic-textarea'

type StoryMainFieldsProps = {
  headline: string
  standfirst: string
  dateline: string
  /** What is wrong with the headline, if anything. */
  headlineError?: string
  /** What the server found wrong with the dateline, if anything. */
  datelineError?: string
  onChange: (field: 'headline' | 'standfirst' | 'dateline', value: string) => void
  /** The body editor: the body it starts with, and one loaded since (another person's save, a merge). */
  body: { start: RichTextDoc; loaded: { doc: RichTextDoc } | null; words: number; onChange: (doc: RichTextDoc) => void }
  /** Library images the body may show as figures. */
  images: MediaOption[]
}

/** What readers read: the headline, the standfirst, the dateline and the body. */
export function StoryMainFields(props: StoryMainFieldsProps) {
  const { headline, standfirst, dateline, headlineError, datelineError, onChange, body, images } = props
  const headlineCount = characterCount(headline, articleLimits.headline)
  const standfirstCount = characterCount(standfirst, articleLimits.standfirst)
  const datelineCount = characterCount(dateline, articleLimits.dateline)
  return (
    <div className="story-main">
      <Field id="headline" label="Headline" hint={headlineCount.text} error={headlineError} isInvalid={headlineCount.isOver}>
        {(control) => <TypographicTextarea {...control} rows={2} value={headline} onChange={(value) => onChange('headline', value)} />}
      </Field>
      <Field id="standfirst" label="Standfirst" hint={standfirstCount.text} isInvalid={standfirstCount.isOver}>
        {(control) => <TypographicTextarea {...control} rows={3} value={standfirst} onChange={(value) => onChange('standfirst', value)} />}
      </Field>
      <Field
        id="dateline"
        label="Dateline"
        hint={`Where the story was reported from, like BEIRUT; readers see it at the start of the body. ${datelineCount.text}`}
        error={datelineError}
        isInvalid={datelineCount.isOver}
      >
        {(control) => <input {...control} value={dateline} onChange={(event) => onChange('dateline', event.target.value)} />}
      </Field>
      <div className="field">
        <span className="label" id="body-label">
          Body
        </span>
        <StoryBodyEditor
          id="body"
          label="Story body"
          initialContent={body.start}
          loaded={body.loaded}
          onChange={body.onChange}
          figures={images}
        />
        <p className="muted small">
          {body.words.toLocaleString('en-GB')} words · {readingMinutes(body.words)} min read
        </p>
      </div>
    </div>
  )
}
