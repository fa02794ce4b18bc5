import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDb } from '@/db'
import { ActionForm } from '@/components/ui/action-form'
import { DateTime } from '@/components/ui/date-time'
import { parseId } from '@/lib/http'
import { requireCapability, shownUnlessRefused } from '@/lib/session'
import { endpointDescriptionLimit, getEndpoint } from '@/lib/webhooks/endpoints'
import { eventLabel, webhookEventChoices } from '@/lib/webhooks/events'
import { type LoggedAttempt, type LoggedDelivery, deliveryLogSize, listDeliveryLog } from '@/lib/webhooks/log'
import { changeEndpointAction, deleteEndpointAction, resendDeliveryAction, rotateSecretAction } from '../actions'
import { EndpointForm } from '../endpoint-form'

export const metadata: Metadata = { title: 'Webhook' }

type WebhookPageProps = { params: Promise<{ id: string }> }

export default async function WebhookPage({ params }: WebhookPageProps) {
  const actor = await requireCapability('webhooks.manage')
  const id = parseId((await params).id)
  if (id === null) notFound()
  const db = getDb()
  const { endpoint } = shownUnlessRefused(await getEndpoint(db, actor, id))
  const { deliveries } = shownUnlessRefused(await listDeliveryLog(db, actor, id))
  return (
    <div className="page">
      <p>
        <Link href="/desk/admin/webhooks">← Webhooks</Link>
      </p>
      <h1>{endpoint.description || 'Webhook endpoint'}</h1>
      <p>
        Posts to <code>{endpoint.url}</code>
        {endpoint.isActive ? '.' : ', switched off: nothing is sent to it.'}
      </p>

      <section className="panel" aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Deliveries</h2>
        {deliveries.length === 0 ? (
          <p className="muted">Nothing has been sent to it yet.</p>
        ) : (
          <>
            <p className="muted">The newest {deliveryLogSize} deliveries, newest first, with every attempt.</p>
            <table className="stacked">
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Story</th>
                  <th scope="col">Happened</th>
                  <th scope="col">State</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Again</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.id}>
                    <td>
                      {eventLabel(delivery.eventType)} <code>{delivery.eventId}</code>
                    </td>
                    <td>{delivery.story && (delivery.story.headline ?? `Story ${delivery.story.id}, not yet public`)}</td>
                    <td>
                      <DateTime value={delivery.createdAt} />
                    </td>
                    <td>
                      <DeliveryState delivery={delivery} />
                    </td>
                    <td>
                      <ol className="flush">
                        {delivery.attempts.map((attempt) => (
                          <li key={attempt.id}>
                            <DateTime value={attempt.startedAt} />: {answerOf(attempt)}, {attempt.durationMs.toLocaleString('en')} ms
                          </li>
                        ))}
                      </ol>
                    </td>
                    <td>
                      {delivery.status !== 'pending' && (
                        <ActionForm action={resendDeliveryAction} submitLabel="Resend" variant="secondary">
                          <input type="hidden" name="deliveryId" value={delivery.id} />
                        </ActionForm>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="endpoint-heading">
        <h2 id="endpoint-heading">Endpoint</h2>
        <EndpointForm
          action={changeEndpointAction}
          submitLabel="Save endpoint"
          idPrefix="endpoint"
          events={webhookEventChoices}
          endpoint={endpoint}
          descriptionLimit={endpointDescriptionLimit}
        />
      </section>

      <section className="panel" aria-labelledby="secret-heading">
        <h2 id="secret-heading">Signing secret</h2>
        <ActionForm action={rotateSecretAction} submitLabel="Rotate secret" variant="secondary">
          <p>
            Every delivery carries a signature made with this endpoint’s secret, shown once when it was added. Rotate it if it may have been
            seen: the new one is shown once, and deliveries are signed with it from then on (retries included).
          </p>
          <input type="hidden" name="endpointId" value={endpoint.id} />
        </ActionForm>
      </section>

      <section className="panel" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <ActionForm action={deleteEndpointAction} submitLabel="Delete endpoint" variant="danger">
          <p>Nothing more is sent to it, and its deliveries and their log go with it. This cannot be undone.</p>
          <input type="hidden" name="endpointId" value={endpoint.id} />
        </ActionForm>
      </section>
    </div>
  )
}

function DeliveryState({ delivery }: { delivery: LoggedDelivery }) {
  if (delivery.status === 'delivered') return <>Delivered</>
  if (delivery.status === 'failed') return <>Failed: no longer retried</>
  if (delivery.attempts.length === 0) return <>Waiting to be sent</>
  return (
    <>
      Retrying at <DateTime value={delivery.nextAttemptAt} />
    </>
  )
}

/** "HTTP 200", "HTTP 302: Redirects are not followed.", "No answer: connect ECONNREFUSED 127.0.0.1:9". */
function answerOf(attempt: LoggedAttempt): string {
  if (attempt.responseStatus === null) return `No answer: ${attempt.error}`
  return attempt.error ? `HTTP ${attempt.responseStatus}: ${attempt.error}` : `HTTP ${attempt.responseStatus}`
}
