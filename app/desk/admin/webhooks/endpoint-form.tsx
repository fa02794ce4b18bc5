'use client'

import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import type { ActionState } from '@/lib/errors'

type EndpointFormProps = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>
  submitLabel: string
  /** Prefix of the controls' ids, one per form on the page. */
  idPrefix: string
  /** The event types to choose from, with their names. */
  events: readonly { type: string; label: string }[]
  /** The endpoint being changed; absent for a new one. */
  endpoint?: { id: number; url: string; description: string; events: readonly string[]; isActive: boolean }
  descriptionLimit: number
}

/** An endpoint's address, description, events and switch, each refusal shown beside its field. */
export function EndpointForm({ action, submitLabel, idPrefix, events, endpoint, descriptionLimit }: EndpointFormProps) {
  const eventsErrorId = `${idPrefix}-events-error`
  return (
    <ActionForm action={action} submitLabel={submitLabel} resetOnSuccess={!endpoint}>
      {(errors) => (
        <>
          {endpoint && <input type="hidden" name="endpointId" value={endpoint.id} />}
          <Field
            id={`${idPrefix}-url`}
            label="Address (URL)"
            hint="Where deliveries are posted, such as https://example.org/copydesk-events. Only public addresses, unless private ones are allowed below."
            error={errors.url?.join(' ')}
          >
            {(control) => <input {...control} name="url" type="url" defaultValue={endpoint?.url} required maxLength={2000} />}
          </Field>
          <Field
            id={`${idPrefix}-description`}
            label="Description"
            hint="What it is for, for the newsroom’s admins."
            error={errors.description?.join(' ')}
          >
            {(control) => <input {...control} name="description" defaultValue={endpoint?.description} maxLength={descriptionLimit} />}
          </Field>
          <fieldset className="event-choices" aria-describedby={errors.events ? eventsErrorId : undefined}>
            <legend>Events</legend>
            {events.map((event) => (
              <label key={event.type}>
                <input type="checkbox" name="events" value={event.type} defaultChecked={endpoint?.events.includes(event.type)} />{' '}
                {event.label} <code>{event.type}</code>
              </label>
            ))}
            <p id={eventsErrorId} className="field-error" aria-live="polite">
              {errors.events?.join(' ')}
            </p>
          </fieldset>
          <label className="choice">
            <input type="checkbox" name="isActive" defaultChecked={endpoint?.isActive ?? true} /> Active: send it deliveries
          </label>
        </>
      )}
    </ActionForm>
  )
}
