import * as Y from 'yjs'
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

/**
 * How long a value's JSON may be in the map: ten times the longest field's limit. Typing past a
 * limit is fine (the form's counter shows it, the save refuses it); this keeps the map small.
 */
const maxValueLength = 10 * Math.max(...Object.values(articleLimits))

/**
 * Whether `value` may be the field's value in the map: what the story's input schema
 * (lib/article-input.ts) takes for the field, held as the form holds it. A value half typed is
 * fine: the schema's refinements (a limit, a slug's pattern, how many tags) are the save's to
 * check, each by its field, as for the form's saves. The value must already be what the schema
 * makes of it, kind for kind: a number sent as text, or tags as one text, is a form post's, not the map's.
 */
function fitsField(field: MapField, value: unknown): boolean {
  if (value === undefined || canonicalJson(value).length > maxValueLength) return false
  // Item by item, so that an item the schema drops (an empty byline row) is judged on its own.
  if (Array.isArray(value) && value.length > 1) return value.every((item) => fitsField(field, [item]))
  const parsed = articleInputSchema.shape[field].safeParse(value, { reportInput: true })
  if (parsed.success) return sameKinds(value, parsed.data)
  return parsed.error.issues.every((issue) => issue.code === 'custom' && sameKinds(valueAt(value, issue.path), issue.input))
}

/** Whether `value` holds the same kinds as `made` (what a schema made of it): numbers as numbers, the same keys. */
function sameKinds(value: unknown, made: unknown): boolean {
  if (Array.isArray(value) || Array.isArray(made)) {
    // A schema may drop an item (an empty one, a repeat): each item must be of a kind it kept.
    if (!Array.isArray(value) || !Array.isArray(made)) return false
    return made.length === 0 || value.every((item) => made.some((kept) => sameKinds(item, kept)))
  }
  if (isRecord(value) || isRecord(made)) {
    if (!isRecord(value) || !isRecord(made)) return false
    const keys = Object.keys(value)
    return keys.length === Object.keys(made).length && keys.every((key) => key in made && sameKinds(value[key], made[key]))
  }
  return typeof value === typeof made && (value === null) === (made === null)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (inner, key) => (isRecord(inner) || Array.isArray(inner) ? (inner as Record<PropertyKey, unknown>)[key] : undefined),
    value,
  )
}

const textParts: readonly string[] = ['headline', 'standfirst', 'body'] satisfies TextParts[]

/** The fields in the map, read off the story's input schema (one list for the form, the server and the saves). */
export const mapFields = Object.keys(articleInputSchema.shape).filter((field): field is MapField => !textParts.includes(field))

export function isMapField(field: string): field is MapField {
  return (mapFields as string[]).includes(field)
}

/** The map's fields of a whole story draft. */
export function fieldValuesOf(draft: StoryDraft): FieldValues {
  return Object.fromEntries(mapFields.map((field) => [field, draft[field]])) as FieldValues
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
 * The fields of a story's latest revision (`saved`) that its shared document, opened again, takes
 * into a map holding `held`, last in step with revision `base`: each field nobody typed into
 * since (there the map just follows the saves). A value typed into the map that no save took
 * stays: the forms save the map's values as they show them, so it is newer than the revision.
 * `base` lists the forms the map may hold the base's values in (a slug that follows its headline
 * is held empty until the story is published); none known, every saved field is taken.
 */
export function untypedFields(
  base: readonly FieldValues[],
  held: Partial<Record<MapField, unknown>>,
  saved: FieldValues,
): Partial<FieldValues> {
  return pickFields(saved, (field) => base.length === 0 || !(field in held) || isBase(base, field, held[field]))
}

/**
 * The fields of a save made outside the shared document from `base` (a browser editing alone)
 * that the document, its map holding `held`, takes: each field the save changed, the newest
 * value, and each nobody typed into since. A value typed into the map that the save left alone stays.
 */
export function savedFieldsToTake(base: FieldValues, held: Partial<Record<MapField, unknown>>, saved: FieldValues): Partial<FieldValues> {
  return { ...untypedFields([base], held, saved), ...pickFields(saved, (field) => !isBase([base], field, saved[field])) }
}

function isBase(base: readonly FieldValues[], field: MapField, value: unknown): boolean {
  return base.some((values) => canonicalJson(values[field]) === canonicalJson(value))
}

function pickFields(values: FieldValues, isPicked: (field: MapField) => boolean): Partial<FieldValues> {
  return Object.fromEntries(mapFields.filter(isPicked).map((field) => [field, values[field]])) as Partial<FieldValues>
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
    if (!fitsField(key, after[key])) return 'That value does not fit the field, so your change was not kept.'
    if (key === 'bylines') {
      const bylines = checkBylines(actor, bylinesOf(before.bylines), bylinesOf(after.bylines))
      if (!bylines.ok) return bylines.message
    }
  }
  return null
}

/** The bylines of a value that fits the field (its staff members are what `checkBylines` reads); none otherwise. */
function bylinesOf(value: unknown): FieldValues['bylines'] {
  return Array.isArray(value) && fitsField('bylines', value) ? (value as FieldValues['bylines']) : []
}
