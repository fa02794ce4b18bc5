import { z } from 'zod'
import type { Byline, RichTextDoc, RichTextNode } from '@/db/schema'
import { articleLimits, seoHints } from './article-input'
import { safeUrl } from './safe-url'
import { pendingSuggestions } from './story-schema/suggestions'
import { countOf } from './words'

// THE pre-publish checklist: what an editor looks at before a story is approved, scheduled or
// published. Pure, so that the desk (to show it as the story is written) and the server (to
// refuse, lib/transitions.ts) run the same checks. Whether a finding blocks the step or only
// warns is a newsroom setting (`checkSeverities` in lib/settings.ts).

export const checkIds = [
  'leadImage',
  'figures',
  'standfirst',
  'headline',
  'seoTitle',
  'slug',
  'byline',
  'sections',
  'links',
  'comments',
  'suggestions',
] as const
export type CheckId = (typeof checkIds)[number]

export const severities = ['block', 'warn'] as const
export type Severity = (typeof severities)[number]
export type CheckSeverities = Record<CheckId, Severity>

/** What the checks read of a story: its saved fields, and its lead image's alt text from the media library. */
export type ChecklistStory = {
  headline: string
  standfirst: string
  slug: string
  bylines: readonly Byline[]
  seoTitle: string
  socialHeadline: string
  body: RichTextDoc
  /** The lead image, or null for none: `alt` is the library's, `credit` this story's. */
  lead: { alt: string; credit: string } | null
  /** How many comments on the words are still open (lib/comments.ts). */
  openComments: number
}

type Check = {
  /** What it checks, in the settings and the checklist. */
  label: string
  /** Where the desk fixes it, and the form field to go to. */
  where: string
  field: string
  /** What is wrong, or null. */
  find: (story: ChecklistStory) => string | null
}

/** THE checks, in the order the desk shows them. */
export const checks: Record<CheckId, Check> = {
  leadImage: {
    label: 'Lead image has alt text and a credit',
    where: 'Lead image',
    field: 'lead-credit',
    find: ({ lead }) => {
      if (!lead) return null
      const missing = [lead.alt.trim() ? '' : 'alt text (set in the media library)', lead.credit.trim() ? '' : 'credit'].filter(Boolean)
      return missing.length > 0 ? `The lead image has no ${missing.join(' and no ')}.` : null
    },
  },
  figures: {
    label: 'Every figure has alt text and a credit',
    where: 'Body: each figure’s Figure form',
    field: 'body',
    find: ({ body }) => {
      const figures = nodesOf(body, 'figure')
      const noAlt = figures.filter((figure) => !text(figure.attrs?.alt)).length
      const noCredit = figures.filter((figure) => !text(figure.attrs?.credit)).length
      const missing = [
        noAlt > 0 ? `${countOf(noAlt, 'figure has', 'figures have')} no alt text` : '',
        noCredit > 0 ? `${countOf(noCredit, 'figure has', 'figures have')} no credit` : '',
      ].filter(Boolean)
      return missing.length > 0 ? `In the body, ${missing.join('; ')}.` : null
    },
  },
  standfirst: {
    label: 'Standfirst present',
    where: 'Standfirst',
    field: 'standfirst',
    find: ({ standfirst }) => (standfirst.trim() ? null : 'The story has no standfirst.'),
  },
  headline: {
    label: 'Headline within limits',
    where: 'Headline',
    field: 'headline',
    find: ({ headline }) => {
      if (!headline.trim()) return 'The story has no headline.'
      return [...headline].length > articleLimits.headline ? `The headline is longer than ${articleLimits.headline} characters.` : null
    },
  },
  seoTitle: {
    label: 'SEO title and social headline within limits',
    where: 'Search and sharing: SEO title, social headline',
    field: 'seo-title',
    find: ({ seoTitle, socialHeadline }) => {
      const found = [
        tooLong('The SEO title', seoTitle, seoHints.title, 'search engines'),
        tooLong('The social headline', socialHeadline, seoHints.socialHeadline, 'link previews'),
      ].filter(Boolean)
      return found.length > 0 ? found.join(' ') : null
    },
  },
  slug: {
    label: 'Slug set',
    where: 'Slug',
    field: 'slug',
    find: ({ slug }) => (slug.trim() ? null : 'The story has no slug, so it has no address.'),
  },
  byline: {
    label: 'At least one byline',
    where: 'Bylines',
    field: 'bylines',
    find: ({ bylines }) => (bylines.some((byline) => 'userId' in byline || byline.name.trim() !== '') ? null : 'The story has no byline.'),
  },
  sections: {
    label: 'No empty section in the body',
    where: 'Body: its subheadings',
    field: 'body',
    find: ({ body }) => {
      const blocks = (body.content ?? []).filter((node) => !isBlank(node))
      if (blocks.length === 0) return 'The body is empty.'
      const empty = blocks.filter((node, index) => node.type === 'heading' && (blocks[index + 1]?.type ?? 'heading') === 'heading')
      return empty.length > 0
        ? `Nothing follows ${empty.length === 1 ? 'the subheading' : 'the subheadings'} ${empty.map((node) => `“${wordsOf(node)}”`).join(', ')}.`
        : null
    },
  },
  links: {
    label: 'Links well formed',
    where: 'Body: its links',
    field: 'body',
    find: ({ body }) => {
      const bad = linksOf(body).filter((link) => !link.words.trim() || safeUrl(link.href) === null)
      return bad.length > 0
        ? `${countOf(bad.length, 'link is', 'links are')} not well formed: ${bad.map((link) => `“${link.words.trim() || link.href}”`).join(', ')}.`
        : null
    },
  },
  comments: {
    label: 'No open comments on the words',
    where: 'Comments beside the body',
    field: 'body',
    find: ({ openComments }) =>
      openComments > 0 ? `${countOf(openComments, 'comment on the words is', 'comments on the words are')} still open.` : null,
  },
  suggestions: {
    label: 'No pending suggestions',
    where: 'Suggestions beside the body: accept or reject each',
    field: 'body',
    find: ({ body }) => {
      const pending = pendingSuggestions(body).length
      return pending > 0 ? `${countOf(pending, 'suggested change is', 'suggested changes are')} still pending.` : null
    },
  },
}

/** Until an admin chooses: what would mislead or leave a reader out blocks; what is only style warns. */
export const defaultSeverities: CheckSeverities = {
  leadImage: 'block',
  figures: 'block',
  standfirst: 'warn',
  headline: 'block',
  seoTitle: 'warn',
  slug: 'block',
  byline: 'block',
  sections: 'warn',
  links: 'block',
  comments: 'warn',
  suggestions: 'warn',
}

/** The setting as an admin sends it, one choice per check; a check it leaves out keeps its default. */
export const checkSeveritiesSchema = z
  .object(Object.fromEntries(checkIds.map((id) => [id, z.enum(severities, 'Choose Block or Warn.').optional()])))
  .transform((chosen): CheckSeverities => ({ ...defaultSeverities, ...(chosen as Partial<CheckSeverities>) }))

export type CheckOutcome = 'passed' | 'warning' | 'blocking'

export type CheckResult = { id: CheckId; label: string; where: string; field: string; outcome: CheckOutcome; message: string }

/** Every check run on the story, each passed, a warning or blocking according to the newsroom's setting. */
export function runChecklist(story: ChecklistStory, chosen: CheckSeverities): CheckResult[] {
  return checkIds.map((id) => {
    const { label, where, field, find } = checks[id]
    const finding = find(story)
    if (finding === null) return { id, label, where, field, outcome: 'passed', message: label }
    return { id, label, where, field, outcome: chosen[id] === 'block' ? 'blocking' : 'warning', message: finding }
  })
}

/**
 * Whether a step may go ahead given the checklist: never with a blocking finding, and with
 * warnings only when each was confirmed. `confirmed` is the warnings to record as confirmed.
 */
export type ChecklistVerdict =
  { ok: true; confirmed: CheckId[] } | { ok: false; kind: 'blocked' | 'unconfirmed'; findings: CheckResult[]; message: string }

export function checklistVerdict(results: readonly CheckResult[], confirmedIds: readonly string[]): ChecklistVerdict {
  const blocking = results.filter((result) => result.outcome === 'blocking')
  if (blocking.length > 0) {
    return { ok: false, kind: 'blocked', findings: blocking, message: `Fix this first: ${listed(blocking)}` }
  }
  const warnings = results.filter((result) => result.outcome === 'warning')
  const unconfirmed = warnings.filter((result) => !confirmedIds.includes(result.id))
  if (unconfirmed.length > 0) {
    return { ok: false, kind: 'unconfirmed', findings: unconfirmed, message: `Confirm to go ahead despite this: ${listed(unconfirmed)}` }
  }
  return { ok: true, confirmed: warnings.map((result) => result.id) }
}

function listed(findings: readonly CheckResult[]): string {
  return findings.map((finding) => `${finding.message} (${finding.where})`).join(' ')
}

function nodesOf(doc: RichTextDoc, type: string): RichTextNode[] {
  const found: RichTextNode[] = []
  const walk = (node: RichTextNode) => {
    if (node.type === type) found.push(node)
    node.content?.forEach(walk)
  }
  doc.content?.forEach(walk)
  return found
}

/** The links of a body: neighbouring runs of text with one address are one link. */
function linksOf(doc: RichTextDoc): { words: string; href: string }[] {
  const links: { words: string; href: string }[] = []
  const walk = (node: RichTextNode) => {
    let previous: string | null = null
    for (const child of node.content ?? []) {
      const mark = child.marks?.find((one) => one.type === 'link')
      const href = child.text !== undefined && mark ? text(mark.attrs?.href) : null
      const last = links[links.length - 1]
      if (href !== null && href === previous && last) last.words += child.text ?? ''
      else if (href !== null) links.push({ words: child.text ?? '', href })
      previous = href
      walk(child)
    }
  }
  doc.content?.forEach(walk)
  return links
}

/** A paragraph with nothing in it (the editor's empty last line): not a section's content. */
function isBlank(node: RichTextNode): boolean {
  return node.type === 'paragraph' && wordsOf(node) === ''
}

function wordsOf(node: RichTextNode): string {
  const words = (inner: RichTextNode): string => inner.text ?? (inner.content ?? []).map(words).join('')
  return words(node).replace(/\s+/g, ' ').trim()
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

/** "The SEO title has 71 characters; search engines show about 70 and cut the rest.", or '' within the hint. */
/** Says that `value` is longer than the `shown` characters `where` show (search engines, link previews), or nothing. */
export function tooLong(name: string, value: string, shown: number, where: string): string {
  const length = [...value.trim()].length
  return length > shown ? `${name} has ${length} characters; ${where} show about ${shown} and cut the rest.` : ''
}
