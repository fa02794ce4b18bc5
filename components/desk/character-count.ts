import { textLength } from '@/lib/clean-text'

/**
 * A character count of `text` against a hard limit, and where search engines cut off, if that is
 * shorter. Counted as the server counts (`textLength`): an emoji or an accented letter is one.
 */
export function characterCount(text: string, max: number, ideal?: number): { text: string; isOver: boolean } {
  const length = textLength(text)
  const isOver = length > max
  const isLong = ideal !== undefined && length > ideal
  const note = isOver
    ? ` — over the limit of ${max}; it will not save until shortened.`
    : isLong
      ? ' — search results will cut it short.'
      : ''
  return { text: `${length} / ${ideal ?? max} characters${note}`, isOver }
}
