'use client'

import type { Byline } from '@/lib/story-draft'
import { Field } from '@/components/ui/field'
import { StaffOptions } from './staff-options'

type BylineFieldsProps = {
  bylines: Byline[]
  staff: { id: number; name: string }[]
  /** What is wrong: `bylines` for the list, `byline-N-name` for a row's name. */
  errors: Record<string, string>
  onChange: (bylines: Byline[]) => void
}

/**
 * The ordered bylines: staff members and outside contributors ("Name / Outlet"). An empty row is
 * left out when the story is saved.
 */
export function BylineFields({ bylines, staff, errors, onChange }: BylineFieldsProps) {
  const replace = (index: number, byline: Byline) => onChange(bylines.map((current, i) => (i === index ? byline : current)))
  const move = (index: number, offset: number) => {
    const next = [...bylines]
    const [moved] = next.splice(index, 1)
    if (moved) next.splice(index + offset, 0, moved)
    onChange(next)
  }

  return (
    <fieldset id="bylines" className="bylines" tabIndex={-1} aria-describedby={errors.bylines ? 'bylines-error' : undefined}>
      <legend>Bylines</legend>
      <p id="bylines-error" className="field-error" aria-live="polite">
        {errors.bylines}
      </p>
      <ol>
        {bylines.map((byline, index) => {
          const n = index + 1
          return (
            <li key={index} className="byline-row">
              {'userId' in byline ? (
                <Field id={`byline-${n}-staff`} label={`Byline ${n}: staff`}>
                  {(control) => (
                    <select {...control} value={byline.userId} onChange={(event) => replace(index, { userId: Number(event.target.value) })}>
                      <StaffOptions staff={staff} />
                    </select>
                  )}
                </Field>
              ) : (
                <>
                  <Field id={`byline-${n}-name`} label={`Byline ${n}: name`} error={errors[`byline-${n}-name`]}>
                    {(control) => (
                      <input
                        {...control}
                        value={byline.name}
                        maxLength={120}
                        onChange={(event) => replace(index, { ...byline, name: event.target.value })}
                      />
                    )}
                  </Field>
                  <Field id={`byline-${n}-outlet`} label={`Byline ${n}: outlet`}>
                    {(control) => (
                      <input
                        {...control}
                        value={byline.outlet}
                        maxLength={120}
                        onChange={(event) => replace(index, { ...byline, outlet: event.target.value })}
                      />
                    )}
                  </Field>
                </>
              )}
              <div className="byline-actions">
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`Move byline ${n} up`}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`Move byline ${n} down`}
                  disabled={index === bylines.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`Remove byline ${n}`}
                  disabled={bylines.length === 1}
                  onClick={() => onChange(bylines.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              </div>
            </li>
          )
        })}
      </ol>
      <div className="inline-form">
        <button
          type="button"
          className="button secondary small"
          disabled={!staff[0]}
          onClick={() => staff[0] && onChange([...bylines, { userId: staff[0].id }])}
        >
          Add staff byline
        </button>
        <button type="button" className="button secondary small" onClick={() => onChange([...bylines, { name: '', outlet: '' }])}>
          Add outside contributor
        </button>
      </div>
    </fieldset>
  )
}
