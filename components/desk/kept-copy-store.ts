import { z } from 'zod'
import type { RichTextDoc } from '@/db/schema'
import type { KeptCopy } from '@/lib/collab/kept-copy'
import { base64Of, bytesOf } from '@/lib/collab/stored'
import { runOnDevice } from './device-store'

// Where this browser keeps a shared story's unsent typing (components/desk/use-kept-copy.ts): one
// copy per person and story, so that someone else signing in on the same browser never sees or
// merges it. In IndexedDB; and, as the page closes, where a write to IndexedDB may never finish,
// in localStorage too, synchronously (`keepKeptCopyNow`), as the form's copy is (local-draft.ts).
// The newer of the two wins.

const keyOf = (personId: number, articleId: number) => `${personId}:${articleId}`
const closingKey = (personId: number, articleId: number) => `copydesk:shared-story:${keyOf(personId, articleId)}`

const bodySchema = z.custom<RichTextDoc>((value) => typeof value === 'object' && value !== null && 'type' in value)
const partsSchema = z.object({ headline: z.string(), standfirst: z.string(), body: bodySchema })
const keptCopySchema = z.object({
  parts: partsSchema,
  base: partsSchema,
  sentVector: z.instanceof(Uint8Array),
  state: z.instanceof(Uint8Array),
  vector: z.instanceof(Uint8Array),
  keptAt: z.string(),
})
// In localStorage, as text: its Yjs bytes in base64.
const bytesText = z.string().transform((text, context) => {
  try {
    return bytesOf(text)
  } catch {
    context.addIssue({ code: 'custom', message: 'not base64' })
    return z.NEVER
  }
})
const closingCopySchema = keptCopySchema.extend({ sentVector: bytesText, state: bytesText, vector: bytesText })

/** This person's kept copy of the story, or null (none, or the browser cannot read it). */
export async function readKeptCopy(personId: number, articleId: number): Promise<KeptCopy | null> {
  const closing = readClosingCopy(personId, articleId)
  let kept: KeptCopy | null = null
  try {
    const parsed = keptCopySchema.safeParse(
      await runOnDevice('shared-copies', 'readonly', (store) => store.get(keyOf(personId, articleId))),
    )
    if (parsed.success) kept = parsed.data
  } catch {
    // Unreadable: only the copy made as the page closed, if any, is left.
  }
  if (!kept || !closing) return kept ?? closing
  return closing.keptAt > kept.keptAt ? closing : kept
}

/** False when the browser refused (storage full, disabled or private). */
export async function writeKeptCopy(personId: number, articleId: number, copy: KeptCopy): Promise<boolean> {
  try {
    await runOnDevice('shared-copies', 'readwrite', (store) => store.put(copy, keyOf(personId, articleId)))
  } catch {
    return false
  }
  const closing = readClosingCopy(personId, articleId)
  if (closing && closing.keptAt <= copy.keptAt) removeClosingCopy(personId, articleId)
  return true
}

/** Keeps the copy at once, as the page closes; false when it does not fit (localStorage holds about 5 MB). */
export function keepKeptCopyNow(personId: number, articleId: number, copy: KeptCopy): boolean {
  const asText = { ...copy, sentVector: base64Of(copy.sentVector), state: base64Of(copy.state), vector: base64Of(copy.vector) }
  try {
    window.localStorage.setItem(closingKey(personId, articleId), JSON.stringify(asText))
    return true
  } catch {
    return false
  }
}

export async function clearKeptCopy(personId: number, articleId: number): Promise<void> {
  removeClosingCopy(personId, articleId)
  try {
    await runOnDevice('shared-copies', 'readwrite', (store) => store.delete(keyOf(personId, articleId)))
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

function readClosingCopy(personId: number, articleId: number): KeptCopy | null {
  try {
    const raw = window.localStorage.getItem(closingKey(personId, articleId))
    const parsed = raw ? closingCopySchema.safeParse(JSON.parse(raw)) : null
    return parsed?.success ? parsed.data : null
  } catch {
    return null
  }
}

function removeClosingCopy(personId: number, articleId: number): void {
  try {
    window.localStorage.removeItem(closingKey(personId, articleId))
  } catch {
    // Nothing to remove when storage is unavailable.
  }
}
