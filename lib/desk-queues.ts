import { z } from 'zod'
import { type ArticleStatus, articleStatus } from '@/db/schema'
import { searchText } from './clean-text'
import { countOf } from './words'

// The desk's lists, as the page shows them: their names, the filters, one line of a list.
// The queries are in desk-queues-list.ts; who a list is "mine" for, in desk-queues-conditions.ts.

export const deskQueues = ['drafts', 'review', 'sentBack', 'scheduled', 'published', 'all', 'trash'] as const
export type DeskQueue = (typeof deskQueues)[number]

export const deskQueueLabels: Record<DeskQueue, string> = {
  drafts: 'My drafts',
  review: 'Review queue',
  sentBack: 'Sent back to me',
  scheduled: 'Scheduled',
  published: 'Recently published',
  all: 'All stories',
  trash: 'Trash',
}

export const maxDeskPageSize = 50

/** Counts stop just past this: a list or badge beyond it shows "1,000+" (`formatDeskCount`). */
export const countCap = 1000

/** A count as the desk shows it: exact up to `countCap`, "1,000+" beyond. */
export function formatDeskCount(count: number): string {
  return count > countCap ? `${countCap.toLocaleString('en-GB')}+` : count.toLocaleString('en-GB')
}

/** The desk's query string, forgiving: a value that does not parse is ignored. */
export const deskQuerySchema = z.object({
  sectionId: z.coerce.number().int().positive().optional().catch(undefined),
  authorId: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(articleStatus.enumValues).optional().catch(undefined),
  q: searchText(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(maxDeskPageSize).default(20).catch(20),
})

export type DeskFilters = {
  sectionId?: number
  /** Stories this person created or is bylined on. */
  authorId?: number
  status?: ArticleStatus
  /** Words in the current headline (case-insensitive; `%` and `_` are literal). */
  q?: string
}
export type DeskQuery = DeskFilters & { page?: number; pageSize?: number }

/** One line of a desk list. */
export type DeskItem = {
  id: number
  /** The newest revision's headline: what the desk works on. */
  headline: string
  status: ArticleStatus
  sectionId: number
  sectionName: string
  createdBy: { id: number; name: string }
  /** Bylines in order: staff names, or "Name / Outlet". */
  bylines: string[]
  updatedAt: Date
  /** When the story entered its status: "waiting since" in the review queue. */
  statusSince: Date
  scheduledAt: Date | null
  /** While an embargo holds: its end (lib/embargo.ts). */
  embargoUntil: Date | null
  firstPublishedAt: Date | null
  publishedAt: Date | null
  /** In the trash since; only the trash's list holds such stories. */
  trashedAt: Date | null
  isLive: boolean
  hasUnpublishedChanges: boolean
  openNotes: number
}

/** `total` is counted up to just past `countCap`, and `pageCount` only up to it: `hasNextPage` goes further. */
export type DeskPage = { items: DeskItem[]; total: number; page: number; pageSize: number; pageCount: number; hasNextPage: boolean }

/** How long a story has waited, in a newsroom's words: "under a minute", "3 h 20 min", "1 day 4 h", "12 days". */
export function formatWaiting(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000))
  const hours = Math.floor(minutes / 60)
  const days = Math.floor(hours / 24)
  if (minutes < 1) return 'under a minute'
  if (hours < 1) return `${minutes} min`
  if (days < 1) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`
  const dayWords = countOf(days, 'day')
  return days < 7 && hours % 24 > 0 ? `${dayWords} ${hours % 24} h` : dayWords
}

/** The desk's query string for a list, leaving out what is empty or the default. */
export function deskQueries(query: DeskQuery & { queue?: DeskQueue }): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'pageSize' && value === 20)) continue
    params.set(key, String(value))
  }
  return params.toString()
}
