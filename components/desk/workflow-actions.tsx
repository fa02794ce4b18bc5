'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { Field } from '@/components/ui/field'
import { useTimeZone } from '@/components/ui/time-zone'
import { fromFieldValue, toFieldValue, zoneName } from '@/lib/clock'
import { requestJson } from './json-client'
import type { AvailableAction, WorkflowAction, WorkflowAnswer } from '@/lib/workflow'

export type WorkflowActionsProps = {
  articleId: number
  actions: AvailableAction[]
  /** The story's version when the page was made. */
  version: number
  /** The story's version now, where the page's own saves move it on. */
  currentVersion?: () => number
  /** Saves pending edits first; false when they could not be saved. */
  beforeAction?: () => Promise<boolean>
  /** Told the story's new version after a move. */
  onMoved?: (version: number) => void
}

/** The workflow buttons this person may press on this story, and what happened. */
export function WorkflowActions({ articleId, actions, version, currentVersion, beforeAction, onMoved }: WorkflowActionsProps) {
  const router = useRouter()
  const [open, setOpen] = useState<AvailableAction | null>(null)
  const [note, setNote] = useState('')
  const [when, setWhen] = useState('')
  const [answer, setAnswer] = useState<WorkflowAnswer | null>(null)
  const [isPending, startTransition] = useTransition()
  const zone = useTimeZone()

  const run = (action: AvailableAction) =>
    startTransition(async () => {
      setAnswer(null)
      if (beforeAction && !(await beforeAction())) {
        setAnswer({ ok: false, message: 'Your latest changes could not be saved, so the story was not moved. See the status line.' })
        return
      }
      const typed = action.needsTime && when ? fromFieldValue(when, zone) : undefined
      if (typed && !typed.ok) {
        setAnswer({ ok: false, message: typed.message })
        return
      }
      const scheduledAt = typed?.at.toISOString()
      const result = await take(articleId, {
        action: action.action,
        baseVersion: currentVersion?.() ?? version,
        note: note || undefined,
        scheduledAt,
      })
      setAnswer(result)
      if (result.ok) {
        setOpen(null)
        setNote('')
        onMoved?.(result.version)
        router.refresh()
      }
    })

  const openForm = (action: AvailableAction) => {
    // Changing a scheduled time starts from the time it is scheduled for.
    if (action.scheduledAt) setWhen(toFieldValue(action.scheduledAt, zone))
    setOpen(action)
  }

  if (actions.length === 0) return null
  return (
    <section className="workflow" aria-label="Workflow">
      <div className="inline-form">
        {actions.map((action) => (
          <button
            key={action.action}
            type="button"
            className={`button ${action.action === 'publish' || action.action === 'republish' ? '' : 'secondary'}`}
            disabled={isPending}
            onClick={() => (action.needsNote || action.needsTime ? openForm(action) : run(action))}
          >
            {action.label}
          </button>
        ))}
      </div>
      {open && (
        <form
          className="panel"
          aria-label={open.label}
          onSubmit={(event) => {
            event.preventDefault()
            run(open)
          }}
        >
          {open.needsTime && (
            <Field id="publish-at" label={`Publish at (time in ${zoneName(zone)})`}>
              {(control) => (
                <input {...control} type="datetime-local" step={1} value={when} onChange={(event) => setWhen(event.target.value)} />
              )}
            </Field>
          )}
          <Field id="workflow-note" label={open.needsNote ? 'Note for the writer (required)' : 'Note (optional)'}>
            {(control) => <textarea {...control} rows={3} value={note} onChange={(event) => setNote(event.target.value)} />}
          </Field>
          <div className="inline-form">
            <button type="submit" className="button" disabled={isPending}>
              {open.label}
            </button>
            <button type="button" className="button secondary" onClick={() => setOpen(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {answer && (
        <p className={`message ${answer.ok ? 'success' : 'error'}`} role="status">
          {answer.message}
        </p>
      )}
      {answer?.ok && answer.warning && (
        <p className="message warning" role="alert">
          {answer.warning}
        </p>
      )}
    </section>
  )
}

async function take(
  articleId: number,
  request: { action: WorkflowAction; baseVersion: number; note?: string; scheduledAt?: string },
): Promise<WorkflowAnswer> {
  const unreached = 'The server could not be reached, so the story was not moved. Try again.'
  const answer = await requestJson<WorkflowAnswer>(`/desk/articles/${articleId}/workflow`, {
    method: 'POST',
    body: request,
    messages: { network: unreached, signedOut: 'You are signed out. Sign in again.', unreadable: () => unreached },
  })
  return answer.ok ? answer.data : { ok: false, message: answer.message }
}
