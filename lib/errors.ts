/** The actor may not do this. Route handlers answer 403; actions show the message. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError'
}

/** What a form's server action returns: expected failures are values, not exceptions. */
export type ActionState =
  { ok: true; message: string; fieldErrors?: undefined } | { ok: false; message: string; fieldErrors?: Record<string, string[]> } | null

export type Result<T> = ({ ok: true } & T) | { ok: false; message: string }

export function ok(message: string): ActionState {
  return { ok: true, message }
}

export function fail(message: string, fieldErrors?: Record<string, string[]>): ActionState {
  return { ok: false, message, fieldErrors }
}

/** Runs a data function, turning a refused permission into a message the form can show. */
export async function guarded<T>(run: () => Promise<T>): Promise<T | { ok: false; message: string }> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, message: error.message }
    throw error
  }
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
