import type { StoryDraft } from '@/lib/story-draft'

/**
 * The device's copy of a story's unsaved edits, so that a failed save, a lost connection or a
 * closed tab never loses typed text. Kept until the server confirms a save of the same edits.
 */
export type LocalDraft = { draft: StoryDraft; baseVersion: number; keptAt: string }

const key = (articleId: number) => `copydesk:story:${articleId}`

export function readLocalDraft(articleId: number): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(articleId))
    return raw ? (JSON.parse(raw) as LocalDraft) : null
  } catch {
    return null
  }
}

/** False when the browser refused (storage full or disabled): the caller says so. */
export function writeLocalDraft(articleId: number, value: LocalDraft): boolean {
  try {
    window.localStorage.setItem(key(articleId), JSON.stringify(value))
    return true
  } catch {
    return false
  }
}

export function clearLocalDraft(articleId: number): void {
  try {
    window.localStorage.removeItem(key(articleId))
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}
