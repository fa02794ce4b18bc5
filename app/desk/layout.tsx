import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { DeskMenu } from '@/components/desk/desk-menu'
import { EdgeRefreshNotice } from '@/components/desk/edge-refresh-notice'
import { NotificationBadge } from '@/components/desk/notification-badge'
import { TimeZoneProvider } from '@/components/ui/time-zone'
import { getDb } from '@/db'
import { formatNewsCount, newsCountCap } from '@/lib/desk-news'
import { unreadCount } from '@/lib/notification-inbox'
import { can } from '@/lib/permissions'
import { viewerTimeZone } from '@/lib/settings'
import { requireCapability } from '@/lib/session'
import { signOutAction } from './actions'
import { getMyDeskNews } from './news'
import { countOf } from '@/lib/words'

export const metadata: Metadata = { title: { default: 'Desk', template: '%s · Desk · Copydesk' }, robots: { index: false } }

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requireCapability('desk.enter')
  const [news, zone, unread] = await Promise.all([getMyDeskNews(), viewerTimeZone(getDb(), user), unreadCount(getDb(), user)])
  return (
    <TimeZoneProvider zone={zone}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="desk-bar">
        <Link href="/desk" className="brand">
          Copydesk
        </Link>
        <DeskMenu>
          <nav aria-label="Desk">
            <Link href="/desk">
              Stories
              {news && news.count > 0 && (
                <>
                  {' '}
                  <span className="badge role-admin" aria-hidden="true">
                    {formatNewsCount(news.count)}
                  </span>
                  <span className="visually-hidden">
                    {`${news.count > newsCountCap ? `${formatNewsCount(news.count)} changes` : countOf(news.count, 'change')} on your stories`}
                  </span>
                </>
              )}
            </Link>
            <NotificationBadge unread={unread} />
            <Link href="/desk/media">Media</Link>
            {can(user, 'front.arrange') && <Link href="/desk/front">Front page</Link>}
            {can(user, 'tag.manage') && <Link href="/desk/admin/tags">Tags</Link>}
            {can(user, 'section.manage') && <Link href="/desk/admin/sections">Sections</Link>}
            {can(user, 'user.manage') && <Link href="/desk/admin/users">People</Link>}
            {can(user, 'user.manage') && <Link href="/desk/admin/audit">Audit log</Link>}
            {can(user, 'site.manage') && <Link href="/desk/admin/pages">Site pages</Link>}
            {can(user, 'site.manage') && <Link href="/desk/admin/settings">Settings</Link>}
            {can(user, 'webhooks.manage') && <Link href="/desk/admin/webhooks">Webhooks</Link>}
            {can(user, 'token.manage') && <Link href="/desk/admin/tokens">API tokens</Link>}
            {/* The reader's site is plain HTML from route handlers: nothing to prefetch for the client router. */}
            <Link href="/" prefetch={false}>
              Public site
            </Link>
          </nav>
          <span className="who">
            <Link href="/desk/profile" aria-label={`Your account (${user.name})`}>
              {user.name}
            </Link>{' '}
            <span className="badge">{user.role}</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="button">
              Sign out
            </button>
          </form>
        </DeskMenu>
      </header>
      <EdgeRefreshNotice />
      {/* The one main landmark of every desk page, the skip link's target; pages lay out inside it. */}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </TimeZoneProvider>
  )
}
