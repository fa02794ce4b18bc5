import { addCorrectionAction, retractCorrectionAction } from './corrections-actions'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { type DeskCorrection, correctionLimits } from '@/lib/corrections'
import { DateTime } from '@/components/ui/date-time'

/** Corrections and updates on a published story: add one, or withdraw one with a reason. */
export function CorrectionsPanel({
  articleId,
  corrections,
  canCorrect,
}: {
  articleId: number
  corrections: DeskCorrection[]
  canCorrect: boolean
}) {
  return (
    <section className="panel" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and updates</h2>
      {corrections.length === 0 && <p className="muted">None.</p>}
      <ul>
        {corrections.map((correction) => (
          <li key={correction.id}>
            <strong>{correction.kind === 'correction' ? 'Correction' : 'Update'}</strong> by{' '}
            {correction.createdByName ?? 'a former staff member'}, <DateTime value={correction.createdAt} />:{' '}
            {correction.retractedAt ? <s>{correction.body}</s> : correction.body}
            {correction.retractedAt && (
              <em>
                {' '}
                Withdrawn by {correction.retractedByName ?? 'a former staff member'}: {correction.retractionNote}
              </em>
            )}
            {canCorrect && !correction.retractedAt && (
              <ActionForm action={retractCorrectionAction} submitLabel="Withdraw" variant="secondary" className="inline-form">
                <input type="hidden" name="articleId" value={articleId} />
                <input type="hidden" name="correctionId" value={correction.id} />
                <Field id={`retract-${correction.id}`} label="Reason for withdrawing">
                  {(control) => <input {...control} name="note" maxLength={correctionLimits.retractionNote} />}
                </Field>
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
      {canCorrect && (
        <ActionForm action={addCorrectionAction} submitLabel="Add correction" resetOnSuccess>
          <input type="hidden" name="articleId" value={articleId} />
          <Field id="correction-kind" label="Kind">
            {(control) => (
              <select {...control} name="kind" defaultValue="correction">
                <option value="correction">Correction</option>
                <option value="update">Update</option>
              </select>
            )}
          </Field>
          <Field id="correction-body" label="Text readers will see">
            {(control) => <textarea {...control} name="body" rows={2} maxLength={correctionLimits.body} />}
          </Field>
        </ActionForm>
      )}
    </section>
  )
}
