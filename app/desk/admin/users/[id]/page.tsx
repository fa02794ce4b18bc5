import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDb } from '@/db'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { RoleSelect } from '@/components/desk/role-select'
import { requireCapability, shownUnlessRefused } from '@/lib/session'
import { parseId } from '@/lib/http'
import { countOpenSessions } from '@/lib/sessions'
import { assignedSections } from '@/lib/section-desks'
import { listSectionOptions } from '@/lib/sections'
import { getUser } from '@/lib/users'
import { getProfile } from '@/lib/profiles'
import { ProfileSection } from '@/components/desk/profile-section'
import { saveProfileAction } from '../../../profile/actions'
import { disableAccount, enableAccount, resetPasswordAction, saveRole, saveSectionDesk, signOutPersonEverywhere } from '../actions'

export const metadata: Metadata = { title: 'Person' }

type PersonPageProps = { params: Promise<{ id: string }> }

export default async function PersonPage({ params }: PersonPageProps) {
  // Checked here too: a layout and its page render at the same time.
  const actor = await requireCapability('user.manage')
  const id = parseId((await params).id)
  if (id === null) notFound()
  const { person } = shownUnlessRefused(await getUser(getDb(), actor, id))
  const [openSessions, sectionOptions, desk, profile] = await Promise.all([
    countOpenSessions(getDb(), person.id),
    listSectionOptions(getDb()),
    assignedSections(getDb(), person.id),
    getProfile(getDb(), actor, person.id),
  ])
  return (
    <div className="page">
      <p>
        <Link href="/desk/admin/users">← People</Link>
      </p>
      <h1>{person.name}</h1>
      <p>
        {person.email} · <span className={`badge role-${person.role}`}>{person.role}</span>{' '}
        {person.isDisabled && <span className="badge disabled">disabled</span>}
      </p>

      {profile.ok && <ProfileSection profile={profile.profile} action={saveProfileAction} heading="Profile" />}

      <section className="panel" aria-labelledby="role-heading">
        <h2 id="role-heading">Role</h2>
        <ActionForm action={saveRole} submitLabel="Save role" className="inline-form">
          <input type="hidden" name="userId" value={person.id} />
          <Field id="role" label="Role">
            {(control) => <RoleSelect {...control} defaultValue={person.role} />}
          </Field>
        </ActionForm>
      </section>

      {person.role === 'editor' && (
        <section className="panel" aria-labelledby="desk-heading">
          <h2 id="desk-heading">Section desk</h2>
          <ActionForm action={saveSectionDesk} submitLabel="Save sections">
            <p>
              An editor with sections approves, publishes, schedules, unpublishes and corrects only stories filed in them (and in the
              sections under them), and their review queue shows those stories. With none ticked, the whole newsroom.
            </p>
            <input type="hidden" name="userId" value={person.id} />
            <fieldset className="section-choices">
              <legend>Sections</legend>
              {sectionOptions.map((option) => (
                <label key={option.id}>
                  <input type="checkbox" name="sectionIds" value={option.id} defaultChecked={desk.includes(option.id)} /> {option.label}
                </label>
              ))}
            </fieldset>
          </ActionForm>
        </section>
      )}

      <section className="panel" aria-labelledby="access-heading">
        <h2 id="access-heading">Access</h2>
        {person.isDisabled ? (
          <ActionForm action={enableAccount} submitLabel="Enable account" variant="secondary">
            <p>This account is disabled: it cannot sign in and its sessions no longer work.</p>
            <input type="hidden" name="userId" value={person.id} />
          </ActionForm>
        ) : (
          <ActionForm action={disableAccount} submitLabel="Disable account" variant="danger">
            <p>A disabled account cannot sign in, and any session it has stops working at once.</p>
            <input type="hidden" name="userId" value={person.id} />
          </ActionForm>
        )}
        <ActionForm action={resetPasswordAction} submitLabel="Reset password" variant="secondary">
          <p>Sets a new generated password, shown here once, and ends every session of this account.</p>
          <input type="hidden" name="userId" value={person.id} />
        </ActionForm>
        <ActionForm action={signOutPersonEverywhere} submitLabel="Sign out everywhere" variant="secondary">
          <p>
            {openSessions === 1 ? '1 session is' : `${openSessions} sessions are`} open. Signing out everywhere ends them all; the password
            stays.
          </p>
          <input type="hidden" name="userId" value={person.id} />
        </ActionForm>
      </section>
    </div>
  )
}
