/** A character count against a hard limit, and where search engines cut off, if that is shorter. */
export function characterCount(length: number, max: number, ideal?: number): { text: string; isOver: boolean } {
  const isOver = length > max
  const isLong = ideal !== undefined && length > ideal
  const note = isOver
    ? ` — over the limit of ${max}; it will not save until shortened.`
    : isLong
      ? ' — search results will cut it short.'
      : ''
  return { text: `${length} / ${ideal ?? max} characters${note}`, isOver }
}
