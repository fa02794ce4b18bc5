'use client'

import type { Byline } from '@/lib/story-draft'

type BylineFieldsProps = {
  bylines: Byline[]
  staff: { id: number; name: string }[]
  onChange: (bylines: Byline[]) => void
}

/** The ordered bylines: staff members and outside contributors ("Name / Outlet"). */
export function BylineFields({ bylines, staff, onChange }: BylineFieldsProps) {
  const replace = (index: number, byline: Byline) => onChange(bylines.map((current, i) => (i === index ? byline : current)))
  const move = (index: number, offset: number) => {
    const next = [...bylines]
    const [moved] = next.splice(index, 1)
    if (moved) next.splice(index + offset, 0, moved)
    onChange(next)
  }

  return (
    <fieldset className="bylines">
      <legend>Bylines</legend>
      <ol>
        {bylines.map((byline, index) => {
          const n = index + 1
          return (
            <li key={index} className="byline-row">
              {'userId' in byline ? (
                <div className="field">
                  <label htmlFor={`byline-${n}-staff`}>Byline {n}: staff</label>
                  <select
                    id={`byline-${n}-staff`}
                    value={byline.userId}
                    onChange={(event) => replace(index, { userId: Number(event.target.value) })}
                  >
                    {staff.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : (
                <>
                  <div className="field">
                    <label htmlFor={`byline-${n}-name`}>Byline {n}: name</label>
                    <input
                      id={`byline-${n}-name`}
                      value={byline.name}
                      maxLength={120}
                      onChange={(event) => replace(index, { ...byline, name: event.target.value })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`byline-${n}-outlet`}>Byline {n}: outlet</label>
                    <input
                      id={`byline-${n}-outlet`}
                      value={byline.outlet}
                      maxLength={120}
                      onChange={(event) => replace(index, { ...byline, outlet: event.target.value })}
                    />
                  </div>
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
