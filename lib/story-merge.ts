import type { RichTextNode } from '@/db/schema'
import { type BlockOverlap, type OverlapChoice, mergeBlocks } from './block-merge'
import { type StoryDraft, canonicalJson } from './story-draft'

// When two people saved the same story from the same version: a three-way merge of their drafts
// against that version. Every field merges on its own, the body block by block (lib/block-merge.ts);
// only a field or a block both changed differently is an overlap, which the person decides.

export type { OverlapChoice }

type Field = Exclude<keyof StoryDraft, 'body'>

/** The story's fields as a person names them, in the form's order. */
export const fieldLabels: Record<Field, string> = {
  headline: 'headline',
  standfirst: 'standfirst',
  dateline: 'dateline',
  sectionId: 'section',
  slug: 'slug',
  tags: 'tags',
  bylines: 'bylines',
  leadMediaId: 'lead image',
  leadCaption: 'lead image caption',
  leadCredit: 'lead image credit',
  seoTitle: 'search title',
  seoDescription: 'search description',
  socialHeadline: 'social headline',
  socialMediaId: 'social image',
}

/** One-line text fields: keeping both joins the two texts with this between them. */
const joinedFields: Partial<Record<Field, string>> = {
  headline: ' / ',
  standfirst: ' / ',
  dateline: ' / ',
  leadCaption: ' / ',
  leadCredit: ' / ',
  seoTitle: ' / ',
  seoDescription: ' / ',
  socialHeadline: ' / ',
  slug: '-',
}

/** Something both people changed differently: a field, or a stretch of the body. */
export type Overlap =
  | { kind: 'field'; field: Field; label: string; mine: StoryDraft[Field]; theirs: StoryDraft[Field]; canKeepBoth: boolean }
  | { kind: 'body'; label: string; mine: RichTextNode[]; theirs: RichTextNode[]; canKeepBoth: true }

export type StoryMerge = {
  /** The merged draft, with each overlap settled by the choice given. */
  draft: StoryDraft
  /** What of the other person's changes the merge took, as the person would name it ("paragraph 3"). */
  taken: string[]
  overlaps: Overlap[]
}

/**
 * Merges this person's draft (`mine`) with another person's saved one (`theirs`), both made from
 * `base`. Overlaps are settled by `choice` ("mine" unless said otherwise) and listed, so that the
 * caller can ask first and merge again with the person's choice.
 */
export function mergeStory(base: StoryDraft, mine: StoryDraft, theirs: StoryDraft, choice: OverlapChoice = 'mine'): StoryMerge {
  const draft: StoryDraft = { ...theirs }
  const taken: string[] = []
  const overlaps: Overlap[] = []
  const assign = (field: Field, value: Value) => Object.assign(draft, { [field]: value })

  for (const field of Object.keys(fieldLabels) as Field[]) {
    const [was, ours, other] = [base[field], mine[field], theirs[field]]
    const label = fieldLabels[field]
    if (field === 'tags') {
      const merged = mergeTags(base.tags, mine.tags, theirs.tags)
      if (!same(merged, mine.tags)) taken.push('the tags')
      assign('tags', merged)
    } else if (same(ours, was) || same(ours, other)) {
      if (!same(other, was) && !same(other, ours)) taken.push(`the ${label}`)
      assign(field, other)
    } else if (same(other, was)) {
      assign(field, ours)
    } else {
      const canKeepBoth = field in joinedFields || field === 'bylines'
      overlaps.push({ kind: 'field', field, label: capitalize(label), mine: ours, theirs: other, canKeepBoth })
      assign(field, settleField(field, mine, theirs, choice))
    }
  }

  const blocks = mergeBlocks(base.body.content ?? [], mine.body.content ?? [], theirs.body.content ?? [], choice)
  draft.body = { ...theirs.body, content: blocks.blocks }
  for (const change of blocks.taken) {
    taken.push(change.to > change.from ? blockNames(blocks.blocks, change.from, change.to) : removal(change.removed))
  }
  const baseBlocks = base.body.content ?? []
  for (const overlap of blocks.overlaps) {
    overlaps.push({
      kind: 'body',
      label: capitalize(overlapName(baseBlocks, overlap)),
      mine: overlap.mine,
      theirs: overlap.theirs,
      canKeepBoth: true,
    })
  }
  return { draft, taken, overlaps }
}

type Value = StoryDraft[Field]

function settleField(field: Field, mine: StoryDraft, theirs: StoryDraft, choice: OverlapChoice): Value {
  if (choice === 'theirs') return theirs[field]
  const joiner = joinedFields[field]
  if (choice === 'mine' || (joiner === undefined && field !== 'bylines')) return mine[field]
  if (joiner !== undefined) return `${String(theirs[field])}${joiner}${String(mine[field])}`
  // Bylines: theirs, then the people only mine has.
  const seen = new Set(theirs.bylines.map(canonicalJson))
  return [...theirs.bylines, ...mine.bylines.filter((byline) => !seen.has(canonicalJson(byline)))]
}

/** Tags merge as a set: a tag either person added is kept, one either removed goes. */
function mergeTags(base: string[], mine: string[], theirs: string[]): string[] {
  const removedByMe = new Set(base.filter((tag) => !mine.includes(tag)))
  const merged = theirs.filter((tag) => !removedByMe.has(tag))
  for (const tag of mine) if (!base.includes(tag) && !merged.includes(tag)) merged.push(tag)
  return merged
}

/** What a block is called, and its number among the blocks of its kind: "paragraph 3", "figure 1". */
function blockName(blocks: RichTextNode[], index: number): string {
  const kind = kindOf(blocks[index])
  const number = blocks.slice(0, index + 1).filter((block) => kindOf(block) === kind).length
  return `${kind} ${number}`
}

function blockNames(blocks: RichTextNode[], from: number, to: number): string {
  const names = []
  for (let i = from; i < to; i++) names.push(blockName(blocks, i))
  return names.join(', ')
}

function overlapName(base: RichTextNode[], overlap: BlockOverlap): string {
  if (overlap.to === overlap.from) return `the text after ${overlap.from > 0 ? blockName(base, overlap.from - 1) : 'the start'}`
  return blockNames(base, overlap.from, overlap.to)
}

function removal(count: number): string {
  return `the body (${count === 1 ? 'a block' : `${count} blocks`} removed)`
}

const kindNames: Record<string, string> = {
  paragraph: 'paragraph',
  heading: 'subhead',
  blockquote: 'quote',
  pullQuote: 'pull quote',
  figure: 'figure',
  embed: 'embed',
  bulletList: 'list',
  orderedList: 'list',
  horizontalRule: 'rule',
}

function kindOf(block: RichTextNode | undefined): string {
  return kindNames[block?.type ?? ''] ?? 'block'
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b)
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
