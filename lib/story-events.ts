import 'server-only'
import { inArray } from 'drizzle-orm'
import { getDb } from '@/db'
import { articles } from '@/db/schema'
import { loadCurrent, pickSnapshot } from './editable-article'
import { presentOn } from './presence'
import type { RevisionSnapshot } from './revisions'
import type { OtherVersion } from './story-draft'

// What an open story editor is told while it is open: that someone saved the story (with their
// version, so that an idle editor can show it at once) and who else has it open. Each app
// instance asks the database once a second, for all the stories its open streams watch at once:
// it works with any number of instances on one PostgreSQL, and on the embedded PGlite.

/** How often the database is asked. */
export const pollMs = 1000
/** A comment line this often keeps proxies from closing a quiet stream. */
const keepAliveMs = 15_000

/** What a stream is told: `changed`, an OtherVersion (JSON); `presence`, the others' names. */
export type StoryEventName = 'changed' | 'presence'

type Watcher = {
  articleId: number
  userId: number
  /** The story's version this editor has (or was last told about). */
  version: number
  /** The names last sent, joined, so that only changes are sent. */
  presence: string | null
  send: (name: StoryEventName, data: unknown) => void
  comment: () => void
  close: () => void
}

type Hub = { watchers: Set<Watcher>; timer: ReturnType<typeof setInterval> | null; ticks: number; busy: boolean }

const holder = globalThis as typeof globalThis & { __copydeskStoryEvents?: Hub & { closeAll: () => void } }

function hub(): Hub {
  holder.__copydeskStoryEvents ??= {
    watchers: new Set(),
    timer: null,
    ticks: 0,
    busy: false,
    // server.mjs calls this on SIGTERM, so that open streams do not hold the server open.
    closeAll: () => {
      const current = hub()
      for (const watcher of current.watchers) watcher.close()
      current.watchers.clear()
      if (current.timer) clearInterval(current.timer)
      current.timer = null
    },
  }
  return holder.__copydeskStoryEvents
}

/**
 * A `text/event-stream` response for one person's editor on one story, starting from the version
 * it has. Ends when the browser goes, or when the server shuts down.
 */
export function storyEventStream(articleId: number, userId: number, version: number, signal: AbortSignal): Response {
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
        articleId,
        userId,
        version,
        presence: null,
        send: (name, data) => write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
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
      // A dropped stream is opened again by the browser after this long.
      write('retry: 1000\n\n')
      watch(watcher)
      signal.addEventListener('abort', () => watcher?.close(), { once: true })
    },
    cancel: stop,
  })
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  })
}

function watch(watcher: Watcher): void {
  const current = hub()
  current.watchers.add(watcher)
  current.timer ??= setInterval(() => void tick(), pollMs)
  // The first answer need not wait a second.
  void tick()
}

/** One round: every watched story's version and presence, in two queries for all of them. */
async function tick(): Promise<void> {
  const current = hub()
  if (current.busy || current.watchers.size === 0) return
  current.busy = true
  try {
    current.ticks += 1
    const watchers = [...current.watchers]
    const ids = [...new Set(watchers.map((watcher) => watcher.articleId))]
    const db = getDb()
    const [versions, present] = await Promise.all([
      db.select({ id: articles.id, version: articles.version }).from(articles).where(inArray(articles.id, ids)),
      presentOn(db, ids),
    ])
    const versionOf = new Map(versions.map((row) => [row.id, row.version]))
    const loaded = new Map<number, Promise<OtherVersion | null>>()
    const isKeepAlive = current.ticks % Math.round(keepAliveMs / pollMs) === 0
    for (const watcher of watchers) {
      const version = versionOf.get(watcher.articleId)
      if (version !== undefined && version > watcher.version) {
        if (!loaded.has(watcher.articleId)) loaded.set(watcher.articleId, savedVersion(watcher.articleId))
        const saved = await loaded.get(watcher.articleId)
        if (saved) {
          watcher.version = saved.version
          watcher.send('changed', saved)
        }
      }
      const others = [
        ...new Set(
          (present.get(watcher.articleId) ?? []).filter((person) => person.userId !== watcher.userId).map((person) => person.name),
        ),
      ]
      const names = others.join('\n')
      if (names !== watcher.presence) {
        watcher.presence = names
        watcher.send('presence', { others })
      } else if (isKeepAlive) watcher.comment()
    }
  } catch (error) {
    // The next round tries again; the editors keep what they have.
    console.error('Story events: the database could not be asked.', error)
  } finally {
    current.busy = false
  }
}

/** The story's current version, as an editor that has an older one is told it. */
async function savedVersion(articleId: number): Promise<OtherVersion | null> {
  const loaded = await loadCurrent(getDb(), articleId)
  if (!loaded) return null
  const { article, revision } = loaded
  const draft: RevisionSnapshot = pickSnapshot(revision)
  return {
    version: article.version,
    revisionNumber: revision.number,
    savedBy: loaded.savedBy ?? 'a former staff member',
    savedAt: revision.updatedAt.toISOString(),
    draft,
  }
}
