import { diffWordsWithSpace } from 'diff'

/** A run of words that both versions share, that the newer one added, or that it took out. */
export type DiffPart = { kind: 'same' | 'inserted' | 'deleted'; text: string }

export type DiffOptions = {
  /**
   * Milliseconds a text comparison may take before it gives up and shows the whole old text as
   * deleted and the whole new one as inserted: two long, unrelated bodies are slow to compare.
   */
  timeoutMs?: number
}

/** Word-level differences between two texts; whitespace is kept as it is in the texts. */
export function diffText(older: string, newer: string, { timeoutMs = 2000 }: DiffOptions = {}): DiffPart[] {
  if (older === newer) return older ? [{ kind: 'same', text: older }] : []
  // Whitespace counts as tokens, so that the parts spell out both texts exactly.
  const changes = diffWordsWithSpace(older, newer, { timeout: timeoutMs })
  if (!changes)
    return [...(older ? [{ kind: 'deleted' as const, text: older }] : []), ...(newer ? [{ kind: 'inserted' as const, text: newer }] : [])]
  return changes
    .filter((change) => change.value !== '')
    .map((change) => ({ kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same', text: change.value }))
}
