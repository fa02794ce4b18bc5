/**
 * THE way to say no. Every data function that may refuse returns a `Refusal` (inside a
 * `Result`), never throws one at its caller; route handlers answer it with `httpStatus`, server
 * actions show it through `toActionState` (lib/errors.ts).
 */
export const httpStatusOfRefusal = {
  /** Nobody is signed in, or the account was disabled or its session ended. */
  unauthenticated: 401,
  /** The person is known and may not do this. */
  forbidden: 403,
  /** No such record (or one the person may not know exists). */
  missing: 404,
  /** The record moved on since the person's screen showed it. */
  conflict: 409,
  /** The request itself is wrong: a field, a status, a limit. */
  invalid: 422,
} as const

export type RefusalReason = keyof typeof httpStatusOfRefusal

/** `field`: the form field at fault, when there is one. */
export type Refusal<R extends RefusalReason = RefusalReason> = { ok: false; reason: R; message: string; field?: string }

/** What a data function answers: its result with `ok: true`, or why not. */
export type Result<T = unknown, R extends RefusalReason = RefusalReason> = ({ ok: true } & T) | Refusal<R>

export function refusal<R extends RefusalReason>(reason: R, message: string, field?: string): Refusal<R> {
  return field === undefined ? { ok: false, reason, message } : { ok: false, reason, message, field }
}

export function httpStatus(refused: Refusal): number {
  return httpStatusOfRefusal[refused.reason]
}

/** Thrown inside a transaction to roll everything back; the caller catches it and answers its refusal. */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message)
  }
}

/** Stops the transaction in hand with this refusal (see `attemptTransition` in lib/transitions.ts). */
export function refuse(reason: RefusalReason, message: string): never {
  throw new Refused(refusal(reason, message))
}

/**
 * A request whose fields did not parse (a zod error): every problem in words, each once however
 * many rows it is found in, naming the first field at fault.
 */
export function invalidInput(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Refusal<'invalid'> {
  const field = error.issues[0]?.path[0]
  const messages = new Set(error.issues.map((issue) => issue.message))
  return refusal('invalid', [...messages].join(' '), typeof field === 'string' ? field : undefined)
}
