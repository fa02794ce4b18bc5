import * as Y from 'yjs'
import { z } from 'zod'
import { articleInputSchema, articleLimits } from '../article-input'
import { checkBylines } from '../article-editing'
import type { Actor } from '../permissions'
import { type StoryDraft, canonicalJson } from '../story-draft'

// A story's other fields (section, slug, tags, bylines, lead image, SEO…) in its shared document:
// a Y.Map named `fields`, one entry per field holding its whole value, so that a change one person
// makes reaches everyone's form at once. The last change to a field wins; the form keeps saving
// them. No DOM here: the browser, the sync server and the tests use the same code.

/** The Yjs name of the map (beside the headline, standfirst and body of lib/collab/paths.ts). */
export const fieldsPart = 'fields'

type TextParts = 'headline' | 'standfirst' | 'body'

/** A field kept in the map: every field of a story's input but the text written together. */
export type MapField = Exclude<keyof typeof articleInputSchema.shape, TextParts>

/** The field values the map holds. */
export type FieldValues = Pick<StoryDraft, MapField>

const text = (max: number) => z.string().max(max)
const id = z.number().int().positive()

/**
 * What each field's value may be in the map: its shape, and the limits that keep it small. A
 * value half typed (a slug ending in a hyphen) is fine; saving checks the rest, as it does for
 * the form's saves.
 */
const valueSchemas = {
  dateline: text(articleLimits.dateline * 2),
  sectionId: id,
  slug: text(articleLimits.slug * 2),
  tags: z.array(text(articleLimits.tag * 2)).max(articleLimits.tags * 5),
  bylines: z
    .array(
      z.union([
        z.strictObject({ userId: id }),
        z.strictObject({ name: text(articleLimits.bylineName * 2), outlet: text(articleLimits.bylineOutlet * 2) }),
      ]),
    )
    .max(articleLimits.bylines * 5),
  leadMediaId: id.nullable(),
  leadCaption: text(articleLimits.leadCaption * 2),
  leadCredit: text(articleLimits.leadCredit * 2),
  seoTitle: text(articleLimits.seoTitle * 2),
  seoDescription: text(articleLimits.seoDescription * 2),
  socialHeadline: text(articleLimits.socialHeadline * 2),
  socialMediaId: id.nullable(),
} satisfies Record<MapField, z.ZodType>

const textParts: readonly string[] = ['headline', 'standfirst', 'body'] satisfies TextParts[]

/** The fields in the map, read off the story's input schema (one list for the form, the server and the saves). */
export const mapFields = Object.keys(articleInputSchema.shape).filter((field): field is MapField => !textParts.includes(field))

export function isMapField(field: string): field is MapField {
  return (mapFields as string[]).includes(field)
}

/** The story's field map in a shared document. */
export function fieldMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(fieldsPart)
}

/** The values the map holds now (a field never set is absent). */
export function readFieldValues(map: Y.Map<unknown>): Partial<Record<MapField, unknown>> {
  const values: Partial<Record<MapField, unknown>> = {}
  for (const field of mapFields) if (map.has(field)) values[field] = map.get(field)
  return values
}

/** Sets the fields of `values` that differ from the map's, in one transaction marked with `origin`. */
export function writeFieldValues(map: Y.Map<unknown>, values: Partial<FieldValues>, origin?: unknown): void {
  const changed = mapFields.filter((field) => field in values && canonicalJson(values[field]) !== canonicalJson(map.get(field)))
  if (changed.length === 0) return
  const write = () => {
    for (const field of changed) map.set(field, structuredClone(values[field]))
  }
  if (map.doc) map.doc.transact(write, origin)
  else write()
}

/**
 * Why this person may not make the map go from `before` to `after`, or null when they may: a
 * field the story does not have, a value of the wrong shape, or bylines they may not change so
 * (a writer taking themselves off their story: `checkBylines`, the rule every save follows).
 */
export function fieldChangeProblem(actor: Actor, before: Record<string, unknown>, after: Record<string, unknown>): string | null {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(before[key]) === canonicalJson(after[key])) continue
    if (!isMapField(key)) return 'A story has no such field, so your change was not kept.'
    const parsed = valueSchemas[key].safeParse(after[key])
    if (!parsed.success) return 'That value does not fit the field, so your change was not kept.'
    if (key === 'bylines') {
      const bylines = checkBylines(actor, bylinesOf(before.bylines), valueSchemas.bylines.parse(after.bylines))
      if (!bylines.ok) return bylines.message
    }
  }
  return null
}

function bylinesOf(value: unknown): FieldValues['bylines'] {
  const parsed = valueSchemas.bylines.safeParse(value)
  return parsed.success ? parsed.data : []
}
