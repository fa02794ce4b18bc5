import { countWords, plainText } from '@/lib/rich-text-plain'
import { slugify } from '@/lib/slug'
import type { ArticleStatus, Byline, RichTextDoc } from '@/db/schema'
import { doc, p } from './builders'
import { type Random, contributorNames, contributorOutlets, syntheticText } from './synthetic-text'

/** What the synthetic generator may refer to: ids that already exist in the database. */
export type SyntheticPool = {
  now: Date
  writerIds: number[]
  editorIds: number[]
  sectionIds: number[]
  tags: { id: number; name: string }[]
}

export type PlannedRevision = {
  number: number
  kind: 'save' | 'autosave' | 'published'
  headline: string
  standfirst: string
  body: RichTextDoc
  bodyText: string
  wordCount: number
  sectionId: number
  slug: string
  bylines: Byline[]
  tags: string[]
  createdBy: number
  createdAt: Date
  updatedAt: Date
}

export type PlannedEvent = {
  fromStatus: ArticleStatus | null
  toStatus: ArticleStatus
  actorId: number
  revisionNumber: number
  createdAt: Date
}

/** One synthetic article and everything that hangs off it, before any of it has an id. */
export type PlannedArticle = {
  sectionId: number
  slug: string
  status: ArticleStatus
  createdBy: number
  scheduledAt: Date | null
  firstPublishedAt: Date | null
  publishedAt: Date | null
  createdAt: Date
  updatedAt: Date
  statusChangedAt: Date
  revisions: PlannedRevision[]
  currentNumber: number
  publishedNumber: number | null
  bylines: Byline[]
  tagIds: number[]
  events: PlannedEvent[]
}

const hour = 60 * 60 * 1000
const day = 24 * hour

/** The status changes that lead to each status, in order. */
const chains: Record<ArticleStatus, ArticleStatus[]> = {
  draft: ['draft'],
  in_review: ['draft', 'in_review'],
  changes_requested: ['draft', 'in_review', 'changes_requested'],
  approved: ['draft', 'in_review', 'approved'],
  scheduled: ['draft', 'in_review', 'approved', 'scheduled'],
  published: ['draft', 'in_review', 'approved', 'published'],
  unpublished: ['draft', 'in_review', 'approved', 'published', 'unpublished'],
}

// Mostly published, like a real archive, with every desk state represented.
function pickStatus(random: Random): ArticleStatus {
  const roll = random.next()
  if (roll < 0.8) return 'published'
  if (roll < 0.84) return 'unpublished'
  if (roll < 0.88) return 'draft'
  if (roll < 0.91) return 'in_review'
  if (roll < 0.935) return 'changes_requested'
  if (roll < 0.96) return 'approved'
  return 'scheduled'
}

/**
 * Plans one synthetic article. `serial` makes the slug unique, so it must not repeat across
 * calls on one database.
 */
export function planArticle(random: Random, pool: SyntheticPool, serial: number): PlannedArticle {
  const now = pool.now.getTime()
  const status = pickStatus(random)
  const text = syntheticText(random)
  const writer = random.pick(pool.writerIds)
  const editor = random.pick(pool.editorIds)
  const isLive = status === 'published' || status === 'unpublished'

  // Live stories are spread over the last six months; the desk's work in progress is recent.
  const lastChange = isLive ? now - random.next() * 180 * day : now - random.next() * 14 * day
  const createdAt = lastChange - (2 + random.next() * 46) * hour
  const chain = chains[status]
  const steps = status === 'unpublished' ? chain.length - 1 : chain.length
  const stepTime = (index: number) => createdAt + ((lastChange - createdAt) * index) / Math.max(1, steps - 1)
  // Unpublishing, when it happened, came some time between going live and now.
  const eventTimes = chain.map((_, index) => (index < steps ? stepTime(index) : lastChange + random.next() * (now - lastChange)))

  const revisionTimes = [createdAt, createdAt + (lastChange - createdAt) / 2, lastChange]
  const hasNewerDraft = status === 'published' && random.next() < 0.1
  if (hasNewerDraft) revisionTimes.push(lastChange + random.next() * (now - lastChange))

  const bodies = [doc(...text.blocks.slice(0, 2)), doc(...text.blocks.slice(0, Math.max(2, text.blocks.length - 1))), doc(...text.blocks)]
  const headlines = [...text.headlines]
  if (hasNewerDraft) {
    bodies.push(doc(...text.blocks, p('This story has been updated with a response from the officials involved.')))
    headlines.push(`${text.headlines[2]}, officials confirm`)
  }
  // Every revision of a synthetic story shares its routing and attribution; only the text moves.
  const sectionId = random.pick(pool.sectionIds)
  const slug = `${shortSlug(text.headlines[2])}-${serial}`
  const bylines = planBylines(random, pool, writer)
  const tags = random.sample(pool.tags, random.int(1, 3))
  const revisions = revisionTimes.map((time, index): PlannedRevision => {
    const body = bodies[index] ?? doc()
    const bodyText = plainText(body)
    const isLiveRevision = isLive && index === 2
    return {
      number: index + 1,
      kind: isLiveRevision ? 'published' : index === 1 && random.next() < 0.5 ? 'autosave' : 'save',
      headline: headlines[index] ?? text.headlines[2],
      standfirst: index === 0 ? '' : text.standfirst,
      body,
      bodyText,
      wordCount: countWords(bodyText),
      sectionId,
      slug,
      bylines,
      tags: tags.map((tag) => tag.name),
      createdBy: isLiveRevision ? editor : writer,
      createdAt: new Date(time),
      updatedAt: new Date(time),
    }
  })
  const events = chain.map((toStatus, index): PlannedEvent => ({
    fromStatus: index === 0 ? null : (chain[index - 1] ?? null),
    toStatus,
    actorId: toStatus === 'draft' || toStatus === 'in_review' ? writer : editor,
    // Created on the first revision, submitted with the second, decided on the third.
    revisionNumber: Math.min(index + 1, 3),
    createdAt: new Date(eventTimes[index] ?? createdAt),
  }))
  const publishedAt = isLive ? new Date(lastChange) : null
  const lastTime = Math.max(revisionTimes.at(-1) ?? createdAt, eventTimes.at(-1) ?? createdAt)

  return {
    sectionId,
    slug,
    status,
    createdBy: writer,
    scheduledAt: status === 'scheduled' ? new Date(now + (1 + random.next() * 13) * day) : null,
    firstPublishedAt: publishedAt,
    publishedAt,
    createdAt: new Date(createdAt),
    updatedAt: new Date(lastTime),
    statusChangedAt: events.at(-1)?.createdAt ?? new Date(createdAt),
    revisions,
    currentNumber: revisions.length,
    publishedNumber: isLive ? 3 : null,
    bylines,
    tagIds: tags.map((tag) => tag.id),
    events,
  }
}

function planBylines(random: Random, pool: SyntheticPool, writer: number): PlannedArticle['bylines'] {
  const roll = random.next()
  if (roll < 0.05) return [{ name: random.pick(contributorNames), outlet: random.pick(contributorOutlets) }]
  if (roll < 0.15) {
    const others = [...pool.writerIds, ...pool.editorIds].filter((id) => id !== writer)
    if (others.length > 0) return [{ userId: writer }, { userId: random.pick(others) }]
  }
  return [{ userId: writer }]
}

/** A slug of at most 60 characters, cut at a word boundary rather than mid-word. */
function shortSlug(headline: string): string {
  const slug = slugify(headline)
  if (slug.length <= 60) return slug
  const cut = slug.slice(0, 61)
  return cut.slice(0, cut.lastIndexOf('-'))
}
