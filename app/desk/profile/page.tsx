import type { Metadata } from 'next'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { TimeZoneSelect } from '@/components/ui/time-zone-select'
import { ProfileSection } from '@/components/desk/profile-section'
import { getDb } from '@/db'
import { getProfile } from '@/lib/profiles'
import { minPasswordLength } from '@/lib/passwords'
import { ownTimeZoneChoice, readSetting } from '@/lib/settings'
import { requireCapability } from '@/lib/session'
import { changePasswordAction, chooseTimeZoneAction, saveProfileAction, signOutEverywhereAction } from './actions'

export const metadata: Metadata = { title: 'Your account' }

export default async function ProfilePage() {
  const user = await requireCapability('desk.enter')
  const [newsroomZone, ownZone, profile] = await Promise.all([
    readSetting(getDb(), 'timeZone'),
    ownTimeZoneChoice(getDb(), user.id),
    getProfile(getDb(), user, user.id),
  ])
  return (
    <div className="page">
      <h1>Your account</h1>
      <p>
        {user.name} · {user.email}
      </p>

      {profile.ok && <ProfileSection profile={profile.profile} action={saveProfileAction} heading="Your profile" />}

      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        <ActionForm action={changePasswordAction} submitLabel="Change password" resetOnSuccess>
          <p>Your other sessions end; this one stays signed in.</p>
          <Field id="current-password" label="Current password">
            {(control) => <input {...control} name="currentPassword" type="password" autoComplete="current-password" required />}
          </Field>
          <Field id="new-password" label="New password">
            {(control) => (
              <input {...control} name="newPassword" type="password" autoComplete="new-password" minLength={minPasswordLength} required />
            )}
          </Field>
          <Field id="confirm-password" label="New password again">
            {(control) => <input {...control} name="confirmPassword" type="password" autoComplete="new-password" required />}
          </Field>
        </ActionForm>
      </section>

      <section className="panel" aria-labelledby="clock-heading">
        <h2 id="clock-heading">Your clock</h2>
        <ActionForm action={chooseTimeZoneAction} submitLabel="Save time zone">
          <p>Times in the desk are shown, and times you type are read, in this zone.</p>
          <Field id="time-zone" label="Your time zone">
            {(control) => (
              <TimeZoneSelect control={control} name="timeZone" value={ownZone} emptyChoice={`The newsroom’s (${newsroomZone})`} />
            )}
          </Field>
        </ActionForm>
      </section>

      <section className="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>Signs you out on every device and browser, this one included: use it if you left a session open somewhere.</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="button danger">
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  )
}
