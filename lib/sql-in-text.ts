import { type SQL, sql } from 'drizzle-orm'

// Values written into a statement's text rather than sent as parameters: a statement with no
// parameters keeps its plan, made for these very values, in the embedded database
// (db/pglite-client.ts). Only numbers and times checked here, never text a person typed.

/** A whole number (an id, a limit, an offset) as SQL text. */
export function wholeNumberInText(value: number): SQL {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Not a whole number: ${value}`)
  return sql.raw(String(value))
}

/** A time as SQL text, from a Date. */
export function timeInText(at: Date): SQL {
  if (Number.isNaN(at.getTime())) throw new Error('Not a time')
  return sql.raw(`'${at.toISOString()}'::timestamptz`)
}
