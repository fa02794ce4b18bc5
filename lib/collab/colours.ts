/** Caret colours that read on white and are told apart from each other (WCAG 3:1 against white or better). */
export const caretColours = ['#b42318', '#175cd3', '#067647', '#9e3a00', '#6941c6', '#c11574', '#0e7090', '#4e5ba6'] as const

/** The same person gets the same colour in every browser: picked from their name. */
export function caretColourFor(name: string): string {
  let hash = 0
  for (const character of name) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0
  return caretColours[hash % caretColours.length] ?? caretColours[0]
}
