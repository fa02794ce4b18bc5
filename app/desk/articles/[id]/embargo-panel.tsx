import { EmbargoCountdown } from '@/components/desk/embargo-countdown'
import { ActionForm } from '@/components/ui/action-form'
import { DateTime } from '@/components/ui/date-time'
import { Field } from '@/components/ui/field'
import { type TimeZone, zoneName } from '@/lib/clock'
import { liftEmbargoAction, setEmbargoAction } from './embargo-actions'

/** `embargoUntil`: while the embargo holds, else null. */
type EmbargoPanelProps = { articleId: number; embargoUntil: Date | null; zone: TimeZone }

/** The story's embargo (lib/embargo.ts): its time and countdown, and the forms to set it or lift it early. */
export function EmbargoPanel({ articleId, embargoUntil, zone }: EmbargoPanelProps) {
  return (
    <section className="panel" aria-labelledby="embargo-heading">
      <h2 id="embargo-heading">Embargo</h2>
      {embargoUntil ? (
        <>
          <p>
            Under embargo until <DateTime value={embargoUntil} /> <EmbargoCountdown until={embargoUntil.toISOString()} />. Nobody can
            publish it before then, nor schedule it earlier.
          </p>
          <ActionForm action={liftEmbargoAction} submitLabel="Lift the embargo" variant="danger">
            <input type="hidden" name="articleId" value={articleId} />
            <Field id="embargo-reason" label="Why lift it early" hint="Recorded in the audit log.">
              {(control) => <textarea {...control} name="reason" rows={2} />}
            </Field>
          </ActionForm>
        </>
      ) : (
        <ActionForm action={setEmbargoAction} submitLabel="Set embargo" variant="secondary">
          <p>Nothing of the story reaches readers before this time, whoever publishes it or whenever it is scheduled.</p>
          <input type="hidden" name="articleId" value={articleId} />
          <Field id="embargo-until" label={`Embargo until (time in ${zoneName(zone)})`}>
            {(control) => <input {...control} name="embargoUntil" type="datetime-local" />}
          </Field>
        </ActionForm>
      )}
    </section>
  )
}
