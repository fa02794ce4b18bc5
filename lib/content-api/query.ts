import { z } from 'zod'
import type { ApiError } from './errors'
import { type ApiFormat, apiFormats, requestedFormat } from './format'

// Query strings at the API's boundary: each endpoint names every parameter it takes in a strict
// zod object, so an unknown, repeated or malformed parameter is a 400 that says which and why.

/** The most items one page of a list holds. */
export const maxPageSize = 100
/** Items per page when `limit` is not given. */
export const defaultPageSize = 20

const limitMessage = `limit must be a whole number from 1 to ${maxPageSize}.`

/** `format`: json (the default) or ninjs (stories only; lists answer 406). */
export const formatParam = z.enum(apiFormats, { error: 'format must be json or ninjs.' }).optional()

/** The parameters every list takes: how many items, from which cursor, and the format. */
export const pageParams = {
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/, limitMessage)
    .transform(Number)
    .refine((value) => value <= maxPageSize, limitMessage)
    .optional(),
  cursor: z.string().optional(),
  format: formatParam,
}

/** A positive whole number given as text (an id). */
export function idParam(name: string) {
  return z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, `${name} must be a positive whole number.`)
    .transform(Number)
    .refine((value) => value <= 2_147_483_647, `${name} is too large.`)
}

export type ParsedQuery<T> = { ok: true; query: T } | { ok: false; error: ApiError }

/** The query string read with an endpoint's strict schema: each parameter once, none unknown. */
export function parseQuery<S extends z.ZodObject>(params: URLSearchParams, schema: S): ParsedQuery<z.output<S>> {
  const names = [...new Set(params.keys())]
  const repeated = names.find((name) => params.getAll(name).length > 1)
  if (repeated !== undefined) return invalid(`The parameter "${repeated}" is given more than once.`)
  const parsed = schema.safeParse(Object.fromEntries(params))
  if (parsed.success) return { ok: true, query: parsed.data }
  const [issue] = parsed.error.issues
  if (issue?.code === 'unrecognized_keys') {
    const known = Object.keys(schema.shape)
    const takes = known.length > 0 ? `This endpoint takes: ${known.join(', ')}.` : 'This endpoint takes no parameters.'
    return invalid(`Unknown parameter "${issue.keys.join('", "')}". ${takes}`)
  }
  return invalid(issue?.message ?? 'The query string is not valid.')
}

function invalid(message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'invalid_query', message } }
}

export type ReadRequest<T> = { ok: true; query: T; format: ApiFormat } | { ok: false; error: ApiError }

/**
 * A request's query string read with `schema`, and the format it asks for, which must be one of
 * `formats` (406 otherwise: only single stories come in ninjs).
 */
export function readRequest<S extends z.ZodObject>(
  request: Request,
  schema: S,
  formats: readonly ApiFormat[] = ['json'],
): ReadRequest<z.output<S>> {
  const { searchParams } = new URL(request.url)
  const parsed = parseQuery(searchParams, schema)
  if (!parsed.ok) return parsed
  const format = requestedFormat(searchParams, request.headers.get('accept')) === 'ninjs' ? 'ninjs' : 'json'
  if (!formats.includes(format)) {
    return {
      ok: false,
      error: { code: 'not_acceptable', message: 'This endpoint answers in JSON only: ninjs is given for single stories.' },
    }
  }
  return { ok: true, query: parsed.query, format }
}
