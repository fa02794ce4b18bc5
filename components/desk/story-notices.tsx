'use client'

import { useState } from 'react'
import { DateTime } from '@/components/ui/date-time'
import type { NewStoryResponse, StoryDraft } from '@/lib/story-draft'
import { requestJson } from './json-client'

type RecoveredChangesProps = { keptAt: string; onRestore: () => void; onDiscard: () => void }

/** Edits this device kept that the server never got: restore them, or let them go. */
export function RecoveredChanges({ keptAt, onRestore, onDiscard }: RecoveredChangesProps) {
  return (
    <div className="message warning" role="region" aria-label="Recovered changes">
      <p className="flush">
        This device kept changes to this story that were not saved (from <DateTime value={keptAt} />
        ).
      </p>
      <div className="inline-form">
        <button type="button" className="button" onClick={onRestore}>
          Restore my unsaved changes
        </button>
        <button type="button" className="button secondary" onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </div>
  )
}

type DeletedStoryProps = {
  /** The text in the editor now. */
  collect: () => StoryDraft
  /** Called once the text is saved as the story `articleId`. */
  onCreated: (articleId: number) => Promise<void>
}

/** A story deleted while it was open: its text can still become a new story. */
export function DeletedStory({ collect, onCreated }: DeletedStoryProps) {
  const [error, setError] = useState<string>()
  const saveAsNewStory = async () => {
    setError(undefined)
    const answer = await createFromDraft(collect())
    if (!answer.ok) {
      setError(answer.message)
      return
    }
    await onCreated(answer.articleId)
  }

  return (
    <div className="message error" role="region" aria-label="Story deleted">
      <p className="flush">
        This story was deleted while you were working on it. Your text is still here and kept on this device; save it as a new story to keep
        it.
      </p>
      <button type="button" className="button" onClick={() => void saveAsNewStory()}>
        Save as a new story
      </button>
      {error && (
        <p className="field-error small" role="alert">
          {error}
        </p>
      )}
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

type MoveNoteProps = {
  /** The move that brought the story where it is: `changes_requested` (sent back) or `in_review` (submitted). */
  toStatus: 'changes_requested' | 'in_review'
  /** Who made it; null for an account that no longer exists. */
  actorName: string | null
  note: string
  at: Date
}

/**
 * The note that came with the story's last move, at the top of the story: the editor's request
 * when it was sent back (with a link to the notes, where the writer answers), or the writer's
 * note to the editor when it was submitted.
 */
export function MoveNote({ toStatus, actorName, note, at }: MoveNoteProps) {
  const who = actorName ?? 'A former staff member'
  const isSentBack = toStatus === 'changes_requested'
  return (
    <div className="message warning move-note" role="region" aria-label={isSentBack ? 'Sent back for changes' : 'Note for the editor'}>
      <p className="flush">
        {who} {isSentBack ? 'sent this story back for changes' : 'submitted this story for review'} (<DateTime value={at} />
        ):
      </p>
      <blockquote>{note}</blockquote>
      {isSentBack && (
        <p className="flush">
          <a href="#notes-heading">Answer in the notes</a>
        </p>
      )}
    </div>
  )
}

/** Over the form of a live story: saving does not change what readers see. */
export function LiveNote() {
  return (
    <p className="message info">
      This story is live. Your changes make a new draft; readers keep the published version until it is published again.
    </p>
  )
}

/** What a merge with another person's save did to the form. */
export function MergeNotice({ notice }: { notice: string }) {
  return (
    <p className="message info" role="status">
      {notice}
    </p>
  )
}
