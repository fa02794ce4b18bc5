'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { RichTextDoc } from '@/db/schema'
import { useImageUploads } from '@/components/editor/use-image-uploads'
import type { MediaOption } from '@/lib/media/types'
import { countWords, plainText } from '@/lib/rich-text-plain'
import { type StoryProblem, storyProblems } from '@/lib/article-input'
import { type OtherVersion, type StoryDraft, canonicalJson, sameDraft, toFormDraft } from '@/lib/story-draft'
import type { CheckSeverities } from '@/lib/prepublish-checks'
import type { AvailableAction } from '@/lib/workflow-checks'
import { ApprovalNotice, type ApprovalAtOpen, useApproval } from './approval-notice'
import type { StoryComments } from './comments-rail'
import { CollabNotice } from './collab-notice'
import { ConflictPanel } from './conflict-panel'
import { FieldConflicts } from './field-conflicts'
import { LeadImageFields, withLeadImage } from './lead-image-fields'
import type { LeadImagePickerProps } from './lead-image-picker'
import { type LocalDraft, clearLocalDraft, readLocalDraft } from './local-draft'
import { StoryFormBar } from './story-form-bar'
import { StoryMainFields } from './story-main-fields'
import type { SharingSite } from './sharing-previews'
import { DeletedStory, LiveNote, MergeNotice, RecoveredChanges } from './story-notices'
import { type StoryFields, StorySettings } from './story-settings'
import { useRedrawOnFirstLiveSave } from './use-redraw-on-live-save'
import { useSharedStory } from './use-shared-story'
import { useStoryAutosave } from './use-story-autosave'
import { useStoryEvents } from './use-story-events'
import { useStoryChecklist } from './use-story-checklist'
import { useStoryMerge } from './use-story-merge'
import { WorkflowActions, type WorkflowActionsProps } from './workflow-actions'

type StoryFormProps = {
  articleId: number
  version: number
  /** The story's latest revision when the page was made. */
  revisionNumber: number
  isLive: boolean
  /** Whether the story was ever published; until then its slug follows the headline. */
  hasBeenPublished: boolean
  initial: StoryDraft
  sections: { id: number; label: string }[]
  staff: { id: number; name: string }[]
  media: MediaOption[]
  /** The publication and section addresses the search and link previews show. */
  site: SharingSite
  /** The workflow buttons this person may press, and the embargo the checklist shows. */
  workflow: Pick<WorkflowActionsProps, 'actions' | 'embargoUntil'>
  /** Which checks of the pre-publish checklist block and which warn (the newsroom's setting). */
  checkSeverities: CheckSeverities
  saveAltText: LeadImagePickerProps['saveAltText']
  approval: ApprovalAtOpen
  /** The comments on the words, shown beside the body. */
  comments: StoryComments
  /** Whether the story is written together through the sync server (lib/collab/), or saved by the form alone. */
  canWriteTogether: boolean
}

/** The story editor: every field of a story, saved as the writer goes. */
export function StoryForm(props: StoryFormProps) {
  const { articleId, version, revisionNumber, isLive, hasBeenPublished, initial: opened, sections, staff, media, site } = props
  const { workflow, checkSeverities, saveAltText, approval: approvalAtOpen, comments, canWriteTogether } = props
  // What the story had when it opened: a refresh after a workflow step does not reload the form.
  const [initial] = useState(() => toFormDraft(opened, hasBeenPublished))
  const { body: initialBody, ...initialFields } = initial
  const [fields, setFields] = useState<StoryFields>(initialFields)
  const [loadedBody, setLoadedBody] = useState<{ doc: RichTextDoc } | null>(null)
  const [words, setWords] = useState(() => countWords(plainText(initialBody)))
  const [recovery, setRecovery] = useState<LocalDraft | null>(null)
  // What the story lacks for the workflow step last tried; empty until one is tried.
  const [problems, setProblems] = useState<StoryProblem[]>([])
  const body = useRef(initialBody)
  const fieldsRef = useRef(fields)
  const wordTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const uploads = useImageUploads(media)
  const checklist = useStoryChecklist({
    severities: checkSeverities,
    images: uploads.images,
    fields,
    fieldsRef,
    startBody: initialBody,
    bodyRef: body,
    openComments: comments.threads.filter((thread) => !thread.isResolved).length,
  })
  const bodyChecked = checklist.bodyChanged

  const collect = useCallback((): StoryDraft => ({ ...fieldsRef.current, body: body.current }), [])
  // The merge needs the autosave, and the autosave tells the merge of a refused save.
  const conflictHandler = useRef<(other: OtherVersion) => void>(() => {})
  const onConflict = useCallback((other: OtherVersion) => conflictHandler.current(other), [])
  const approval = useApproval(approvalAtOpen)
  const { wantsApproval, onApproval } = approval
  // Whether the headline, standfirst and body are written together now (kept by useSharedStory).
  const isShared = useRef(false)
  const isAlone = useCallback(() => !isShared.current, [])
  const autosave = useStoryAutosave({
    ...{ articleId, version, revisionNumber, initial, collect },
    ...{ onConflict, wantsApproval, onApproval, isAlone },
  })
  const { markChanged } = autosave
  const { collab, writeShared, putFields, isKeeping, waiting } = useSharedStory({
    ...{ articleId, personId: comments.suggestions.who.id, canWriteTogether, fieldsRef, setFields, initial, markChanged },
    isSharedRef: isShared,
    onTurnedAway: (keptBody) => {
      if (keptBody) body.current = keptBody
      setLoadedBody({ doc: body.current })
    },
  })
  const router = useRouter()
  const forgetLiveSave = useRedrawOnFirstLiveSave(isLive, autosave.status.kind === 'saved' ? autosave.status.at : null)

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

  const update = <K extends keyof StoryFields>(key: K, value: StoryFields[K]) => {
    putFields({ ...fieldsRef.current, [key]: value })
    // The messages of a refused step follow the writer's fixes.
    setProblems((shown) => (shown.length > 0 ? storyProblems(fieldsRef.current) : shown))
    if (writeShared(key, value)) return
    markChanged()
  }

  /** Before a workflow step: the story must be complete for some, and every edit saved. Says why not. */
  const beforeAction = async (action: AvailableAction): Promise<string | null> => {
    if (action.needsCompleteStory) {
      const found = storyProblems(fieldsRef.current)
      setProblems(found)
      if (found[0]) {
        document.getElementById(found[0].field)?.focus()
        return 'The story is not ready to go on: see the message by each field marked.'
      }
    }
    // Written together, the shared text on screen is saved with the step too.
    if (isShared.current) markChanged()
    return (await autosave.flush()) ? null : 'Your latest changes could not be saved, so the story was not moved. See the status line.'
  }

  const onBodyChange = useCallback(
    (doc: RichTextDoc) => {
      body.current = doc
      if (!isShared.current) markChanged()
      clearTimeout(wordTimer.current)
      wordTimer.current = setTimeout(() => {
        setWords(countWords(plainText(doc)))
        bodyChecked(doc)
      }, 800)
    },
    [markChanged, bodyChecked, isShared],
  )

  /**
   * Puts a whole version into the form: a recovered device copy, another person's save, or a
   * merge. The body editor takes in only what changed in the body, so the caret stays where it is.
   */
  const load = useCallback(
    (draft: StoryDraft) => {
      const { body: nextBody, ...nextFields } = toFormDraft(draft, hasBeenPublished)
      putFields(nextFields)
      if (canonicalJson(nextBody) === canonicalJson(body.current)) return
      body.current = nextBody
      setLoadedBody({ doc: nextBody })
      setWords(countWords(plainText(nextBody)))
      bodyChecked(nextBody)
    },
    [hasBeenPublished, bodyChecked, putFields],
  )
  const toForm = useCallback((draft: StoryDraft) => toFormDraft(draft, hasBeenPublished), [hasBeenPublished])
  const merge = useStoryMerge({ autosave, collect, load, toForm, isShared: () => isShared.current })
  useEffect(() => {
    conflictHandler.current = merge.onConflict
  }, [merge.onConflict])
  const othersHere = useStoryEvents({ articleId, version, onChanged: merge.onChanged })

  const restoreRecovered = () => {
    if (!recovery) return
    load(recovery.draft)
    setRecovery(null)
    markChanged()
    void autosave.saveRecovered(recovery.baseVersion, recovery.base)
  }

  const onCreated = async (newId: number) => {
    await autosave.settle()
    router.push(`/desk/articles/${newId}`)
  }

  const chooseLead = (chosen: MediaOption | undefined) => {
    putFields(withLeadImage(fieldsRef.current, chosen))
    markChanged()
  }
  const uploadLead = async (file: File | undefined) => {
    const figure = await uploads.upload(file, 'Uploaded. Write its caption and credit below.')
    if (figure) chooseLead(figure)
  }
  // Each message by its field: what a step found missing, and the field a save was refused for.
  const errors: Record<string, string> = Object.fromEntries(problems.map((problem) => [problem.field, problem.message]))
  if (autosave.status.kind === 'refused' && autosave.status.field) errors[autosave.status.field] ??= autosave.status.message
  // A field of the shared story that the sync server's last revision could not take.
  for (const { field, message } of collab.kind === 'shared' ? (collab.lastCut?.notTaken ?? []) : []) errors[field] ??= message

  return (
    <div className="story-form">
      <StoryFormBar
        articleId={articleId}
        othersHere={othersHere}
        status={autosave.status}
        isDeviceCopyFailed={autosave.isDeviceCopyFailed}
        revisionNumber={autosave.revisionNumber}
        onSave={() => void autosave.save('save')}
        sharedCut={collab.kind === 'shared' ? collab.lastCut : null}
      />
      <WorkflowActions
        articleId={articleId}
        actions={workflow.actions}
        version={version}
        currentVersion={autosave.currentVersion}
        beforeAction={beforeAction}
        onMoved={(next) => {
          autosave.adoptVersion(next)
          approval.forget()
          forgetLiveSave()
        }}
        checklist={checklist.results}
        latestChecklist={checklist.latest}
        embargoUntil={workflow.embargoUntil}
      />

      <CollabNotice state={collab} isKeeping={isKeeping} />
      <ApprovalNotice {...approval.view} />
      {isLive && <LiveNote />}

      {recovery && (
        <RecoveredChanges
          keptAt={recovery.keptAt}
          onRestore={restoreRecovered}
          onDiscard={() => {
            clearLocalDraft(articleId)
            setRecovery(null)
          }}
        />
      )}

      {autosave.status.kind === 'missing' && <DeletedStory collect={collect} onCreated={onCreated} />}

      {merge.notice && <MergeNotice notice={merge.notice} />}
      {merge.pending && <ConflictPanel pending={merge.pending} sections={sections} staff={staff} onChoose={merge.choose} />}

      <FieldConflicts className="story-grid" story={collab.kind === 'shared' ? collab.story : null} onPutBack={update}>
        <StoryMainFields
          fields={fields}
          errors={errors}
          onChange={update}
          body={{ start: initialBody, loaded: loadedBody, words, onChange: onBodyChange }}
          images={uploads.images}
          comments={{ articleId, ...comments }}
          collab={collab}
          waiting={waiting}
        />
        <StorySettings
          fields={fields}
          onChange={update}
          hasBeenPublished={hasBeenPublished}
          errors={errors}
          sections={sections}
          staff={staff}
          images={uploads.images}
          site={site}
        >
          <LeadImageFields
            images={uploads.images}
            chosenId={fields.leadMediaId}
            onChoose={chooseLead}
            caption={fields.leadCaption}
            credit={fields.leadCredit}
            onChange={update}
            upload={(file) => void uploadLead(file)}
            status={uploads.status}
            saveAltText={saveAltText}
            onAltText={checklist.onAltText}
          />
        </StorySettings>
      </FieldConflicts>
    </div>
  )
}
