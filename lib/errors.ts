import type { Refusal } from './refusal'

/** What a form's server action returns: expected failures are values, not exceptions. */
export type ActionState =
  { ok: true; message: string; fieldErrors?: undefined } | { ok: false; message: string; fieldErrors?: Record<string, string[]> } | null

export function ok(message: string): ActionState {
  return { ok: true, message }
}

export function fail(message: string, fieldErrors?: Record<string, string[]>): ActionState {
  return { ok: false, message, fieldErrors }
}

/** THE mapping from a refusal to what a form shows: its message, by the field at fault if any. */
export function toActionState(refused: Refusal): ActionState {
  return refused.field === undefined ? fail(refused.message) : fail(refused.message, { [refused.field]: [refused.message] })
}

/** The first problem of each field of a failed zod parse, for the form. */
export function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }): ActionState {
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message]
  }
  return fail('Please correct the highlighted fields.', fieldErrors)
}
