'use client'

import { useState } from 'react'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { ImageUploadField } from '@/components/desk/media/image-upload-field'
import { uploadMediaFile } from '@/components/desk/media/upload-client'
import type { ActionState } from '@/lib/errors'

type ProfileFormProps = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>
  /** Whose profile: their own, or anyone's for an admin (the server checks which). */
  userId: number
  profile: { name: string; slug: string; jobTitle: string; bio: string; links: readonly string[] }
  /** The current photo: its library id and a small rendition's address. */
  photo: { mediaId: number; src: string } | null
  limits: { name: number; jobTitle: number; bio: number; links: number }
}

/**
 * A person's public profile: what their author page and bylines show. The photo is uploaded into
 * the media library like any image and travels with the form as `photoMediaId`.
 */
export function ProfileForm({ action, userId, profile, photo, limits }: ProfileFormProps) {
  const [shown, setShown] = useState(photo)
  const [status, setStatus] = useState<string>()

  async function upload(file: File | undefined) {
    if (!file) return
    setStatus('Uploading…')
    const answer = await uploadMediaFile(file, { alt: `Photo of ${profile.name}` })
    if (!answer.ok) return setStatus(answer.message)
    setShown({ mediaId: answer.media.id, src: answer.media.src })
    setStatus('Uploaded. Save the profile to use it.')
  }

  return (
    <ActionForm action={action} submitLabel="Save profile">
      <input type="hidden" name="userId" value={userId} />
      <Field id="profile-name" label="Name">
        {(control) => <input {...control} name="name" defaultValue={profile.name} maxLength={limits.name} required />}
      </Field>
      <Field
        id="profile-slug"
        label="Byline address"
        hint="Readers find the author page at /authors/ and this; the old address keeps leading here."
      >
        {(control) => <input {...control} name="slug" defaultValue={profile.slug} required />}
      </Field>
      <Field id="profile-job" label="Job title">
        {(control) => <input {...control} name="jobTitle" defaultValue={profile.jobTitle} maxLength={limits.jobTitle} />}
      </Field>
      <Field id="profile-bio" label="Short bio" hint="Plain text; a blank line starts a new paragraph.">
        {(control) => <textarea {...control} name="bio" defaultValue={profile.bio} rows={4} maxLength={limits.bio} />}
      </Field>
      <Field id="profile-links" label="Links" hint={`Your pages elsewhere, one web address per line (at most ${limits.links}).`}>
        {(control) => <textarea {...control} name="links" defaultValue={profile.links.join('\n')} rows={3} />}
      </Field>
      <fieldset>
        <legend>Photo</legend>
        <input type="hidden" name="photoMediaId" value={shown?.mediaId ?? ''} />
        {shown ? (
          <p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a library rendition; the legend names it */}
            <img src={shown.src} alt="" width={96} height={96} className="profile-photo" />{' '}
            <button type="button" className="button secondary" onClick={() => setShown(null)}>
              Remove photo
            </button>
          </p>
        ) : (
          <p className="small">No photo: the author page shows the name alone.</p>
        )}
        <ImageUploadField id="profile-photo" label="Upload a photo" status={status} onFile={upload} />
      </fieldset>
    </ActionForm>
  )
}
