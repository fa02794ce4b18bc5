import type { Metadata } from 'next'
import { RefreshOnNotification } from '@/components/desk/live-refresh'
import { ActionForm } from '@/components/ui/action-form'
import { DateTime } from '@/components/ui/date-time'
import { getDb } from '@/db'
import { smtpSettings } from '@/lib/env'
import { listNotifications, readPreferences } from '@/lib/notification-inbox'
import { kindNames, notificationKinds } from '@/lib/notification-kinds'
import { requireCapability } from '@/lib/session'
import { markAllReadAction, openNotificationAction, savePreferencesAction } from './actions'

export const metadata: Metadata = { title: 'Notifications' }

const frequencyLabels = { now: 'One message each time', daily: 'One digest a day', off: 'No e-mail' } as const

export default async function NotificationsPage() {
  const user = await requireCapability('desk.enter')
  const [items, prefs] = await Promise.all([listNotifications(getDb(), user), readPreferences(getDb(), user.id)])
  const hasMail = smtpSettings() !== null
  return (
    <div className="page">
      <RefreshOnNotification />
      <h1>Notifications</h1>
      {items.some((item) => !item.isRead) && <ActionForm action={markAllReadAction} submitLabel="Mark all read" variant="secondary" />}
      {items.length === 0 ? (
        <p>Nothing yet. You are told here of your stories’ progress and of notes that mention you.</p>
      ) : (
        <ul className="notifications" aria-label="Your notifications">
          {items.map((item) => (
            <li key={item.id} className={item.isRead ? 'read' : 'unread'}>
              <form action={openNotificationAction}>
                <input type="hidden" name="id" value={item.id} />
                <input type="hidden" name="articleId" value={item.articleId ?? ''} />
                {!item.isRead && <strong>New: </strong>}
                <button type="submit" className="as-link">
                  {item.line}
                </button>{' '}
                <small>
                  <DateTime value={item.createdAt} />
                </small>
              </form>
            </li>
          ))}
        </ul>
      )}

      <section className="panel" aria-labelledby="preferences-heading">
        <h2 id="preferences-heading">What you are told</h2>
        <ActionForm action={savePreferencesAction} submitLabel="Save preferences">
          <table>
            <thead>
              <tr>
                <th scope="col">Tell me of</th>
                <th scope="col">In the desk</th>
                <th scope="col">By e-mail</th>
              </tr>
            </thead>
            <tbody>
              {kindNames.map((kind) => (
                <tr key={kind}>
                  <th scope="row">{notificationKinds[kind].label}</th>
                  <td>
                    <input
                      type="checkbox"
                      name="inDesk"
                      value={kind}
                      defaultChecked={!prefs.mutedInDesk.includes(kind)}
                      aria-label={`In the desk: ${notificationKinds[kind].label}`}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name="byEmail"
                      value={kind}
                      defaultChecked={!prefs.mutedByEmail.includes(kind)}
                      aria-label={`By e-mail: ${notificationKinds[kind].label}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label htmlFor="email-frequency">E-mail</label>
          <select id="email-frequency" name="email" defaultValue={prefs.email}>
            {Object.entries(frequencyLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {!hasMail && <p>This newsroom sends no e-mail yet (SMTP_URL is not set); your choice counts once it does.</p>}
        </ActionForm>
      </section>
    </div>
  )
}
