import { z } from 'zod'

// THE rule for text that people type or paste, on the server and in the browser alike (no
// imports but zod). PostgreSQL refuses NUL in text and lone UTF-16 surrogates in JSON, and no
// field has a use for control characters: they are dropped, lone surrogates become U+FFFD, and
// text is stored in NFC (what keyboards produce, so search, slugs and duplicate checks agree).
// Lengths are counted, and texts cut, in the characters a person sees: grapheme clusters.

export type TextKind = {
  /** Keeps line breaks (as `\n`) and tabs; a single-line field turns them into spaces. */
  multiline?: boolean
}

/**
 * A cluster longer than this many UTF-16 units counts as one character per this many: one
 * "character" with a thousand stacked accents must not slip past a limit. No real character
 * comes near it (the longest emoji sequences are about 15).
 */
export const maxUnitsPerCharacter = 32

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const lineBreak = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g
const controlsButTabAndNewline = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g
const controls = /\p{Cc}/gu

/** `value` fit to be stored (see the top of this file); any string can be cleaned. */
export function cleanText(value: string, kind: TextKind = {}): string {
  const text = wellFormed(value)
  const cleaned = kind.multiline
    ? text.replace(lineBreak, '\n').replace(controlsButTabAndNewline, '')
    : oneLine(text).replace(/\t/g, ' ').replace(controls, '')
  return cleaned.normalize('NFC')
}

/**
 * The lines of `text` joined by single spaces, the spaces around each break dropped. (Not one
 * regular expression: `\s*\n+\s*` backtracks through a long run of spaces, and takes seconds.)
 */
function oneLine(text: string): string {
  const lines = text.split(lineBreak)
  if (lines.length === 1) return text
  const last = lines.length - 1
  return lines
    .map((line, index) => (index > 0 ? line.trimStart() : line))
    .map((line, index) => (index < last ? line.trimEnd() : line))
    .filter((line, index) => line !== '' || index === 0 || index === last)
    .join(' ')
}

/**
 * `value` with each lone surrogate replaced by U+FFFD, and nothing else changed: for addresses,
 * whose control characters are a sign of an attack for lib/story-schema/urls.ts to refuse, not
 * something to quietly take out.
 */
export function wellFormed(value: string): string {
  return value.replace(loneSurrogate, '\ufffd')
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })
// Segmenting a long string in one go takes time that grows with the square of its length in V8
// (40,000 characters: seconds), so it is segmented a piece at a time, each piece starting where a
// character starts.
const pieceUnits = 256

/** The characters (grapheme clusters) of `value`, in order. */
function* characters(value: string): Generator<string> {
  let start = 0
  while (start < value.length) {
    let end = Math.min(value.length, start + pieceUnits)
    // Never end a piece between the two halves of a surrogate pair.
    if (end < value.length && /[\ud800-\udbff]/.test(value.charAt(end - 1))) end--
    const segments = [...graphemes.segment(value.slice(start, end))].map((part) => part.segment)
    // The piece's last character may go on past its end: it starts the next piece, unless it is all there is.
    const complete = end < value.length && segments.length > 1 ? segments.slice(0, -1) : segments
    for (const segment of complete) {
      yield segment
      start += segment.length
    }
  }
}

function weight(character: string): number {
  return Math.max(1, Math.ceil(character.length / maxUnitsPerCharacter))
}

/** How many characters `value` has, as the desk's counters show and every limit counts: grapheme clusters. */
export function textLength(value: string): number {
  // Plain ASCII has one character per unit, but for a CR LF pair.
  if (/^[\u0000-\u007f]*$/.test(value)) return value.length - (value.match(/\r\n/g)?.length ?? 0)
  let length = 0
  for (const character of characters(value)) length += weight(character)
  return length
}

/** Whether `value` has at most `max` characters (quick for short texts and for very long ones). */
export function isWithin(value: string, max: number): boolean {
  if (value.length <= max) return true
  // Every character takes at most `maxUnitsPerCharacter` units, so this many units are too many.
  if (value.length > max * maxUnitsPerCharacter) return false
  return textLength(value) <= max
}

/** `value` cut to at most `max` characters, never inside a character (an emoji, a letter and its accents). */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value
  let length = 0
  let end = 0
  for (const character of characters(value)) {
    length += weight(character)
    if (length > max) break
    end += character.length
  }
  return value.slice(0, end)
}

/** A single line of plain text as stored: cleaned, spaces trimmed, cut to `max` characters. */
export function cleanLine(value: unknown, max: number): string {
  return typeof value === 'string' ? cutText(cleanText(value).replace(/\s+/g, ' ').trim(), max) : ''
}

type TextFieldOptions = TextKind & {
  max: number
  /** Said when the text is over `max` characters. */
  tooLong: string
  /** Said when nothing is left once cleaned and trimmed; without it, '' is allowed. */
  required?: string
}

/**
 * A text field of a form or request: cleaned (`cleanText`) and trimmed, then refused only for what
 * cleaning cannot settle without losing words: too long, or empty when required.
 */
export function textField(options: TextFieldOptions) {
  const { max, tooLong, required } = options
  let checked = z.string()
  if (required !== undefined) checked = checked.min(1, required)
  return z
    .string()
    .transform((value) => cleanText(value, options).trim())
    .pipe(checked.refine((value) => isWithin(value, max), tooLong))
}

/** A search box's words: cleaned to one line and cut to `max` characters, never refused. */
export function searchText(max: number) {
  return z.string().transform((value) => cutText(cleanText(value).replace(/\s+/g, ' ').trim(), max))
}
