'use client'

import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import type { ActionState } from '@/lib/errors'

type TokenFormProps = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>
  scopes: readonly { scope: string; label: string }[]
  sections: readonly { id: number; label: string }[]
  lifetimes: readonly { value: string; label: string }[]
  nameLimit: number
}

/** A new token's name, scopes, sections and lifetime, each refusal beside its field; the secret comes back in the message. */
export function TokenForm({ action, scopes, sections, lifetimes, nameLimit }: TokenFormProps) {
  return (
    <ActionForm action={action} submitLabel="Create token" resetOnSuccess>
      {(errors) => (
        <>
          <Field id="token-name" label="Name" hint="Who or what uses it, such as “Newsletter app”." error={errors.name?.join(' ')}>
            {(control) => <input {...control} name="name" required maxLength={nameLimit} />}
          </Field>
          <fieldset aria-describedby={errors.scopes ? 'token-scopes-error' : undefined}>
            <legend>Scopes</legend>
            {scopes.map((item) => (
              <label key={item.scope} className="choice">
                <input type="checkbox" name="scopes" value={item.scope} /> {item.label} <code>{item.scope}</code>
              </label>
            ))}
            <p id="token-scopes-error" className="field-error" aria-live="polite">
              {errors.scopes?.join(' ')}
            </p>
          </fieldset>
          <Field
            id="token-sections"
            label="Sections"
            hint="Leave empty for every section; a section includes those under it."
            error={errors.sectionIds?.join(' ')}
          >
            {(control) => (
              <select {...control} name="sectionIds" multiple size={Math.min(8, Math.max(2, sections.length))}>
                {sections.map((section) => (
                  <option key={section.id} value={section.id}>
                    {section.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="token-lifetime" label="Expires" error={errors.lifetime?.join(' ')}>
            {(control) => (
              <select {...control} name="lifetime" defaultValue="90">
                {lifetimes.map((lifetime) => (
                  <option key={lifetime.value} value={lifetime.value}>
                    {lifetime.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
    </ActionForm>
  )
}
