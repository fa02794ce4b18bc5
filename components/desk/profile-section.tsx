import { ProfileForm } from '@/components/desk/profile-form'
import type { ActionState } from '@/lib/errors'
import { displaySrc } from '@/lib/media/urls'
import { type Profile, profileLimits } from '@/lib/profiles'

type ProfileSectionProps = {
  profile: Profile
  action: (state: ActionState, form: FormData) => Promise<ActionState>
  heading: string
}

/** The profile panel of /desk/profile and of an admin's page about a person. */
export function ProfileSection({ profile, action, heading }: ProfileSectionProps) {
  const photo = profile.photo ? { mediaId: profile.photo.mediaId, src: displaySrc(profile.photo, 320) } : null
  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{heading}</h2>
      <p>
        Readers see this on the author page
        {profile.slug && (
          <>
            {' '}
            (<a href={`/authors/${profile.slug}`}>/authors/{profile.slug}</a>, once a story of theirs is published)
          </>
        )}
        , and search engines are given it.
      </p>
      <ProfileForm action={action} userId={profile.userId} profile={profile} photo={photo} limits={profileLimits} />
    </section>
  )
}
