'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RichTextDoc } from '@/db/schema'
import { StoryBodyEditor } from '@/components/editor/story-body-editor'
import { uploadImage } from '@/components/editor/upload-image'
import { countWords, plainText } from '@/lib/rich-text-plain'
import { slugify } from '@/lib/slug'
import { BylineFields } from './byline-fields'
import { ConflictPanel } from './conflict-panel'
import { type LocalDraft, clearLocalDraft, readLocalDraft } from './local-draft'
import { PresenceLine } from './presence-line'
import { SaveStatusLine } from './save-status-line'
import { type StoryDraft, readingMinutes, sameDraft } from '@/lib/story-draft'
import { useStoryAutosave } from './use-story-autosave'
import { WorkflowActions, type WorkflowActionsProps } from './workflow-actions'

export type MediaChoice = { mediaId: number; src: string; alt: string; caption: string; credit: string; width: number; height: number }

type StoryFormProps = {
  articleId: number
  version: number
  isLive: boolean
  initial: StoryDraft
  sections: { id: number; label: string }[]
  staff: { id: number; name: string }[]
  media: MediaChoice[]
  workflowActions: WorkflowActionsProps['actions']
}

type Fields = Omit<StoryDraft, 'body'>

/** The story editor: every field of a story, saved as the writer goes. */
export function StoryForm({ articleId, version, isLive, initial, sections, staff, media, workflowActions }: StoryFormProps) {
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
    const local = readLocalDraft(articleId)
    if (!local) return
    if (sameDraft(local.draft, initial)) clearLocalDraft(articleId)
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the device's storage exists only in the browser, after hydration; reading it during render would make server and client HTML differ
    else setRecovery(local)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- offered once, when the story opens: re-running when `initial` changes (after a workflow step refreshes the page) would offer the edits this page is saving right now
  }, [articleId])

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
      const { body: nextBody, ...nextFields } = draft
      fieldsRef.current = nextFields
      setFields(nextFields)
      setTagsText(nextFields.tags.join(', '))
      body.current = nextBody
      setBodyStart(nextBody)
      setBodyKey((key) => key + 1)
      setWords(countWords(plainText(nextBody)))
    },
    [],
  )

  const restoreRecovered = () => {
    if (!recovery) return
    load(recovery.draft)
    setRecovery(null)
    markChanged()
  }

  // Images uploaded here join the library's list until the page is next loaded.
  const [uploaded, setUploaded] = useState<MediaChoice[]>([])
  const [leadUpload, setLeadUpload] = useState<string>()
  const images = useMemo(() => [...uploaded, ...media.filter((item) => !uploaded.some((up) => up.mediaId === item.mediaId))], [uploaded, media])
  const lead = images.find((item) => item.mediaId === fields.leadMediaId)

  const chooseLead = (chosen: MediaChoice | undefined) => {
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
  const slugPlaceholder = slugify(fields.headline) || 'derived-from-the-headline'

  return (
    <div className="story-form">
      <div className="story-form-bar">
        <SaveStatusLine status={autosave.status} />
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
            This device kept changes to this story that were not saved (from {new Date(recovery.keptAt).toLocaleString()}).
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
            <textarea id="headline" rows={2} value={fields.headline} onChange={(event) => update('headline', event.target.value)} />
            <Hint length={fields.headline.length} max={300} />
          </div>
          <div className="field">
            <label htmlFor="standfirst">Standfirst</label>
            <textarea id="standfirst" rows={3} value={fields.standfirst} onChange={(event) => update('standfirst', event.target.value)} />
            <Hint length={fields.standfirst.length} max={600} />
          </div>
          <div className="field">
            <span className="label" id="body-label">
              Body
            </span>
            <StoryBodyEditor key={bodyKey} id="body" label="Story body" initialContent={bodyStart} onChange={onBodyChange} figures={images} />
            <p className="muted small">
              {words.toLocaleString('en-GB')} words · {readingMinutes(words)} min read
            </p>
          </div>
        </div>

        <aside className="story-side" aria-label="Story settings">
          <div className="field">
            <label htmlFor="section">Section</label>
            <select id="section" value={fields.sectionId} onChange={(event) => update('sectionId', Number(event.target.value))}>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="slug">Slug</label>
            <input id="slug" value={fields.slug} placeholder={slugPlaceholder} onChange={(event) => update('slug', event.target.value)} />
            <p className="muted small">Lower-case words and hyphens; unique within the section. Empty: made from the headline.</p>
          </div>
          <div className="field">
            <label htmlFor="tags">Tags</label>
            <input
              id="tags"
              value={tagsText}
              onChange={(event) => {
                setTagsText(event.target.value)
                update('tags', event.target.value.split(',').map((tag) => tag.trim()).filter(Boolean))
              }}
            />
            <p className="muted small">Separated by commas.</p>
          </div>

          <BylineFields bylines={fields.bylines} staff={staff} onChange={(bylines) => update('bylines', bylines)} />

          <fieldset>
            <legend>Lead image</legend>
            <div className="field">
              <label htmlFor="lead-image">Image</label>
              <select
                id="lead-image"
                value={fields.leadMediaId ?? ''}
                onChange={(event) => chooseLead(images.find((item) => item.mediaId === Number(event.target.value)))}
              >
                <option value="">No lead image</option>
                {images.map((item) => (
                  <option key={item.mediaId} value={item.mediaId}>
                    {item.alt || item.src}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="lead-upload">Upload a lead image</label>
              <input id="lead-upload" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" onChange={(event) => void uploadLead(event.target.files?.[0])} />
              {leadUpload && (
                <p className="small" role="status">
                  {leadUpload}
                </p>
              )}
            </div>
            {lead && (
              // eslint-disable-next-line @next/next/no-img-element -- a small preview of a library image
              <img className="lead-preview" src={lead.src} alt={lead.alt} width={lead.width} height={lead.height} />
            )}
            <div className="field">
              <label htmlFor="lead-caption">Caption</label>
              <textarea id="lead-caption" rows={3} value={fields.leadCaption} onChange={(event) => update('leadCaption', event.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="lead-credit">Credit</label>
              <input id="lead-credit" value={fields.leadCredit} placeholder="NAME/AGENCY" onChange={(event) => update('leadCredit', event.target.value)} />
            </div>
          </fieldset>

          <fieldset>
            <legend>Search and sharing</legend>
            <div className="field">
              <label htmlFor="seo-title">SEO title</label>
              <input id="seo-title" value={fields.seoTitle} placeholder={fields.headline} onChange={(event) => update('seoTitle', event.target.value)} />
              <Hint length={fields.seoTitle.length} max={200} ideal={60} />
            </div>
            <div className="field">
              <label htmlFor="seo-description">SEO description</label>
              <textarea id="seo-description" rows={3} value={fields.seoDescription} placeholder={fields.standfirst} onChange={(event) => update('seoDescription', event.target.value)} />
              <Hint length={fields.seoDescription.length} max={400} ideal={155} />
            </div>
          </fieldset>
        </aside>
      </div>
    </div>
  )
}

/** A character count against a hard limit, and where search engines cut off, if that is shorter. */
function Hint({ length, max, ideal }: { length: number; max: number; ideal?: number }) {
  const over = length > max
  const long = ideal !== undefined && length > ideal
  return (
    <p className={`small ${over ? 'field-error' : 'muted'}`}>
      {length} / {ideal ?? max} characters
      {over ? ` — over the limit of ${max}; it will not save until shortened.` : long ? ' — search results will cut it short.' : ''}
    </p>
  )
}
