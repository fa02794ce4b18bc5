import type { Metadata } from 'next'
import Link from 'next/link'
import { getDb } from '@/db'
import { userRole } from '@/db/schema'
import { ActionForm } from '@/components/ui/action-form'
import { requireCapability } from '@/lib/session'
import { listUsers } from '@/lib/users'
import { addPerson } from './actions'

export const metadata: Metadata = { title: 'People' }

export default async function UsersPage() {
  // Checked here too: a layout and its page render at the same time.
  const actor = await requireCapability('user.manage')
  const people = await listUsers(getDb(), actor)
  return (
    <main className="page">
      <h1>People</h1>
      <table>
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
          <div className="field">
            <label htmlFor="new-name">Name</label>
            <input id="new-name" name="name" required maxLength={120} />
          </div>
          <div className="field">
            <label htmlFor="new-email">E-mail</label>
            <input id="new-email" name="email" type="email" required />
          </div>
          <div className="field">
            <label htmlFor="new-role">Role</label>
            <select id="new-role" name="role" defaultValue="writer">
              {userRole.enumValues.map((role) => (
                <option key={role}>{role}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-password">Password (leave empty to generate one)</label>
            <input id="new-password" name="password" type="password" autoComplete="new-password" minLength={10} />
          </div>
        </ActionForm>
      </section>
    </main>
  )
}
