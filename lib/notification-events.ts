import 'server-only'
import { inArray, max, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { notifications } from '@/db/schema'
import { listNotifications, unreadCount } from './notification-inbox'
import type { Actor } from './permissions'

// The desk's live notifications: each open desk page holds one stream for its person, told the
// unread count when something new is stored for them (lib/notifications.ts), with the newest
// line, and when they read some elsewhere. Like lib/story-events.ts, each app instance asks the
// database once a second for all the people its open streams watch, in one query; what is sent
// is read with the same rules as the notifications page (nothing about a story the person may
// not read).

const pollMs = 1000
const keepAliveMs = 15_000

/** What a stream is told, as `event: notifications`. */
export type NotificationNews = { unread: number; latest: string | null }

type Watcher = {
  actor: Actor
  lastId: number
  /** The unread rows last seen, read or not readable alike: a change says the count may have moved. */
  lastUnreadRows: number
  send: (news: NotificationNews) => void
  comment: () => void
  close: () => void
}
type Hub = { watchers: Set<Watcher>; timer: ReturnType<typeof setInterval> | null; ticks: number; busy: boolean }

const holder = globalThis as typeof globalThis & { __copydeskNotificationEvents?: Hub & { closeAll: () => void } }

function hub(): Hub {
  holder.__copydeskNotificationEvents ??= {
    watchers: new Set(),
    timer: null,
    ticks: 0,
    busy: false,
    // server.mjs calls this on SIGTERM, so that open streams do not hold the server open.
    closeAll: () => {
      for (const watcher of hub().watchers) watcher.close()
    },
  }
  return holder.__copydeskNotificationEvents
}

/** A `text/event-stream` for one person: their unread count now, then each time something new comes. */
export function notificationEventStream(actor: Actor, signal: AbortSignal): Response {
  const encoder = new TextEncoder()
  let watcher: Watcher | undefined
  const stop = () => {
    if (!watcher) return
    const current = hub()
    current.watchers.delete(watcher)
    if (current.watchers.size === 0 && current.timer) {
      clearInterval(current.timer)
      current.timer = null
    }
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          stop()
        }
      }
      watcher = {
        actor,
        // -1: the first round sends the count as it is now.
        lastId: -1,
        lastUnreadRows: -1,
        send: (news) => write(`event: notifications\ndata: ${JSON.stringify(news)}\n\n`),
        comment: () => write(': still here\n\n'),
        close: () => {
          stop()
          try {
            controller.close()
          } catch {
            // Already closed by the browser going.
          }
        },
      }
      write('retry: 2000\n\n')
      const current = hub()
      current.watchers.add(watcher)
      current.timer ??= setInterval(() => void tick(), pollMs)
      void tick()
      signal.addEventListener('abort', () => watcher?.close(), { once: true })
    },
    cancel: stop,
  })
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' },
  })
}

async function tick(): Promise<void> {
  const current = hub()
  if (current.busy || current.watchers.size === 0) return
  current.busy = true
  try {
    current.ticks += 1
    const watchers = [...current.watchers]
    const db = getDb()
    const ids = [...new Set(watchers.map((watcher) => watcher.actor.id))]
    // The newest notification and how many are unread, per person: something new, or something
    // read elsewhere (another tab, "Mark all read"), and the count is sent again.
    const rows = await db
      .select({
        userId: notifications.userId,
        id: max(notifications.id),
        unreadRows: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number),
      })
      .from(notifications)
      .where(inArray(notifications.userId, ids))
      .groupBy(notifications.userId)
    const stateOf = new Map(rows.map((row) => [row.userId, { id: row.id ?? 0, unreadRows: row.unreadRows }]))
    const isKeepAlive = current.ticks % Math.round(keepAliveMs / pollMs) === 0
    for (const watcher of watchers) {
      const { id, unreadRows } = stateOf.get(watcher.actor.id) ?? { id: 0, unreadRows: 0 }
      const isNew = id > watcher.lastId
      if (isNew || unreadRows !== watcher.lastUnreadRows) {
        const isFirst = watcher.lastId === -1
        watcher.lastId = Math.max(id, watcher.lastId)
        watcher.lastUnreadRows = unreadRows
        const [unread, [latest]] = await Promise.all([unreadCount(db, watcher.actor), listNotifications(db, watcher.actor, { limit: 1 })])
        watcher.send({ unread, latest: isNew && !isFirst ? (latest?.line ?? null) : null })
      } else if (isKeepAlive) watcher.comment()
    }
  } catch (error) {
    console.error('Notification events: the database could not be asked.', error)
  } finally {
    current.busy = false
  }
}
