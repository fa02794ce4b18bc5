'use client'

import { Field } from '@/components/ui/field'
import type { MediaOption } from '@/lib/media/types'
import { FieldConflictNotice, describeImage } from './field-conflicts'
import { LeadImagePicker, type LeadImagePickerProps } from './lead-image-picker'
import { ImageUploadField } from './media/image-upload-field'

type LeadImageFieldsProps = {
  images: readonly MediaOption[]
  chosenId: number | null
  onChoose: (image: MediaOption | undefined) => void
  caption: string
  credit: string
  onChange: (field: 'leadCaption' | 'leadCredit', value: string) => void
  /** Uploads a file to the library; `status` says how the last upload went. */
  upload: (file: File | undefined) => void
  status?: string
  saveAltText: LeadImagePickerProps['saveAltText']
  onAltText: LeadImagePickerProps['onAltText']
}

/** The story's lead image: chosen from the library or uploaded, with this story's caption and credit. */
export function LeadImageFields({
  images,
  chosenId,
  onChoose,
  caption,
  credit,
  onChange,
  upload,
  status,
  saveAltText,
  onAltText,
}: LeadImageFieldsProps) {
  return (
    <fieldset>
      <legend>Lead image</legend>
      <LeadImagePicker images={images} chosenId={chosenId} onChoose={onChoose} saveAltText={saveAltText} onAltText={onAltText} />
      <FieldConflictNotice field="leadMediaId" label="Lead image" describe={describeImage(images)} />
      <ImageUploadField id="lead-upload" label="Upload a lead image" status={status} onFile={upload} />
      <Field id="lead-caption" label="Caption">
        {(control) => <textarea {...control} rows={3} value={caption} onChange={(event) => onChange('leadCaption', event.target.value)} />}
      </Field>
      <FieldConflictNotice field="leadCaption" label="Caption" />
      <Field id="lead-credit" label="Credit">
        {(control) => (
          <input {...control} value={credit} placeholder="NAME/AGENCY" onChange={(event) => onChange('leadCredit', event.target.value)} />
        )}
      </Field>
      <FieldConflictNotice field="leadCredit" label="Credit" />
    </fieldset>
  )
}

/** The story's fields with `chosen` as its lead image (none when undefined); a caption or credit already written is kept. */
export function withLeadImage<T extends { leadMediaId: number | null; leadCaption: string; leadCredit: string }>(
  fields: T,
  chosen: MediaOption | undefined,
): T {
  return {
    ...fields,
    leadMediaId: chosen?.mediaId ?? null,
    leadCaption: fields.leadCaption || chosen?.caption || '',
    leadCredit: fields.leadCredit || chosen?.credit || '',
  }
}
