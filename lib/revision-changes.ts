import type { RichTextDoc } from '@/db/schema'
import { type BodyItem, type BodyItemType, type ItemImage, bodyFingerprint, bodyItems, isKeyedByText } from './body-items'
import { type DiffOptions, type DiffPart, diffText } from './diff'

// What changed between two revisions of a story, field by field and in the body item by item:
// the history page lists these. Pure: the page resolves names (section, bylines) first.

/** A revision as the comparison reads it: every field, with names where the form shows names. */
export type ComparableRevision = {
  headline: string
  standfirst: string
  dateline: string
  body: RichTextDoc
  /** The body as plain text (`revisions.body_text`). */
  bodyText: string
  /** The section's name. */
  section: string
  slug: string
  /** Each byline as shown: "Rana Haddad", "Sam Lee (Reuters)". */
  bylines: string[]
  tags: string[]
  leadMediaId: number | null
  leadCaption: string
  leadCredit: string
  seoTitle: string
  seoDescription: string
  socialHeadline: string
  socialMediaId: number | null
}

/** One attribute of a body item that differs. */
export type AttributeChange = { name: string; before: string; after: string }

export type FieldChange =
  /** Headline, standfirst and body text, word by word. */
  | { kind: 'text'; field: string; parts: DiffPart[] }
  /** A one-line field: its old and new value ('' when empty). */
  | { kind: 'value'; field: string; before: string; after: string }
  /** Bylines and tags: who or what came and went, and both lists (for a change of order only). */
  | { kind: 'list'; field: string; added: string[]; removed: string[]; before: string[]; after: string[] }
  /** The lead or social image, by library id (null: none). */
  | { kind: 'image'; field: string; before: number | null; after: number | null }
  /** A figure, embed, quote, pull quote, subhead or link of the body. */
  | {
      kind: 'item'
      change: 'added' | 'removed' | 'changed'
      type: BodyItemType
      /** The item's words or address, to tell it apart. */
      key: string
      /** For `changed`, the attributes that differ; for `added` and `removed`, the item's non-empty ones. */
      attributes: AttributeChange[]
      /** A figure's image. */
      image?: ItemImage
    }
  /** The body differs in nothing the other changes show: bold, a list, a paragraph break… */
  | { kind: 'formatting'; field: 'Body formatting' }

/** Every difference between two revisions, in the form's order; empty only when they are the same in everything. */
export function compareRevisions(older: ComparableRevision, newer: ComparableRevision, options: DiffOptions = {}): FieldChange[] {
  const changes: FieldChange[] = []
  const text = (field: string, before: string, after: string) => {
    if (before !== after) changes.push({ kind: 'text', field, parts: diffText(before, after, options) })
  }
  const value = (field: string, before: string, after: string) => {
    if (before !== after) changes.push({ kind: 'value', field, before, after })
  }
  const list = (field: string, before: string[], after: string[]) => {
    if (before.join('\n') === after.join('\n')) return
    const added = after.filter((entry) => !before.includes(entry))
    const removed = before.filter((entry) => !after.includes(entry))
    changes.push({ kind: 'list', field, added, removed, before, after })
  }

  text('Headline', older.headline, newer.headline)
  text('Standfirst', older.standfirst, newer.standfirst)
  value('Dateline', older.dateline, newer.dateline)
  text('Body', older.bodyText, newer.bodyText)
  const items = compareItems(bodyItems(older.body), bodyItems(newer.body))
  changes.push(...items)
  const bodyShown = changes.some((change) => change.kind === 'item' || (change.kind === 'text' && change.field === 'Body'))
  if (!bodyShown && bodyFingerprint(older.body) !== bodyFingerprint(newer.body))
    changes.push({ kind: 'formatting', field: 'Body formatting' })
  list('Bylines', older.bylines, newer.bylines)
  value('Section', older.section, newer.section)
  value('Slug', older.slug, newer.slug)
  list('Tags', older.tags, newer.tags)
  if (older.leadMediaId !== newer.leadMediaId) {
    changes.push({ kind: 'image', field: 'Lead image', before: older.leadMediaId, after: newer.leadMediaId })
  }
  value('Lead image caption', older.leadCaption, newer.leadCaption)
  value('Lead image credit', older.leadCredit, newer.leadCredit)
  value('Search title', older.seoTitle, newer.seoTitle)
  value('Search description', older.seoDescription, newer.seoDescription)
  value('Social headline', older.socialHeadline, newer.socialHeadline)
  if (older.socialMediaId !== newer.socialMediaId) {
    changes.push({ kind: 'image', field: 'Social image', before: older.socialMediaId, after: newer.socialMediaId })
  }
  return changes
}

type ItemChange = Extract<FieldChange, { kind: 'item' }>

/**
 * Pairs the items of two bodies: the same type and key, in order; then, for items known by their
 * words (an edit changes the key), the rest of one type by position. Unpaired ones came or went.
 */
export function compareItems(before: BodyItem[], after: BodyItem[]): ItemChange[] {
  const unpaired = new Set(after)
  const pairs: [BodyItem, BodyItem][] = []
  const gone: BodyItem[] = []
  for (const item of before) {
    const match = after.find((candidate) => unpaired.has(candidate) && candidate.type === item.type && candidate.key === item.key)
    if (match) {
      unpaired.delete(match)
      pairs.push([item, match])
    } else {
      gone.push(item)
    }
  }
  const removed: BodyItem[] = []
  for (const item of gone) {
    const match = isKeyedByText(item.type) ? after.find((candidate) => unpaired.has(candidate) && candidate.type === item.type) : undefined
    if (match) {
      unpaired.delete(match)
      pairs.push([item, match])
    } else {
      removed.push(item)
    }
  }

  const changes: ItemChange[] = []
  for (const [old, now] of pairs) {
    const attributes = now.attributes.flatMap(([name, value], index) => {
      const was = old.attributes[index]?.[1] ?? ''
      return was === value ? [] : [{ name, before: was, after: value }]
    })
    if (attributes.length > 0) changes.push({ kind: 'item', change: 'changed', type: now.type, key: now.key, attributes, ...imageOf(now) })
  }
  for (const item of removed) changes.push(whole(item, 'removed'))
  for (const item of after.filter((candidate) => unpaired.has(candidate))) changes.push(whole(item, 'added'))
  return changes
}

function whole(item: BodyItem, change: 'added' | 'removed'): ItemChange {
  const attributes = item.attributes
    .filter(([, value]) => value !== '')
    .map(([name, value]) => (change === 'added' ? { name, before: '', after: value } : { name, before: value, after: '' }))
  return {
    kind: 'item',
    change,
    type: item.type,
    key: item.key,
    attributes,
    ...imageOf(item),
  }
}

function imageOf(item: BodyItem): { image?: ItemImage } {
  return item.image ? { image: item.image } : {}
}
