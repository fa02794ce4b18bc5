'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { Field } from '@/components/ui/field'
import { useTimeZone } from '@/components/ui/time-zone'
import { fromFieldValue, toFieldValue, zoneName } from '@/lib/clock'
import { type CheckId, type CheckResult, checklistVerdict } from '@/lib/prepublish-checks'
import { requestJson } from './json-client'
import { PrepublishChecklist } from './prepublish-checklist'
import type { WorkflowAction, WorkflowAnswer } from '@/lib/workflow'
import type { AvailableAction } from '@/lib/workflow-checks'

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
  /** The pre-publish checklist as the page shows it (lib/prepublish-checks.ts). */
  checklist: readonly CheckResult[]
  /** The checklist of the story as it is now, when it changes faster than the page shows it (the editor's body). */
  latestChecklist?: () => readonly CheckResult[]
  /** Until when the story is under embargo (lib/embargo.ts), shown with the checklist; null for none. */
  embargoUntil: Date | null
}

/** Whether a step may go ahead: at once, not at all (the message says why), or once these warnings are confirmed. */
type Readiness = { kind: 'ready' } | { kind: 'refused' } | { kind: 'confirm'; warnings: readonly CheckResult[] }

/** The workflow buttons this person may press on this story, and what happened. */
export function WorkflowActions({
  articleId,
  actions,
  version,
  currentVersion,
  beforeAction,
  onMoved,
  checklist,
  latestChecklist,
  embargoUntil,
}: WorkflowActionsProps) {
  const router = useRouter()
  const [open, setOpen] = useState<AvailableAction | null>(null)
  const [note, setNote] = useState('')
  const [when, setWhen] = useState('')
  const [answer, setAnswer] = useState<WorkflowAnswer | null>(null)
  // The checklist's warnings the open form asks the person to confirm.
  const [warnings, setWarnings] = useState<readonly CheckResult[]>([])
  const [isPending, startTransition] = useTransition()
  const zone = useTimeZone()

  /**
   * THE readiness of a step: saves pending edits, checks the story is complete, then runs the
   * checklist, where blocks refuse and warnings not among `confirmed` ask to be confirmed. Says why not.
   */
  const isReady = async (action: AvailableAction, confirmed: readonly CheckId[] = []): Promise<Readiness> => {
    setAnswer(null)
    const notReady = beforeAction ? await beforeAction(action) : null
    if (notReady) {
      setAnswer({ ok: false, message: notReady })
      return { kind: 'refused' }
    }
    if (!action.needsChecklist) return { kind: 'ready' }
    const verdict = checklistVerdict(latestChecklist?.() ?? checklist, confirmed)
    if (verdict.ok) return { kind: 'ready' }
    if (verdict.kind === 'unconfirmed') return { kind: 'confirm', warnings: verdict.findings }
    setAnswer({ ok: false, message: `${action.label} is not possible yet. ${verdict.message}` })
    return { kind: 'refused' }
  }

  /** Opens the action's form, asking to confirm the warnings when there are any. */
  const ask = (action: AvailableAction, found: readonly CheckResult[]) => {
    setWarnings(found)
    // Changing a scheduled time starts from the time it is scheduled for.
    if (action.scheduledAt) setWhen(toFieldValue(action.scheduledAt, zone))
    setOpen(action)
  }

  const run = (action: AvailableAction) =>
    startTransition(async () => {
      const confirmWarnings = open?.action === action.action ? warnings.map((warning) => warning.id) : []
      const readiness = await isReady(action, confirmWarnings)
      if (readiness.kind === 'refused') return
      if (readiness.kind === 'confirm') {
        ask(action, [...warnings, ...readiness.warnings])
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
        ...(confirmWarnings.length > 0 ? { confirmWarnings } : {}),
      })
      setAnswer(result)
      if (result.ok) {
        setOpen(null)
        setWarnings([])
        setNote('')
        onMoved?.(result.version)
        router.refresh()
      }
    })

  // A story that is not ready is told so at once, before any confirmation asks for a note.
  const openForm = (action: AvailableAction) =>
    startTransition(async () => {
      const readiness = await isReady(action)
      if (readiness.kind !== 'refused') ask(action, readiness.kind === 'confirm' ? readiness.warnings : [])
    })

  if (actions.length === 0) return null
  // An action with a form of its own is confirmed by it; one without says what confirming does.
  const submitLabel = (action: AvailableAction) =>
    warnings.length > 0 && !action.ask && !action.needsTime ? `${action.label} anyway` : action.label
  const button = (action: AvailableAction) => (
    <button
      key={action.action}
      type="button"
      className={`button ${buttonTone(action)}`}
      disabled={isPending}
      aria-expanded={action.ask || action.needsTime || action.needsChecklist ? open?.action === action.action : undefined}
      onClick={() => (action.ask || action.needsTime ? openForm(action) : run(action))}
    >
      {action.label}
    </button>
  )
  const takedowns = actions.filter((action) => action.ask?.readers?.effect === 'takedown')
  return (
    <section className="workflow" aria-label="Workflow" aria-busy={isPending}>
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
          {warnings.length > 0 && (
            <div className="message warning">
              <p className="flush">
                <strong>The checklist found {warnings.length === 1 ? 'a warning' : 'warnings'}:</strong>
              </p>
              <ul>
                {warnings.map((warning) => (
                  <li key={warning.id}>
                    {warning.message} <span className="muted">Fix it in: {warning.where}.</span>
                  </li>
                ))}
              </ul>
              <p className="flush">
                Fix {warnings.length === 1 ? 'it' : 'them'}, or confirm to go ahead anyway; the confirmation is kept in the audit log.
              </p>
            </div>
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
              {submitLabel(open)}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setOpen(null)
                setWarnings([])
                setNote('')
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {actions.some((action) => action.needsChecklist) && <PrepublishChecklist results={checklist} embargoUntil={embargoUntil} />}
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
  request: { action: WorkflowAction; baseVersion: number; note?: string; scheduledAt?: string; confirmWarnings?: CheckId[] },
): Promise<WorkflowAnswer> {
  const unreached = 'The server could not be reached, so the story was not moved. Try again.'
  const answer = await requestJson<WorkflowAnswer>(`/desk/articles/${articleId}/workflow`, {
    method: 'POST',
    body: request,
    messages: { network: unreached, signedOut: 'You are signed out. Sign in again.', unreadable: () => unreached },
  })
  return answer.ok ? answer.data : { ok: false, message: answer.message }
}
