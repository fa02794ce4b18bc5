import 'server-only'
import { type ArticleInput, articleInputSchema } from '../article-input'
import { type Refusal, invalidInput } from '../refusal'
import type { RevisionSnapshot } from '../revisions'
import { canonicalJson, followsHeadline } from '../story-draft'
import { fieldLabels } from '../story-merge'
import type { SharedDraft } from './storage'
import { type MapField, mapFields } from './story-fields'

// What a revision cut from a shared document holds (lib/collab/revision-cutter.ts): its headline,
// standfirst and body, and its other fields as the document's `fields` map holds them
// (lib/collab/story-fields.ts). A value there that the story's schema or the save refuses (a
// slug with capitals, one another story has) stays in the map, as typed, and the revision keeps
// the field's last saved value: the rest of the draft is cut all the same, and everyone is told.

/** A field whose value in the shared story a cut could not take, and why. */
export type FieldNotTaken = { field: MapField; message: string }

/** What a cut saves, and which fields of the map it left at the last revision's value. */
export type CutInput = { ok: true; input: ArticleInput; notTaken: FieldNotTaken[] } | Refusal

/** How a field the revision could not take is told to the people writing. */
export function notTakenMessage(field: MapField, why: string): string {
  const name = fieldLabels[field]
  return `The ${name} in the shared story was not saved: ${why} The revision keeps the ${name} it had before.`
}

/**
 * The draft a cut saves from revision `latest`: the shared text, and each field as `held` (the
 * map) has it, but those in `notTaken` and those the story's input schema refuses, which keep the
 * revision's value. Until a story is first published, a slug that follows the headline is saved
 * empty, so that the save makes it from the headline again, as the form does (and as the map
 * holds it); once published, an empty one is the slug it has. Refused as the schema refuses when the shared text itself does not fit.
 */
export function cutInput(
  latest: RevisionSnapshot,
  hasBeenPublished: boolean,
  shared: SharedDraft,
  held: Partial<Record<MapField, unknown>>,
  notTaken: readonly FieldNotTaken[] = [],
): CutInput {
  const left = [...notTaken]
  for (;;) {
    const taken = mapFields.filter((field) => field in held && !left.some((aside) => aside.field === field))
    const fields = { ...latest, ...Object.fromEntries(taken.map((field) => [field, held[field]])) }
    const slug = slugToSave(fields.slug, latest, hasBeenPublished)
    const parsed = articleInputSchema.safeParse({
      ...fields,
      slug,
      headline: shared.headline,
      standfirst: shared.standfirst,
      body: shared.body,
    })
    if (parsed.success) return { ok: true, input: parsed.data, notTaken: left }
    const refused = taken.flatMap((field) => {
      const issue = parsed.error.issues.find((found) => found.path[0] === field)
      return issue ? [{ field, message: notTakenMessage(field, issue.message) }] : []
    })
    if (refused.length === 0) return invalidInput(parsed.error)
    left.push(...refused)
  }
}

function slugToSave(slug: unknown, latest: RevisionSnapshot, hasBeenPublished: boolean): unknown {
  if (typeof slug !== 'string') return slug
  if (!hasBeenPublished) return followsHeadline(slug, latest.headline) ? '' : slug
  // Published, the story keeps its address: an empty slug (held from before) is the one it has.
  return slug === '' ? latest.slug : slug
}

/** Whether `input` holds the fields `latest` has (an empty slug following its headline). */
export function hasSavedFields(input: ArticleInput, latest: RevisionSnapshot): boolean {
  return mapFields.every((field) =>
    field === 'slug' && input.slug === ''
      ? followsHeadline(latest.slug, latest.headline)
      : canonicalJson(input[field]) === canonicalJson(latest[field]),
  )
}
