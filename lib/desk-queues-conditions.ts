import 'server-only'
import { type SQL, and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import { type ArticleStatus, articleStatus, articles } from '@/db/schema'
import { cleanText } from './clean-text'
import { publiclyVisible } from './public-articles'
import { wholeNumberInText } from './sql-in-text'
import type { DeskFilters, DeskQueue } from './desk-queues'
import type { Actor } from './permissions'

// Which stories each desk list holds, as SQL conditions on `articles`; every list but the
// trash's leaves out the stories in it. Each is served by an index (test/desk-queries.data.test.ts). "Mine" means
// created by me or bylined on me (the live bylines, or the newest ones for a story never published).
// A condition on another column of a story must be added to the columns whose change the database
// counts as a change of the counts (`desk_changed`, the latest migration that defines it), and to
// the columns a search's counts read of each match (`sampleColumns`, lib/desk-queues-counts.ts).

export function queueCondition(queue: DeskQueue, viewer: Actor): SQL | undefined {
  // A story in the trash is on the trash's list and no other.
  return queue === 'trash' ? isNotNull(articles.trashedAt) : and(isNull(articles.trashedAt), keptQueueCondition(queue, viewer))
}

function keptQueueCondition(queue: Exclude<DeskQueue, 'trash'>, viewer: Actor): SQL | undefined {
  switch (queue) {
    case 'drafts':
      return and(statusIs('draft'), mine(viewer.id))
    case 'review':
      // An editor with a section desk reviews what is filed there; "All stories" shows the rest.
      return and(statusIs('in_review'), viewer.sections ? inArray(articles.sectionId, [...viewer.sections]) : undefined)
    case 'sentBack':
      return and(statusIs('changes_requested'), mine(viewer.id))
    case 'scheduled':
      return statusIs('scheduled')
    case 'published':
      return publiclyVisible
    case 'all':
      return undefined
  }
}

/**
 * The states of the stories a list can hold, with a state filter or none: the parts of the desk
 * its lines depend on (lib/desk-kept.ts). Must agree with `queueCondition` (lib/desk-kept.data.test.ts).
 */
export function queueStates(queue: DeskQueue, status?: ArticleStatus): (ArticleStatus | 'trash')[] {
  if (queue === 'trash') return ['trash']
  const all = articleStatus.enumValues
  const held: Record<Exclude<DeskQueue, 'trash'>, readonly ArticleStatus[]> = {
    drafts: ['draft'],
    review: ['in_review'],
    sentBack: ['changes_requested'],
    scheduled: ['scheduled'],
    // `publiclyVisible`: a published revision, whatever the state but unpublished.
    published: all.filter((state) => state !== 'unpublished'),
    all,
  }
  return held[queue].filter((state) => status === undefined || state === status)
}

/** The words the desk searches for, as typed but cleaned; empty for no search. */
export function searchText(filters: DeskFilters): string {
  return filters.q === undefined ? '' : cleanText(filters.q).trim()
}

export function filterCondition(filters: DeskFilters): SQL | undefined {
  const q = searchText(filters)
  return and(
    filters.sectionId === undefined ? undefined : eq(articles.sectionId, filters.sectionId),
    filters.authorId === undefined ? undefined : mine(filters.authorId),
    filters.status === undefined ? undefined : statusIs(filters.status),
    q ? matchesWords(q) : undefined,
  )
}

/**
 * The desk's search: the current revision's headline, standfirst and body, as the reader's search
 * reads them (lib/search.ts: word order and case do not matter, "ferries" finds "ferry"), or with
 * its last word still being typed ("counc" finds "council"). Both read the current revision's words
 * as copied onto the story (migration 0027), never older versions, through one index, so that a
 * list reads its stories in order and stops at a page, however many match.
 */
function matchesWords(q: string): SQL {
  return sql`${articles.currentSearchVector} @@ ${deskSearchQuery(q)}`
}

/**
 * The words searched for, as a text-search query: all of them (`websearch_to_tsquery`: quotes for
 * a phrase, "or", "-" to leave a word out), or all but the last and any word beginning with the
 * last, stemmed as the stories' words are. Sent as parameters; the prefix's word is letters and
 * digits only, so it can hold no operator of `to_tsquery`.
 */
export function deskSearchQuery(q: string): SQL {
  const words = sql`websearch_to_tsquery('english', ${q})`
  const typing = wordBeingTyped(q)
  if (!typing) return words
  const beginning = sql`(websearch_to_tsquery('english', ${typing.before}) && to_tsquery('english', ${`${typing.word}:*`}))`
  return isPlainWords(typing.before) ? beginning : sql`(${words} || ${beginning})`
}

/**
 * Whether the words before the last one are plain words ending in a space (or none): then a story
 * with all the words has all but the last and a word beginning with it, so that form alone finds
 * the same stories. Asking the index for both made a common word's search read its entries twice
 * (about an eighth of a search's time at 100,000 stories).
 */
function isPlainWords(before: string): boolean {
  return (before === '' || before.endsWith(' ')) && !/["-]|(^| )or( |$)/i.test(before)
}

/** The letters and digits that end the text, and what comes before them; none after a "-" that leaves a word out. */
function wordBeingTyped(q: string): { before: string; word: string } | null {
  const [, before = '', word = ''] = /^(.*?)([\p{L}\p{N}]+)$/su.exec(q) ?? []
  if (!word || /(^|\s)-$/.test(before)) return null
  return { before, word }
}

/**
 * Stories in this status, written into the statement's text: a statement with no parameters keeps
 * its plan, made for these very values, in the embedded database (db/pglite-client.ts).
 */
export function statusIs(status: ArticleStatus): SQL {
  if (!articleStatus.enumValues.includes(status)) throw new Error(`Not a status: ${status}`)
  return sql`${articles.status} = ${sql.raw(`'${status}'`)}`
}

/** Stories this person created or is bylined on (`articles.owner_ids`, kept by the database). */
export function mine(userId: number): SQL {
  // In the text, as the statuses are: a desk page's counts and lists then have no parameters.
  return sql`${articles.ownerIds} @> array[${wholeNumberInText(userId)}]::integer[]`
}
