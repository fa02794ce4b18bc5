'use client'

import { type MouseEvent, useId, useState } from 'react'
import { Field } from '@/components/ui/field'
import styles from './media.module.css'

type FocalPointFieldsProps = {
  /** A rendition to click on; any width will do. */
  src: string
  width: number
  height: number
  focalX: number
  focalY: number
}

const rounded = (fraction: number) => String(Math.round(Math.min(1, Math.max(0, fraction)) * 100) / 100)

/**
 * The focal point (the part of the picture a crop keeps) as two numbers from 0 to 1, which a
 * click on the picture also sets. The numbers are the accessible way in; the picture is a shortcut.
 */
export function FocalPointFields({ src, width, height, focalX, focalY }: FocalPointFieldsProps) {
  const [across, setAcross] = useState(rounded(focalX))
  const [down, setDown] = useState(rounded(focalY))
  const acrossId = useId()
  const downId = useId()
  const markerX = Math.min(1, Math.max(0, Number(across) || 0))
  const markerY = Math.min(1, Math.max(0, Number(down) || 0))

  function pick(event: MouseEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect()
    setAcross(rounded((event.clientX - box.left) / box.width))
    setDown(rounded((event.clientY - box.top) / box.height))
  }

  return (
    <fieldset>
      <legend>Focal point</legend>
      <p className="muted small">
        Kept in view when the picture is cropped. Click the picture, or enter 0 (left, top) to 1 (right, bottom).
      </p>
      <div className={styles.focalPicker} onClick={pick} aria-hidden="true">
        {/* eslint-disable-next-line @next/next/no-img-element -- a rendition from the library, for picking a point */}
        <img src={src} alt="" width={width} height={height} />
        <span className={styles.focalMarker} style={{ left: `${markerX * 100}%`, top: `${markerY * 100}%` }} />
      </div>
      <div className={styles.focalFields}>
        <FocalNumberField id={acrossId} name="focalX" label="Focal point across" value={across} onChange={setAcross} />
        <FocalNumberField id={downId} name="focalY" label="Focal point down" value={down} onChange={setDown} />
      </div>
    </fieldset>
  )
}

type FocalNumberFieldProps = { id: string; name: string; label: string; value: string; onChange: (value: string) => void }

/** One coordinate of the focal point, from 0 to 1. */
function FocalNumberField({ id, name, label, value, onChange }: FocalNumberFieldProps) {
  return (
    <Field id={id} label={label}>
      {(control) => (
        <input
          {...control}
          name={name}
          type="number"
          inputMode="decimal"
          min={0}
          max={1}
          step={0.01}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  )
}
