'use client'

import { requestJson } from './json-client'
import type { SaveResponse, StoryDraft } from '@/lib/story-draft'

/** The save request the story form sends (app/desk/articles/[id]/revisions/route.ts). */
export type SaveRequest = {
  draft: StoryDraft
  baseVersion: number
  kind: 'autosave' | 'save'
  setAside?: StoryDraft
  approveAgain: boolean
  /** The browser could not reach the sync server: its headline, standfirst and body are its own. */
  alone: boolean
}

/** Sends a save; 'offline' when the server could not be reached or failed, to be tried again. */
export async function sendSave(articleId: number, request: SaveRequest, isClosing: boolean): Promise<SaveResponse | 'offline'> {
  const answer = await requestJson<SaveResponse>(`/desk/articles/${articleId}/revisions`, {
    method: 'POST',
    body: request,
    // Outlives the page, but only when small: a larger save would be refused outright, and its
    // text is in the device copy, offered when the story is opened again.
    keepalive: isClosing,
    messages: { signedOut: 'You are signed out. Sign in again in another tab, then save.' },
  })
  if (answer.ok) return answer.data
  if (answer.reason === 'signed-out') return { ok: false, reason: 'signed-out', message: answer.message }
  return answer.reason === 'network' || answer.status >= 500
    ? 'offline'
    : { ok: false, reason: 'invalid', message: `The server refused the save (${answer.status}).` }
}
