import type { Metadata } from 'next'
import Link from 'next/link'
import { getDb } from '@/db'
import { DateTime } from '@/components/ui/date-time'
import { Field } from '@/components/ui/field'
import { type AuditAction, type AuditFilter, auditActions, auditFilterSchema, listAudit } from '@/lib/audit'
import { requireCapability, shownUnlessRefused } from '@/lib/session'
import { listUsers } from '@/lib/users'

export const metadata: Metadata = { title: 'Audit log' }

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

function pageLink(filter: AuditFilter, page: number): string {
  const query = new URLSearchParams({
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.person ? { person: String(filter.person) } : {}),
    ...(page > 1 ? { page: String(page) } : {}),
  })
  return `/desk/admin/audit?${query}`
}

function describe(action: string): string {
  return action in auditActions ? auditActions[action as AuditAction] : action
}

export default async function AuditPage({ searchParams }: AuditPageProps) {
  // Checked here too: a layout and its page render at the same time.
  const actor = await requireCapability('user.manage')
  const raw = await searchParams
  const filter = auditFilterSchema.parse({ action: firstOf(raw.action), person: firstOf(raw.person), page: firstOf(raw.page) })
  const { rows, hasMore } = shownUnlessRefused(await listAudit(getDb(), actor, filter))
  const { people } = shownUnlessRefused(await listUsers(getDb(), actor))
  return (
    <div className="page">
      <h1>Audit log</h1>
      <form method="get" className="inline-form filters" role="search" aria-label="Filter the audit log">
        <Field id="audit-action" label="Action">
          {(control) => (
            <select {...control} name="action" defaultValue={filter.action ?? ''}>
              <option value="">Every action</option>
              {Object.entries(auditActions).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="audit-person" label="Person">
          {(control) => (
            <select {...control} name="person" defaultValue={filter.person ? String(filter.person) : ''}>
              <option value="">Everyone</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({person.email})
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button secondary">
          Filter
        </button>
        {(filter.action || filter.person) && <Link href="/desk/admin/audit">Show all</Link>}
      </form>

      {rows.length === 0 ? (
        <p className="muted">Nothing recorded{filter.action || filter.person ? ' matches this filter' : ' yet'}.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">By</th>
              <th scope="col">Person</th>
              <th scope="col">Details</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <DateTime value={row.at} />
                </td>
                <td>{describe(row.action)}</td>
                <td>{row.actorName ?? '—'}</td>
                <td>{row.subjectName ?? '—'}</td>
                <td>
                  {Object.entries(row.detail)
                    .map(([key, value]) => `${key}: ${String(value)}`)
                    .join(', ')}
                </td>
                <td>{row.client}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {(filter.page > 1 || hasMore) && (
        <nav aria-label="Pages" className="pager inline-form">
          {filter.page > 1 && <Link href={pageLink(filter, filter.page - 1)}>← Newer</Link>}
          <span>Page {filter.page}</span>
          {hasMore && <Link href={pageLink(filter, filter.page + 1)}>Older →</Link>}
        </nav>
      )}
    </div>
  )
}
