// Typographic punctuation, as a compositor would set it: curly quotes and apostrophes, em dashes
// and ellipses. One set of rules for what is typed in the story editor (components/editor/
// typography.ts), what is pasted into it (components/editor/paste.ts) and the headline and standfirst.

/** The characters a quote opens after: a space, a bracket, a dash or another quote (or nothing). */
const opensAfter = /[\s([{<"'“‘—–-]/

/** The start of a web or e-mail address: a word that begins so is left exactly as typed. */
const addressStart = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)/i

/** Whether the character at `at` is in a word (text between spaces) that is an address. */
function isInAddress(text: string, at: number): boolean {
  let start = at
  const limit = Math.max(0, at - 2000)
  while (start > limit && !/\s/.test(text[start - 1] ?? '')) start--
  return addressStart.test(text.slice(start, start + 32))
}

function isAddress(before: string): boolean {
  return isInAddress(before, before.length)
}

/**
 * `text` with typographic punctuation, read as if typed after `before` (the text already to its
 * left): "…" becomes “…”, ' an apostrophe or ‘…’, -- an em dash and ... an ellipsis. A character
 * inside a web address is left as it is. A regular expression finds the few characters to
 * change, so a long paste stays quick.
 */
export function typographic(text: string, before = ''): string {
  const full = before + text
  return text.replace(/--|\.\.\.|["']/g, (found: string, offset: number) => {
    const at = before.length + offset
    if (isInAddress(full, at)) return found
    if (found === '--') return '—'
    if (found === '...') return '…'
    const previous = full[at - 1]
    const opens = previous === undefined || opensAfter.test(previous)
    if (found === '"') return opens ? '“' : '”'
    return opens ? '‘' : '’'
  })
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
