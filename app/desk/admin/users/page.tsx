import type { Metadata } from 'next'
import Link from 'next/link'
import { getDb } from '@/db'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { RoleSelect } from '@/components/desk/role-select'
import { requireCapability, shownUnlessRefused } from '@/lib/session'
import { listUsers } from '@/lib/users'
import { addPerson } from './actions'

export const metadata: Metadata = { title: 'People' }

export default async function UsersPage() {
  // Checked here too: a layout and its page render at the same time.
  const actor = await requireCapability('user.manage')
  const { people } = shownUnlessRefused(await listUsers(getDb(), actor))
  return (
    <div className="page">
      <h1>People</h1>
      <table className="stacked">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <td>
                <Link href={`/desk/admin/users/${person.id}`}>{person.name}</Link>
              </td>
              <td>{person.email}</td>
              <td>
                <span className={`badge role-${person.role}`}>{person.role}</span>
              </td>
              <td>{person.isDisabled ? <span className="badge disabled">disabled</span> : 'active'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="panel" aria-labelledby="add-heading">
        <h2 id="add-heading">Add a person</h2>
        <ActionForm action={addPerson} submitLabel="Add person" resetOnSuccess>
          <Field id="new-name" label="Name">
            {(control) => <input {...control} name="name" required maxLength={120} />}
          </Field>
          <Field id="new-email" label="E-mail">
            {(control) => <input {...control} name="email" type="email" required />}
          </Field>
          <Field id="new-role" label="Role">
            {(control) => <RoleSelect {...control} defaultValue="writer" />}
          </Field>
          <Field id="new-password" label="Password (leave empty to generate one)">
            {(control) => <input {...control} name="password" type="password" autoComplete="new-password" minLength={10} />}
          </Field>
        </ActionForm>
      </section>
    </div>
  )
}
