'use client'

import type { Editor } from '@tiptap/core'
import { useState } from 'react'
import type * as Y from 'yjs'
import type { RichTextDoc } from '@/db/schema'
import { StoryBodyEditor } from '@/components/editor/story-body-editor'
import { Field } from '@/components/ui/field'
import { articleLimits } from '@/lib/article-input'
import type { MediaOption } from '@/lib/media/types'
import { caretColourFor } from '@/lib/collab/colours'
import { readingMinutes } from '@/lib/story-draft'
import { characterCount } from './character-count'
import { CommentsRail, type StoryComments } from './comments-rail'
import { FieldConflictNotice } from './field-conflicts'
import { SuggestionsRail } from './suggestions-rail'
import { TypographicTextarea } from './typographic-textarea'
import type { CollabState } from './use-story-collab'

type StoryMainFieldsProps = {
  fields: { headline: string; standfirst: string; dateline: string }
  /** What is wrong, by field: the headline's and the dateline's are shown here. */
  errors: Record<string, string>
  onChange: (field: 'headline' | 'standfirst' | 'dateline', value: string) => void
  /** The body editor: the body it starts with, and one loaded since (another person's save, a merge). */
  body: { start: RichTextDoc; loaded: { doc: RichTextDoc } | null; words: number; onChange: (doc: RichTextDoc) => void }
  /** Library images the body may show as figures. */
  images: MediaOption[]
  /** The comments on the words, beside the body. */
  comments: StoryComments & { articleId: number }
  /** Whether the headline, standfirst and body are written together (lib/collab/), and how far. */
  collab: CollabState
  /**
   * The document of the person's unsent typing kept on this device, typed on into while the shared
   * story opens (components/desk/use-kept-copy.ts), or null.
   */
  waiting: Y.Doc | null
}

/** What readers read: the headline, the standfirst, the dateline and the body. */
export function StoryMainFields(props: StoryMainFieldsProps) {
  const { fields, errors, onChange, body, images, comments, collab, waiting } = props
  const [editor, setEditor] = useState<Editor | null>(null)
  const { articleId, actions, canWrite, suggestions } = comments
  const { headline, standfirst, dateline } = fields
  const headlineCount = characterCount(headline, articleLimits.headline)
  const standfirstCount = characterCount(standfirst, articleLimits.standfirst)
  const datelineCount = characterCount(dateline, articleLimits.dateline)
  // Until the shared story is there (a moment), its parts wait, what was typed could not be shared;
  // unless a copy kept on this device waits for it too: the person types on into that.
  const isWaiting = collab.kind === 'connecting' && !waiting
  const shared = collab.kind === 'shared' ? collab : null
  const isReadOnly = isWaiting || (shared?.isReadOnly ?? false)
  const { provider, doc, user } = shared?.story ?? {}
  const who = suggestions.who
  // The body editor moves from the kept copy's document to the shared story's in place, keeping
  // the person's caret, focus and suggestion mode (components/editor/collaboration.ts).
  const collaboration =
    provider?.awareness && doc && user
      ? { doc, awareness: provider.awareness, provider, user }
      : waiting
        ? { doc: waiting, awareness: null, provider: null, user: { name: who.name, color: caretColourFor(who.name) } }
        : null
  return (
    <div className="story-main">
      <Field id="headline" label="Headline" hint={headlineCount.text} error={errors.headline} isInvalid={headlineCount.isOver}>
        {(control) => (
          <TypographicTextarea
            {...control}
            rows={2}
            readOnly={isReadOnly}
            value={headline}
            onChange={(value) => onChange('headline', value)}
          />
        )}
      </Field>
      <Field id="standfirst" label="Standfirst" hint={standfirstCount.text} isInvalid={standfirstCount.isOver}>
        {(control) => (
          <TypographicTextarea
            {...control}
            rows={3}
            readOnly={isReadOnly}
            value={standfirst}
            onChange={(value) => onChange('standfirst', value)}
          />
        )}
      </Field>
      <Field
        id="dateline"
        label="Dateline"
        hint={`Where the story was reported from, like BEIRUT; readers see it at the start of the body. ${datelineCount.text}`}
        error={errors.dateline}
        isInvalid={datelineCount.isOver}
      >
        {(control) => <input {...control} value={dateline} onChange={(event) => onChange('dateline', event.target.value)} />}
      </Field>
      <FieldConflictNotice field="dateline" label="Dateline" />
      <div className="body-with-comments">
        <div className="field">
          <span className="label" id="body-label">
            Body
          </span>
          {isWaiting ? (
            <p className="editor editor-waiting muted">Opening the story…</p>
          ) : (
            <StoryBodyEditor
              key={collaboration ? 'shared' : 'form'}
              collaboration={collaboration}
              isReadOnly={shared?.isReadOnly ?? false}
              id="body"
              label="Story body"
              initialContent={body.start}
              loaded={body.loaded}
              onChange={body.onChange}
              figures={images}
              addComment={canWrite ? (input) => actions.add({ articleId, ...input }) : undefined}
              onReady={setEditor}
              suggesting={{ who: suggestions.who, startsOn: suggestions.startsOn, mayReview: suggestions.canReview }}
            />
          )}
          <p className="muted small">
            {body.words.toLocaleString('en-GB')} words · {readingMinutes(body.words)} min read
          </p>
        </div>
        <div className="story-rails">
          <SuggestionsRail editor={editor} canReview={suggestions.canReview} />
          <CommentsRail articleId={articleId} editor={editor} comments={comments} />
        </div>
      </div>
    </div>
  )
}
