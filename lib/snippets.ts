// PostgreSQL's ts_headline starts and ends each fragment of a snippet on a word, so whatever is
// glued to that word's outside is lost: the "$" of "$180m", an opening bracket or quote, a closing
// one, a full stop. A snippet is put back together from the text it was cut from.

/**
 * Widens each fragment of a snippet (fragments joined by `delimiter`) to whole words of `source`,
 * the text it was cut from: "180m bond" in "a $180m bond (so far)." becomes "$180m bond". `marks`
 * are the characters the snippet marks matches with, which the source does not hold.
 */
export function wholeWordSnippet(snippet: string, source: string, options: { delimiter: string; marks: string }): string {
  const unmarked = (text: string) => [...text].filter((character) => !options.marks.includes(character)).join('')
  return snippet
    .split(options.delimiter)
    .map((fragment) => {
      const plain = unmarked(fragment)
      const at = plain === '' ? -1 : source.indexOf(plain)
      if (at === -1) return fragment
      let start = at
      while (start > 0 && !/\s/.test(source.charAt(start - 1))) start--
      let end = at + plain.length
      while (end < source.length && !/\s/.test(source.charAt(end))) end++
      return source.slice(start, at) + fragment + source.slice(at + plain.length, end)
    })
    .join(options.delimiter)
}
