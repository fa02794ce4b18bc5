// Typographic punctuation, as a compositor would set it: curly quotes and apostrophes, em dashes
// and ellipses. One set of rules for what is typed in the story editor (components/editor/
// typography.ts), what is pasted into it (components/editor/paste.ts) and the headline and standfirst.

/** The characters a quote opens after: the start of the text, a space, a bracket, a dash or another quote. */
const opensAfter = /[\s([{<"'“‘—–]/

/** The start of a web or e-mail address: a word that begins so is left exactly as typed. */
const addressStart = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)/i

/** Whether the word being written (the text since the last space) is an address. */
function isAddress(before: string): boolean {
  return addressStart.test(/\S*$/.exec(before.slice(-2000))?.[0] ?? '')
}

/**
 * `text` with typographic punctuation, read as if typed after `before` (the text already to its
 * left): "…" becomes “…”, ' an apostrophe or ‘…’, -- an em dash and ... an ellipsis. A character
 * inside a web address is left as it is. Linear in the text's length: a long paste stays quick.
 */
export function typographic(text: string, before = ''): string {
  const out: string[] = []
  // The start of the word being written (enough to tell an address), and the character before.
  let word = (/\S*$/.exec(before.slice(-2000))?.[0] ?? '').slice(0, 64)
  let last = before.slice(-1)
  for (const character of text) {
    const previous = out.at(-1)
    let put = character
    if (addressStart.test(word)) put = character
    else if (character === '"') put = last === '' || opensAfter.test(last) ? '“' : '”'
    else if (character === "'") put = last === '' || opensAfter.test(last) ? '‘' : '’'
    else if (character === '-' && previous === '-') {
      out.pop()
      put = '—'
    } else if (character === '.' && previous === '.' && out.at(-2) === '.') {
      out.splice(-2, 2)
      put = '…'
    }
    out.push(put)
    last = put
    word = /\s/.test(character) ? '' : word.length < 64 ? word + character : word
  }
  return out.join('')
}

/**
 * The text a typed character replaces, when it makes typographic punctuation with what is before
 * it: `{ length, text }` for the last `length` characters of `before + typed`; null when the
 * character stays as typed.
 */
export function typographicInput(before: string, typed: string): { length: number; text: string } | null {
  const length = typed === '-' && before.endsWith('-') ? 2 : typed === '.' && before.endsWith('..') ? 3 : 1
  if (length > 1 && isAddress(before)) return null
  const replaced = before.slice(before.length - (length - 1)) + typed
  const text = typographic(replaced, before.slice(0, before.length - (length - 1)))
  return text === replaced ? null : { length, text }
}

/**
 * A text field's new value with typographic punctuation in what was just typed or pasted (the
 * text between `previous` and `next` that changed, ending at the caret), and where the caret then
 * goes. Text that was already there is left as it is, so a straight quote the writer put back stays.
 */
export function typographicEdit(previous: string, next: string, caret: number): { text: string; caret: number } {
  let start = 0
  while (start < previous.length && start < next.length && previous[start] === next[start]) start++
  const end = Math.max(start, caret)
  const inserted = next.slice(start, end)
  if (inserted === '') return { text: next, caret }
  const before = next.slice(0, start)
  const replacement = [...inserted].length === 1 ? typographicInput(before, inserted) : null
  const text =
    replacement === null
      ? before + typographic(inserted, before) + next.slice(end)
      : next.slice(0, end - replacement.length) + replacement.text + next.slice(end)
  return { text, caret: caret - (next.length - text.length) }
}
