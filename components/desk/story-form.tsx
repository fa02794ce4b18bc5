'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RichTextDoc } from '@/db/schema'
import { StoryBodyEditor } from '@/components/editor/story-body-editor'
import { uploadImage } from '@/components/editor/upload-image'
import { articleLimits, derivedSlug, seoHints } from '@/lib/article-input'
import type { MediaOption } from '@/lib/media/types'
import { countWords, plainText } from '@/lib/rich-text-plain'
import { BylineFields } from './byline-fields'
import { ConflictPanel } from './conflict-panel'
import { requestJson } from './json-client'
import { LeadImagePicker, type LeadImagePickerProps } from './lead-image-picker'
import { type LocalDraft, clearLocalDraft, readLocalDraft } from './local-draft'
import { PresenceLine } from './presence-line'
import { SaveStatusLine } from './save-status-line'
import { SectionOptions } from './section-options'
import { type NewStoryResponse, type StoryDraft, readingMinutes, sameDraft, toFormDraft } from '@/lib/story-draft'
import { useStoryAutosave } from './use-story-autosave'
import { WorkflowActions, type WorkflowActionsProps } from './workflow-actions'
import { DateTime } from '@/components/ui/date-time'

type StoryFormProps = {
  articleId: number
  version: number
  isLive: boolean
  /** Whether the story was ever published; until then its slug follows the headline. */
  hasBeenPublished: boolean
  initial: StoryDraft
  sections: { id: number; label: string }[]
  staff: { id: number; name: string }[]
  media: MediaOption[]
  workflowActions: WorkflowActionsProps['actions']
  saveAltText: LeadImagePickerProps['saveAltText']
}

type Fields = Omit<StoryDraft, 'body'>

/** The story editor: every field of a story, saved as the writer goes. */
export function StoryForm({
  articleId,
  version,
  isLive,
  hasBeenPublished,
  initial: opened,
  sections,
  staff,
  media,
  workflowActions,
  saveAltText,
}: StoryFormProps) {
  // What the story had when it opened: a refresh after a workflow step does not reload the form.
  const [initial] = useState(() => toFormDraft(opened, hasBeenPublished))
  const { body: initialBody, ...initialFields } = initial
  const [fields, setFields] = useState<Fields>(initialFields)
  const [bodyKey, setBodyKey] = useState(0)
  const [bodyStart, setBodyStart] = useState<RichTextDoc>(initialBody)
  const [words, setWords] = useState(() => countWords(plainText(initialBody)))
  const [recovery, setRecovery] = useState<LocalDraft | null>(null)
  // The tags as typed ("climate, floods, "), kept apart from the list that is saved.
  const [tagsText, setTagsText] = useState(initial.tags.join(', '))
  const body = useRef(initialBody)
  const fieldsRef = useRef(fields)
  const wordTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const collect = useCallback((): StoryDraft => ({ ...fieldsRef.current, body: body.current }), [])
  const autosave = useStoryAutosave({ articleId, version, collect })
  const { markChanged } = autosave

  // The first save of a live story makes it an update: the desk then offers to publish it (or
  // send it for review), which only the server's page knows.
  const router = useRouter()
  const offeredUpdate = useRef(false)
  useEffect(() => {
    if (!isLive || offeredUpdate.current || autosave.status.kind !== 'saved') return
    offeredUpdate.current = true
    router.refresh()
  }, [isLive, autosave.status.kind, router])

  useEffect(() => {
    let isActive = true
    void readLocalDraft(articleId).then((local) => {
      if (!local || !isActive) return
      if (sameDraft(local.draft, initial)) void clearLocalDraft(articleId)
      else setRecovery(local)
    })
    return () => {
      isActive = false
    }
  }, [articleId, initial])

  const update = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    fieldsRef.current = { ...fieldsRef.current, [key]: value }
    setFields(fieldsRef.current)
    markChanged()
  }

  const onBodyChange = useCallback(
    (doc: RichTextDoc) => {
      body.current = doc
      markChanged()
      clearTimeout(wordTimer.current)
      wordTimer.current = setTimeout(() => setWords(countWords(plainText(doc))), 800)
    },
    [markChanged],
  )

  /** Puts a whole version into the form: a recovered device copy, or another person's save. */
  const load = useCallback(
    (draft: StoryDraft) => {
      const { body: nextBody, ...nextFields } = toFormDraft(draft, hasBeenPublished)
      fieldsRef.current = nextFields
      setFields(nextFields)
      setTagsText(nextFields.tags.join(', '))
      body.current = nextBody
      setBodyStart(nextBody)
      setBodyKey((key) => key + 1)
      setWords(countWords(plainText(nextBody)))
    },
    [hasBeenPublished],
  )

  const restoreRecovered = () => {
    if (!recovery) return
    load(recovery.draft)
    setRecovery(null)
    markChanged()
    void autosave.saveRecovered(recovery.baseVersion)
  }

  // A story deleted while it was open: its text can still become a new story.
  const [newStoryError, setNewStoryError] = useState<string>()
  const saveAsNewStory = async () => {
    setNewStoryError(undefined)
    const answer = await createFromDraft(collect())
    if (!answer.ok) {
      setNewStoryError(answer.message)
      return
    }
    await autosave.settle()
    router.push(`/desk/articles/${answer.articleId}`)
  }

  // Images uploaded here join the library's list until the page is next loaded.
  const [uploaded, setUploaded] = useState<MediaOption[]>([])
  const [leadUpload, setLeadUpload] = useState<string>()
  const images = useMemo(
    () => [...uploaded, ...media.filter((item) => !uploaded.some((up) => up.mediaId === item.mediaId))],
    [uploaded, media],
  )

  const chooseLead = (chosen: MediaOption | undefined) => {
    fieldsRef.current = {
      ...fieldsRef.current,
      leadMediaId: chosen?.mediaId ?? null,
      leadCaption: fieldsRef.current.leadCaption || chosen?.caption || '',
      leadCredit: fieldsRef.current.leadCredit || chosen?.credit || '',
    }
    setFields(fieldsRef.current)
    markChanged()
  }

  const uploadLead = async (file: File | undefined) => {
    if (!file) return
    setLeadUpload(`Uploading ${file.name}…`)
    const answer = await uploadImage(file)
    if (!answer.ok) {
      setLeadUpload(answer.message)
      return
    }
    setUploaded((current) => [answer.figure, ...current])
    chooseLead(answer.figure)
    setLeadUpload(answer.notice ?? 'Uploaded. Write its caption and credit below.')
  }
  const slugPlaceholder = derivedSlug(fields.headline) || 'made-from-the-headline'
  const slugError = autosave.status.kind === 'refused' && autosave.status.reason === 'slug-taken' ? autosave.status.message : undefined
  const isHeadlineTooLong = fields.headline.length > articleLimits.headline

  return (
    <div className="story-form">
      <div className="story-form-bar">
        <SaveStatusLine status={autosave.status} isDeviceCopyFailed={autosave.isDeviceCopyFailed} />
        <PresenceLine articleId={articleId} />
        <button type="button" className="button" onClick={() => void autosave.save('save')}>
          Save
        </button>
      </div>
      <WorkflowActions
        articleId={articleId}
        actions={workflowActions}
        version={version}
        currentVersion={autosave.currentVersion}
        beforeAction={autosave.flush}
        onMoved={autosave.adoptVersion}
      />

      {isLive && (
        <p className="message info">
          This story is live. Your changes make a new draft; readers keep the published version until it is published again.
        </p>
      )}

      {recovery && (
        <div className="message warning" role="region" aria-label="Recovered changes">
          <p className="flush">
            This device kept changes to this story that were not saved (from <DateTime value={recovery.keptAt} format="device" />
            ).
          </p>
          <div className="inline-form">
            <button type="button" className="button" onClick={restoreRecovered}>
              Restore my unsaved changes
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                clearLocalDraft(articleId)
                setRecovery(null)
              }}
            >
              Discard them
            </button>
          </div>
        </div>
      )}

      {autosave.status.kind === 'missing' && (
        <div className="message error" role="region" aria-label="Story deleted">
          <p className="flush">
            This story was deleted while you were working on it. Your text is still here and kept on this device; save it as a new story to
            keep it.
          </p>
          <button type="button" className="button" onClick={() => void saveAsNewStory()}>
            Save as a new story
          </button>
          {newStoryError && (
            <p className="field-error small" role="alert">
              {newStoryError}
            </p>
          )}
        </div>
      )}

      {autosave.status.kind === 'conflict' && (
        <ConflictPanel
          mine={autosave.status.mine}
          other={autosave.status.other}
          onKeepMine={(other) => void autosave.keepMine(other)}
          onTakeTheirs={async (other) => {
            // Mine goes into the history first, so that neither text is lost.
            await autosave.keepMine(other)
            load(other.draft)
            markChanged()
            await autosave.save('save')
          }}
        />
      )}

      <div className="story-grid">
        <div className="story-main">
          <div className="field">
            <label htmlFor="headline">Headline</label>
            <textarea
              id="headline"
              rows={2}
              value={fields.headline}
              aria-invalid={isHeadlineTooLong}
              aria-describedby="headline-hint"
              onChange={(event) => update('headline', event.target.value)}
            />
            <Hint id="headline-hint" length={fields.headline.length} max={articleLimits.headline} />
          </div>
          <div className="field">
            <label htmlFor="standfirst">Standfirst</label>
            <textarea id="standfirst" rows={3} value={fields.standfirst} onChange={(event) => update('standfirst', event.target.value)} />
            <Hint length={fields.standfirst.length} max={articleLimits.standfirst} />
          </div>
          <div className="field">
            <span className="label" id="body-label">
              Body
            </span>
            <StoryBodyEditor
              key={bodyKey}
              id="body"
              label="Story body"
              initialContent={bodyStart}
              onChange={onBodyChange}
              figures={images}
            />
            <p className="muted small">
              {words.toLocaleString('en-GB')} words · {readingMinutes(words)} min read
            </p>
          </div>
        </div>

        <aside className="story-side" aria-label="Story settings">
          <div className="field">
            <label htmlFor="section">Section</label>
            <select id="section" value={fields.sectionId} onChange={(event) => update('sectionId', Number(event.target.value))}>
              <SectionOptions options={sections} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="slug">Slug</label>
            <input
              id="slug"
              value={fields.slug}
              placeholder={slugPlaceholder}
              aria-invalid={slugError !== undefined}
              aria-describedby="slug-hint"
              onChange={(event) => update('slug', event.target.value)}
            />
            {slugError && <p className="small field-error">{slugError}</p>}
            <p className="muted small" id="slug-hint">
              Lower-case words and hyphens; unique within the section.
              {hasBeenPublished
                ? ' Empty: made from the headline.'
                : ' Left empty, it follows the headline until the story is first published.'}
            </p>
          </div>
          <div className="field">
            <label htmlFor="tags">Tags</label>
            <input
              id="tags"
              value={tagsText}
              onChange={(event) => {
                setTagsText(event.target.value)
                update(
                  'tags',
                  event.target.value
                    .split(',')
                    .map((tag) => tag.trim())
                    .filter(Boolean),
                )
              }}
            />
            <p className="muted small">Separated by commas.</p>
          </div>

          <BylineFields bylines={fields.bylines} staff={staff} onChange={(bylines) => update('bylines', bylines)} />

          <fieldset>
            <legend>Lead image</legend>
            <LeadImagePicker images={images} chosenId={fields.leadMediaId} onChoose={chooseLead} saveAltText={saveAltText} />
            <div className="field">
              <label htmlFor="lead-upload">Upload a lead image</label>
              <input
                id="lead-upload"
                type="file"
                accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
                onChange={(event) => void uploadLead(event.target.files?.[0])}
              />
              {leadUpload && (
                <p className="small" role="status">
                  {leadUpload}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor="lead-caption">Caption</label>
              <textarea
                id="lead-caption"
                rows={3}
                value={fields.leadCaption}
                onChange={(event) => update('leadCaption', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="lead-credit">Credit</label>
              <input
                id="lead-credit"
                value={fields.leadCredit}
                placeholder="NAME/AGENCY"
                onChange={(event) => update('leadCredit', event.target.value)}
              />
            </div>
          </fieldset>

          <fieldset>
            <legend>Search and sharing</legend>
            <div className="field">
              <label htmlFor="seo-title">SEO title</label>
              <input
                id="seo-title"
                value={fields.seoTitle}
                placeholder={fields.headline}
                onChange={(event) => update('seoTitle', event.target.value)}
              />
              <Hint length={fields.seoTitle.length} max={articleLimits.seoTitle} ideal={seoHints.title} />
            </div>
            <div className="field">
              <label htmlFor="seo-description">SEO description</label>
              <textarea
                id="seo-description"
                rows={3}
                value={fields.seoDescription}
                placeholder={fields.standfirst}
                onChange={(event) => update('seoDescription', event.target.value)}
              />
              <Hint length={fields.seoDescription.length} max={articleLimits.seoDescription} ideal={seoHints.description} />
            </div>
          </fieldset>
        </aside>
      </div>
    </div>
  )
}

async function createFromDraft(draft: StoryDraft): Promise<NewStoryResponse> {
  const unsaved = 'The new story could not be saved: check the connection and try again. Your text is still here.'
  const answer = await requestJson<NewStoryResponse>('/desk/articles/new/from-draft', {
    method: 'POST',
    body: { draft },
    messages: {
      network: unsaved,
      signedOut: 'You are signed out. Sign in again in another tab, then try again.',
      unreadable: () => unsaved,
    },
  })
  return answer.ok ? answer.data : { ok: false, message: answer.message }
}

/** A character count against a hard limit, and where search engines cut off, if that is shorter. */
function Hint({ id, length, max, ideal }: { id?: string; length: number; max: number; ideal?: number }) {
  const over = length > max
  const long = ideal !== undefined && length > ideal
  return (
    <p id={id} className={`small ${over ? 'field-error' : 'muted'}`}>
      {length} / {ideal ?? max} characters
      {over ? ` — over the limit of ${max}; it will not save until shortened.` : long ? ' — search results will cut it short.' : ''}
    </p>
  )
}
