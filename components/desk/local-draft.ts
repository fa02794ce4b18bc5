import { z } from 'zod'
import type { StoryDraft } from '@/lib/story-draft'
import { runOnDevice } from './device-store'

/**
 * The device's copy of a story's unsaved edits, so that a failed save, a lost connection or a
 * closed tab never loses typed text. Kept until the server confirms a save of the same edits.
 * `baseVersion` is the story's version the edits started from: restoring them saves against it,
 * so that a newer save by someone else is merged with them instead of being overwritten; `base` is
 * that version's text, which the merge needs (lib/story-merge.ts).
 */
export type LocalDraft = { draft: StoryDraft; baseVersion: number; keptAt: string; base?: StoryDraft }

// IndexedDB, not localStorage: a long story with a large paste is over localStorage's 5 MB.
// But a write to IndexedDB started as the page closes may never finish, so at that moment the
// copy goes to localStorage too, synchronously (`keepLocalDraftNow`); the newer of the two wins.
const closingKey = (articleId: number) => `copydesk:story:${articleId}`
const run = <T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>) =>
  runOnDevice('story-drafts', mode, operation)

const draftSchema = z.custom<StoryDraft>((value) => typeof value === 'object' && value !== null && 'headline' in value && 'body' in value)
const localDraftSchema = z.object({
  draft: draftSchema,
  baseVersion: z.number().int().positive(),
  keptAt: z.string(),
  base: draftSchema.optional(),
})

export async function readLocalDraft(articleId: number): Promise<LocalDraft | null> {
  const closing = readClosingCopy(articleId)
  let kept: LocalDraft | null = null
  try {
    const parsed = localDraftSchema.safeParse(await run('readonly', (store) => store.get(articleId)))
    if (parsed.success) kept = parsed.data
  } catch {
    // Unreadable: only the copy made as the page closed, if any, is left.
  }
  if (!kept || !closing) return kept ?? closing
  return closing.keptAt > kept.keptAt ? closing : kept
}

/** False when the browser refused (storage full, disabled or private): the caller says so. */
export async function writeLocalDraft(articleId: number, value: LocalDraft): Promise<boolean> {
  try {
    await run('readwrite', (store) => store.put(value, articleId))
  } catch {
    return false
  }
  // A copy made as the page was closing is now out of date, unless it is newer than this one.
  const closing = readClosingCopy(articleId)
  if (closing && closing.keptAt <= value.keptAt) removeClosingCopy(articleId)
  return true
}

/**
 * Keeps the copy at once, as the page closes, where `writeLocalDraft` might not finish in time.
 * False when it does not fit (localStorage holds about 5 MB): the last copy written before stays.
 */
export function keepLocalDraftNow(articleId: number, value: LocalDraft): boolean {
  try {
    window.localStorage.setItem(closingKey(articleId), JSON.stringify(value))
    return true
  } catch {
    return false
  }
}

export async function clearLocalDraft(articleId: number): Promise<void> {
  removeClosingCopy(articleId)
  try {
    await run('readwrite', (store) => store.delete(articleId))
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

function readClosingCopy(articleId: number): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(closingKey(articleId))
    const parsed = raw ? localDraftSchema.safeParse(JSON.parse(raw)) : null
    return parsed?.success ? parsed.data : null
  } catch {
    return null
  }
}

function removeClosingCopy(articleId: number): void {
  try {
    window.localStorage.removeItem(closingKey(articleId))
  } catch {
    // Nothing to remove when storage is unavailable.
  }
}
