'use client'

import { Field } from '@/components/ui/field'
import { imageFileTypes } from './upload-client'

type ImageUploadFieldProps = {
  id: string
  label: string
  /** What became of the last upload, read out as it changes. */
  status?: string
  onFile: (file: File | undefined) => void
}

/** A file picker for one image, with the upload's status under it. */
export function ImageUploadField({ id, label, status, onFile }: ImageUploadFieldProps) {
  return (
    <>
      <Field id={id} label={label}>
        {(control) => <input {...control} type="file" accept={imageFileTypes} onChange={(event) => onFile(event.target.files?.[0])} />}
      </Field>
      {status && (
        <p className="small" role="status">
          {status}
        </p>
      )}
    </>
  )
}
