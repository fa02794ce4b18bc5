import { z } from 'zod'
import type { Byline } from '@/db/schema'
import { textField } from './clean-text'
import { slugify } from './slug'

/** The limits of a story's fields, for the form's counters as much as for the checks. */
export const articleLimits = {
  headline: 300,
  standfirst: 600,
  dateline: 60,
  slug: 100,
  tags: 20,
  tag: 60,
  bylines: 10,
  bylineName: 120,
  bylineOutlet: 120,
  leadCaption: 1000,
  leadCredit: 200,
  seoTitle: 200,
  seoDescription: 400,
  socialHeadline: 200,
} as const

/**
 * What search engines and link previews show before they cut the text off: a hint for the form
 * and the checklist, not a limit.
 */
export const seoHints = { title: 70, description: 160, socialHeadline: 70 } as const

export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

const optionalText = (max: number, tooLong: string, kind: { multiline?: boolean } = {}) => textField({ ...kind, max, tooLong }).default('')

export const headlineSchema = textField({
  max: articleLimits.headline,
  tooLong: `Keep the headline under ${articleLimits.headline} characters.`,
})

/** Where the story was reported from ("BEIRUT"): one short line, or none. */
export const datelineSchema = z
  .string()
  .refine((value) => !/[\n\r\v\f\u0085\u2028\u2029]/.test(value), 'Write the dateline on one line, like BEIRUT.')
  .pipe(textField({ max: articleLimits.dateline, tooLong: `Keep the dateline under ${articleLimits.dateline} characters, like BEIRUT.` }))
  .default('')

const idSchema = z.coerce.number('Choose from the list.').int('Choose from the list.').positive('Choose from the list.')
/** A library image, or none (an empty field). */
const optionalIdSchema = z.preprocess((value) => (value === '' || value === undefined ? null : value), idSchema.nullable())

/**
 * A byline: a staff member, or an outside contributor. A draft may hold a contributor whose name is
 * not written yet (`storyProblems` keeps such a story from leaving the writer).
 */
export const bylineSchema = z.union([
  z.object({ userId: idSchema }),
  z.object({
    name: optionalText(articleLimits.bylineName, `Keep a contributor’s name under ${articleLimits.bylineName} characters.`),
    outlet: optionalText(articleLimits.bylineOutlet, `Keep the outlet under ${articleLimits.bylineOutlet} characters.`),
  }),
])

const tagsSchema = z
  .preprocess(
    // The form may send "climate, floods" as one field.
    (value) => (typeof value === 'string' ? value.split(',') : (value ?? [])),
    z.array(textField({ max: articleLimits.tag, tooLong: `Keep each tag under ${articleLimits.tag} characters.` })),
  )
  .transform((names) => uniqueBy(names.filter(Boolean), (name) => slugify(name)))
  .check((context) => {
    if (context.value.some((name) => slugify(name) === '')) {
      context.issues.push({ code: 'custom', input: context.value, message: 'A tag needs at least one letter or digit.' })
    }
    if (context.value.length > articleLimits.tags) {
      context.issues.push({ code: 'custom', input: context.value, message: `Use at most ${articleLimits.tags} tags.` })
    }
  })

const bylinesSchema = z
  .array(bylineSchema)
  .transform((bylines) => uniqueBy(bylines.filter(isWritten), bylineKey))
  .refine((bylines) => bylines.length <= articleLimits.bylines, `Use at most ${articleLimits.bylines} bylines.`)

/**
 * What the story form sends on a save or an autosave. A draft is saved as the writer left it:
 * without a headline or a byline, with empty byline rows dropped; only the limits that keep the
 * text safe apply. `storyProblems` is for the moment a story leaves the writer. An empty slug
 * means "made from the headline": the save derives it (`derivedSlug`), taking slug-2, slug-3…
 * when another story in the section has it, and keeps the story's slug when there is no headline.
 */
export const articleInputSchema = z.object({
  headline: headlineSchema,
  standfirst: optionalText(articleLimits.standfirst, `Keep the standfirst under ${articleLimits.standfirst} characters.`),
  dateline: datelineSchema,
  /** TipTap JSON; checked against the editor's schema by `sanitizeDoc` when saved. */
  body: z.unknown(),
  sectionId: z.coerce.number('Choose a section.').int('Choose a section.').positive('Choose a section.'),
  slug: textField({ max: articleLimits.slug, tooLong: `Keep the slug under ${articleLimits.slug} characters.` })
    .refine(
      (slug) => slug === '' || slugPattern.test(slug),
      'Use only lower-case letters, digits and single hyphens, like harbour-reopens.',
    )
    .default(''),
  tags: tagsSchema,
  bylines: bylinesSchema,
  leadMediaId: optionalIdSchema,
  leadCaption: optionalText(articleLimits.leadCaption, `Keep the caption under ${articleLimits.leadCaption} characters.`),
  leadCredit: optionalText(articleLimits.leadCredit, `Keep the credit under ${articleLimits.leadCredit} characters.`),
  seoTitle: optionalText(
    articleLimits.seoTitle,
    `Keep the search title under ${articleLimits.seoTitle} characters; search engines show about ${seoHints.title}.`,
  ),
  seoDescription: optionalText(
    articleLimits.seoDescription,
    `Keep the search description under ${articleLimits.seoDescription} characters; search engines show about ${seoHints.description}.`,
  ),
  socialHeadline: optionalText(
    articleLimits.socialHeadline,
    `Keep the social headline under ${articleLimits.socialHeadline} characters; link previews show about ${seoHints.socialHeadline}.`,
  ),
  socialMediaId: optionalIdSchema,
})

/** A story as the form sent it, before parsing. */
export type ArticleInputRaw = z.input<typeof articleInputSchema>
/** A story's fields, trimmed and checked (the body is checked when saved). */
export type ArticleInput = z.output<typeof articleInputSchema>
export type BylineInput = z.output<typeof bylineSchema>

/** The slug an empty slug field stands for; empty when the headline has no letter or digit. */
export function derivedSlug(headline: string): string {
  return slugify(headline, 80)
}

/**
 * What a story lacks before it may go to an editor or to readers (submit, approve, schedule,
 * publish); a draft may lack all of it. `field` is the form field at fault: `headline`, `bylines`,
 * or `byline-N-name` for the Nth row as the form shows it (empty rows, which a save drops, count
 * as rows but are never at fault). One problem, one message. The server checks the saved revision
 * with it; the form checks its own fields with it first, to show each message by its field.
 */
export function storyProblems(story: { headline: string; bylines: readonly Byline[] }): StoryProblem[] {
  const problems: StoryProblem[] = []
  if (!story.headline.trim()) problems.push({ field: 'headline', message: 'Write a headline before sending the story on.' })
  if (!story.bylines.some(isWritten)) problems.push({ field: 'bylines', message: 'Add a byline before sending the story on.' })
  story.bylines.forEach((byline, index) => {
    if (!('userId' in byline) && !byline.name.trim() && byline.outlet.trim()) {
      problems.push({ field: `byline-${index + 1}-name`, message: 'Enter the contributor’s name, or remove this byline.' })
    }
  })
  return problems
}

export type StoryProblem = { field: string; message: string }

/** Whether a row says something: a staff member, or a contributor with a name or an outlet. */
function isWritten(byline: Byline): boolean {
  return 'userId' in byline || byline.name.trim() !== '' || byline.outlet.trim() !== ''
}

function bylineKey(byline: z.output<typeof bylineSchema>): string {
  return 'userId' in byline ? `staff:${byline.userId}` : `other:${byline.name.toLowerCase()}|${byline.outlet.toLowerCase()}`
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
