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
  /** Readies the story for the step (saves pending edits, checks it is complete); says why not, or null. */
  beforeAction?: (action: AvailableAction) => Promise<string | null>
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

  /** Saves pending edits and checks the story may go on; says why not and answers false when it may not. */
  const isReady = async (action: AvailableAction): Promise<boolean> => {
    setAnswer(null)
    const notReady = beforeAction ? await beforeAction(action) : null
    if (notReady) setAnswer({ ok: false, message: notReady })
    return !notReady
  }

  const run = (action: AvailableAction) =>
    startTransition(async () => {
      if (!(await isReady(action))) return
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

  // A story that is not ready is told so at once, before any confirmation asks for a note.
  const openForm = (action: AvailableAction) =>
    startTransition(async () => {
      if (!(await isReady(action))) return
      // Changing a scheduled time starts from the time it is scheduled for.
      if (action.scheduledAt) setWhen(toFieldValue(action.scheduledAt, zone))
      setOpen(action)
    })

  if (actions.length === 0) return null
  const button = (action: AvailableAction) => (
    <button
      key={action.action}
      type="button"
      className={`button ${buttonTone(action)}`}
      disabled={isPending}
      aria-expanded={action.ask || action.needsTime ? open?.action === action.action : undefined}
      onClick={() => (action.ask || action.needsTime ? openForm(action) : run(action))}
    >
      {action.label}
    </button>
  )
  const takedowns = actions.filter((action) => action.ask?.readers?.effect === 'takedown')
  return (
    <section className="workflow" aria-label="Workflow">
      <div className="inline-form">{actions.filter((action) => !takedowns.includes(action)).map(button)}</div>
      {takedowns.length > 0 && (
        <div className="inline-form workflow-takedown" role="group" aria-label="Take off the site">
          {takedowns.map(button)}
        </div>
      )}
      {open && (
        <form
          className="panel"
          aria-label={open.label}
          onSubmit={(event) => {
            event.preventDefault()
            run(open)
          }}
        >
          {open.ask?.readers && open.story && (
            <>
              <p className="flush">
                <strong>
                  {open.label} “{open.story.headline || 'Untitled story'}”?
                </strong>
              </p>
              <p>
                {open.ask.readers.willSee} Its address: <code>{open.story.path}</code>
              </p>
            </>
          )}
          {open.needsTime && (
            <Field id="publish-at" label={`Publish at (time in ${zoneName(zone)})`}>
              {(control) => (
                <input {...control} type="datetime-local" step={1} value={when} onChange={(event) => setWhen(event.target.value)} />
              )}
            </Field>
          )}
          <Field id="workflow-note" label={open.ask?.noteLabel ?? 'Note (optional)'}>
            {(control) => <textarea {...control} rows={3} value={note} onChange={(event) => setNote(event.target.value)} />}
          </Field>
          <div className="inline-form">
            <button type="submit" className={`button ${buttonTone(open)}`} disabled={isPending}>
              {open.label}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setOpen(null)
                setNote('')
              }}
            >
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

/** Taking a story off the site is red; moving it towards readers is the dark button; the rest are plain. */
function buttonTone(action: AvailableAction): string {
  if (action.ask?.readers?.effect === 'takedown') return 'danger'
  return action.action === 'publish' || action.action === 'republish' ? '' : 'secondary'
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
