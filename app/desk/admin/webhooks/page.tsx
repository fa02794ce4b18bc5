import type { Metadata } from 'next'
import Link from 'next/link'
import { getDb } from '@/db'
import { ActionForm } from '@/components/ui/action-form'
import { requireCapability, shownUnlessRefused } from '@/lib/session'
import { readSetting } from '@/lib/settings'
import { endpointDescriptionLimit, listEndpoints } from '@/lib/webhooks/endpoints'
import { webhookEventChoices, webhookEvents } from '@/lib/webhooks/events'
import { countOf } from '@/lib/words'
import { createEndpointAction, savePrivateAddressesAction } from './actions'
import { EndpointForm } from './endpoint-form'

export const metadata: Metadata = { title: 'Webhooks' }

export default async function WebhooksPage() {
  const actor = await requireCapability('webhooks.manage')
  const db = getDb()
  const { endpoints } = shownUnlessRefused(await listEndpoints(db, actor))
  const privateAddresses = await readSetting(db, 'webhookPrivateAddresses')
  return (
    <div className="page">
      <h1>Webhooks</h1>
      <p>
        Addresses told, within seconds, when a story is published, updated, unpublished, corrected or scheduled, or its embargo is lifted: a
        signed JSON post each time, retried for a day until it is taken. Open one to change it, rotate its secret or read its deliveries.
      </p>
      {endpoints.length === 0 ? (
        <p className="muted">No endpoint yet.</p>
      ) : (
        <table className="stacked">
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Description</th>
              <th scope="col">Events</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.id}>
                <td>
                  <Link href={`/desk/admin/webhooks/${endpoint.id}`}>{endpoint.url}</Link>
                </td>
                <td>{endpoint.description}</td>
                <td>{endpoint.events.map((type) => webhookEvents[type]).join(', ')}</td>
                <td>
                  {endpoint.isActive ? 'Active' : 'Switched off'}
                  {endpoint.pending > 0 && `, ${countOf(endpoint.pending, 'delivery', 'deliveries')} waiting`}
                  {endpoint.failed > 0 && `, ${countOf(endpoint.failed, 'delivery', 'deliveries')} failed`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="panel" aria-labelledby="new-endpoint-heading">
        <h2 id="new-endpoint-heading">New endpoint</h2>
        <EndpointForm
          action={createEndpointAction}
          submitLabel="Add endpoint"
          idPrefix="new-endpoint"
          events={webhookEventChoices}
          descriptionLimit={endpointDescriptionLimit}
        />
      </section>

      <section className="panel" aria-labelledby="private-heading">
        <h2 id="private-heading">Private addresses</h2>
        <ActionForm action={savePrivateAddressesAction} submitLabel="Save">
          <p>
            Webhooks go only to public addresses, checked when an endpoint is saved and again, after its name is resolved, at every
            delivery: never to this server, its network, or link-local addresses. For testing on your own machine, allow them here.
          </p>
          <label className="choice">
            <input type="checkbox" name="allowPrivate" defaultChecked={privateAddresses === 'allowed'} /> Allow private, loopback and
            link-local addresses
          </label>
        </ActionForm>
      </section>
    </div>
  )
}
